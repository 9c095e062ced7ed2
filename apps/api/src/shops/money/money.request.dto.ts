import { IsAmount, IsIdentifier, IsText } from '../../http/dto-rules';

export class CreditFundsRequest {
  @IsIdentifier('The settlement credited; a settlement is credited once')
  settlementId: string;

  @IsIdentifier('The order the settlement pays for')
  orderId: string;

  @IsAmount('The amount settled')
  amount: number;
}

export class RequestWithdrawalRequest {
  @IsIdentifier('The withdrawal id, chosen by the payout service')
  withdrawalId: string;

  @IsAmount('The amount to withdraw to the verified bank account')
  amount: number;
}

export class WithdrawalFailureRequest {
  @IsText('Why the payout failed', 500)
  reason: string;
}
