import { AccountClaim } from '@shoplink/accounts/domain/account-claims.state';
import { MarketingRelinkAllowance, relinkAllowanceOf } from '@shoplink/accounts/domain/marketing-relink-allowance';
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
  /**
   * The account's claims that became links, from its own stream: the allowance is counted from what
   * the claim decision counts, not from the shops' AccountLinked events, so the remaining figure shown
   * is the one the next claim is judged by.
   */
  readonly claimHistory: (accountId: string) => Promise<readonly AccountClaim[]>;
}

export class GetAccountHandler {
  constructor(private readonly deps: GetAccountDeps) {}

  async execute({ accountId }: GetAccount): Promise<AccountAnswer> {
    const doc = (await this.deps.readModels.get(ACCOUNTS_COLLECTION, accountId)) as AccountDocument | null;
    if (doc === null) throw new ShopRuleViolation('ACCOUNT_NOT_FOUND', 'not_found', `Shoplink has never seen account ${accountId}`);
    const history = await this.deps.claimHistory(accountId);
    return { ...doc, marketingLinkAllowance: relinkAllowanceOf(history, this.deps.now(), this.deps.policy) };
  }
}
