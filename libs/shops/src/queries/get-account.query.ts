import { MarketingRelinkAllowance, marketingRelinkAllowance } from '@shoplink/accounts/domain/marketing-relink-allowance';
import { QueryMessage } from '@shoplink/command-handling';
import { ReadModelStore } from '@shoplink/read-models';
import { ShopPolicy } from '../domain/shop-policy';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { ACCOUNTS_COLLECTION, AccountDocument } from '../projections/account.projection';

export interface AccountAnswer extends AccountDocument {
  /** Depends on today's date, so it is computed as the question is answered rather than stored. */
  readonly marketingLinkAllowance: MarketingRelinkAllowance;
}

/** GET /v1/accounts/:accountId: where a TikTok account is linked and how, its open requests and its relink allowance. */
export class GetAccount implements QueryMessage<AccountAnswer> {
  declare readonly resultType?: AccountAnswer;
  readonly queryType = 'GetAccount';
  constructor(readonly accountId: string) {}
}

export interface GetAccountDeps {
  readonly readModels: ReadModelStore;
  readonly now: () => Date;
  readonly policy: ShopPolicy;
}

export class GetAccountHandler {
  constructor(private readonly deps: GetAccountDeps) {}

  async execute({ accountId }: GetAccount): Promise<AccountAnswer> {
    const doc = (await this.deps.readModels.get(ACCOUNTS_COLLECTION, accountId)) as AccountDocument | null;
    if (doc === null) throw new ShopRuleViolation('ACCOUNT_NOT_FOUND', 'not_found', `Shoplink has never seen account ${accountId}`);
    return { ...doc, marketingLinkAllowance: marketingRelinkAllowance(doc.linkHistory, this.deps.now(), this.deps.policy) };
  }
}
