import { IsIdentifier } from '../../http/dto-rules';

export class ErasureRequest {
  @IsIdentifier('The support ticket of the erasure request, recorded with it')
  ticketId: string;
}
