import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { ID_FORMAT, ID_PATTERN } from '../../http/identifiers';
import { IsText } from '../../http/dto-rules';

export class DeactivationRequest {
  @ApiProperty({
    required: false,
    description: `The support ticket: required when a support agent deactivates on the seller's behalf, recorded in ShopDeactivated (${ID_FORMAT})`,
    pattern: ID_PATTERN.source,
    example: 'TCK-1042',
  })
  @IsOptional()
  @IsString()
  @Matches(ID_PATTERN, { message: `ticketId must be ${ID_FORMAT}` })
  ticketId?: string;
}

export class ClosureRequest {
  @IsText('Why the shop closes, recorded in ShopClosed', 1000, 'The business is retiring')
  reason: string;
}
