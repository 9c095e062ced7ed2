import { QueryMessage } from '@shoplink/command-handling';
import { ReadModelStore } from '@shoplink/read-models';
import { ShopPolicy } from '../domain/shop-policy';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { ACCOUNTS_COLLECTION, AccountDocument } from '../projections/account.projection';

const DAY_MS = 86_400_000;

export interface AccountAnswer extends AccountDocument {
  /** Depends on today's date, so it is computed as the question is answered rather than stored. */
  readonly marketingLinkAllowance: {
    readonly windowDays: number;
    readonly limit: number;
    readonly used: number;
    readonly remaining: number;
  };
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
    const { policy } = this.deps;
    const windowStart = this.deps.now().getTime() - policy.marketingLinkWindowDays * DAY_MS;
    const used = doc.linkHistory.filter((l) => l.role === 'marketing' && Date.parse(l.linkedAt) > windowStart).length;
    const limit = policy.marketingLinksPerWindow;
    return {
      ...doc,
      marketingLinkAllowance: { windowDays: policy.marketingLinkWindowDays, limit, used, remaining: Math.max(0, limit - used) },
    };
  }
}
