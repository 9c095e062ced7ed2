import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { AFTER_SALES_KINDS, AfterSalesKind } from '@shoplink/shops';
import { IsIdentifier } from '../../http/dto-rules';

export class OpenAfterSalesCaseRequest {
  @IsIdentifier('The refund, return or dispute id')
  caseId: string;

  @ApiProperty({ enum: AFTER_SALES_KINDS, description: 'refund (money back), return (goods back) or dispute' })
  @IsIn(AFTER_SALES_KINDS as AfterSalesKind[])
  kind: AfterSalesKind;

  @IsIdentifier('The order it is about, recorded in this shop')
  orderId: string;
}
