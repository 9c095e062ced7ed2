import { IsOptional } from 'class-validator';
import { IsIdentifier, IsText } from '../../http/dto-rules';

export class DeactivationRequest {
  @IsOptional()
  @IsIdentifier("The support ticket: required when a support agent deactivates on the seller's behalf, recorded in ShopDeactivated")
  ticketId?: string;
}

export class ClosureRequest {
  @IsText('Why the shop closes, recorded in ShopClosed', 1000, 'The business is retiring')
  reason: string;
}
