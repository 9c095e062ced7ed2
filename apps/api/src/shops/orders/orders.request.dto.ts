import { IsAmount, IsIdentifier } from '../../http/dto-rules';

export class PlaceOrderRequest {
  @IsIdentifier('The order id')
  orderId: string;

  @IsAmount('The order total')
  amount: number;
}
