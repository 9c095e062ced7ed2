import { isWithinLastDays } from '@shoplink/time';
import { ClaimRole } from './account.events';
import { AccountClaim } from './account-claims.state';

/** How often a marketing account may be linked across shops: at most `marketingLinksPerWindow` in any `marketingLinkWindowDays`. */
export interface MarketingRelinkPolicy {
  readonly marketingLinksPerWindow: number;
  readonly marketingLinkWindowDays: number;
}

/** One past link (or claim) of the account, to any shop. */
export interface PastLink {
  readonly role: ClaimRole;
  readonly linkedAt: string;
}

export interface MarketingRelinkAllowance {
  readonly windowDays: number;
  readonly limit: number;
  /** Marketing links inside the window. */
  readonly used: number;
  /** Links left before the limit; never negative. */
  readonly remaining: number;
}

/**
 * The account's marketing relink allowance at `now`. The window is the last `windowDays` days
 * before `now`, open at its start: a link made exactly `windowDays` ago no longer counts, one a
 * millisecond younger does. That is the boundary the claim, the link rules and the account
 * query always applied, and the one the cooling period before leaving shares (at exactly its
 * end the shop may leave). Official links never use the allowance.
 */
export function marketingRelinkAllowance(links: readonly PastLink[], now: Date, policy: MarketingRelinkPolicy): MarketingRelinkAllowance {
  const windowDays = policy.marketingLinkWindowDays;
  const limit = policy.marketingLinksPerWindow;
  const used = links.filter((link) => link.role === 'marketing' && isWithinLastDays(link.linkedAt, now, windowDays)).length;
  return { windowDays, limit, used, remaining: Math.max(0, limit - used) };
}

/** Whether one more marketing link would exceed the allowance (RELINK_LIMIT_REACHED). */
export const relinkLimitReached = (links: readonly PastLink[], now: Date, policy: MarketingRelinkPolicy): boolean =>
  marketingRelinkAllowance(links, now, policy).remaining === 0;

/**
 * The one count of the allowance from the account's claims (the history `evolveAccountClaims`
 * keeps: claims that became links), used by the claim decision, the shop's link rules and
 * `GET /v1/accounts/:id`, so what the query shows as remaining is what the next claim is judged by.
 */
export const relinkAllowanceOf = (history: readonly AccountClaim[], now: Date, policy: MarketingRelinkPolicy): MarketingRelinkAllowance =>
  marketingRelinkAllowance(pastLinksOf(history), now, policy);

/** The claims as past links: a link is counted from the moment its claim was made. */
export const pastLinksOf = (history: readonly AccountClaim[]): PastLink[] =>
  history.map((claim) => ({ role: claim.role, linkedAt: claim.claimedAt }));
