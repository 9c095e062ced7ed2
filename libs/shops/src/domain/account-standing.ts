import { LinkRole } from './shop.events';

/**
 * What other shops know of a TikTok account, gathered by the caller of `decideShop`
 * because it lies outside this shop's stream: where it is linked now and its recent links.
 */
export interface AccountStanding {
  readonly linkedTo: { readonly shopId: string; readonly role: LinkRole } | null;
  /** Every link of the account (any shop) with its time, newest last. */
  readonly recentLinks: readonly { readonly shopId: string; readonly role: LinkRole; readonly linkedAt: string }[];
}

export const UNKNOWN_ACCOUNT: AccountStanding = { linkedTo: null, recentLinks: [] };
