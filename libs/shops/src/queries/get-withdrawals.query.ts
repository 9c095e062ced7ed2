import { QueryMessage } from '@shoplink/command-handling';
import { Document, ReadModelStore } from '@shoplink/read-models';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { SHOP_STATUS_COLLECTION } from '../projections/shop-status.document';
import { WITHDRAWALS_COLLECTION } from '../projections/withdrawals.projection';

export interface WithdrawalsAnswer {
  readonly shopId: string;
  readonly withdrawals: readonly Document[];
}

/** GET /v1/shops/:shopId/withdrawals: the shop's withdrawals and their state, oldest id first. */
export class GetWithdrawals implements QueryMessage<WithdrawalsAnswer> {
  declare readonly resultType?: WithdrawalsAnswer;
  readonly queryType = 'GetWithdrawals';
  constructor(readonly shopId: string) {}
}

export class GetWithdrawalsHandler {
  constructor(private readonly readModels: ReadModelStore) {}

  async execute({ shopId }: GetWithdrawals): Promise<WithdrawalsAnswer> {
    if ((await this.readModels.get(SHOP_STATUS_COLLECTION, shopId)) === null)
      throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    return { shopId, withdrawals: await this.readModels.findBy(WITHDRAWALS_COLLECTION, 'shopId', shopId) };
  }
}
