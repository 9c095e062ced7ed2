import { AccountEvent, ClaimRole, ReleaseReason } from './account.events';
import { AccountClaim, AccountClaimsState } from './account-claims.state';
import { MarketingRelinkPolicy, relinkAllowanceOf } from './marketing-relink-allowance';

export type ClaimPolicy = MarketingRelinkPolicy;

export interface ClaimRequest {
  readonly accountId: string;
  readonly shopId: string;
  readonly role: ClaimRole;
  readonly claimId: string;
}

/** Refusal of a claim, with the same stable codes as the shop's link rules. */
export class AccountClaimRefused extends Error {
  constructor(
    readonly code: 'ACCOUNT_LINKED_ELSEWHERE' | 'RELINK_LIMIT_REACHED',
    message: string,
    readonly holder: AccountClaim | null,
  ) {
    super(message);
    this.name = 'AccountClaimRefused';
  }
}

/**
 * Claims the account for a shop. `isLive` says whether the current holder's shop really
 * holds the link (or is still within its grace period to write it); a claim that is not
 * live was abandoned by a crash or a refused shop append and is released on the way.
 */
export function decideAccountClaim(
  state: AccountClaimsState,
  request: ClaimRequest,
  ctx: { readonly now: Date; readonly policy: ClaimPolicy; readonly isLive: boolean },
): AccountEvent[] {
  const at = ctx.now.toISOString();
  const current = state.current;
  if (current?.claimId === request.claimId) return [];
  const released: AccountEvent[] = [];
  if (current !== null) {
    if (current.shopId !== request.shopId && ctx.isLive) {
      throw new AccountClaimRefused('ACCOUNT_LINKED_ELSEWHERE', `Account ${request.accountId} is linked to another shop`, current);
    }
    // The same shop re-linking, or another shop's dead claim: release it first so the log says why.
    const reason = current.shopId === request.shopId ? 'unlinked' : 'abandoned';
    released.push({
      type: 'AccountReleased',
      data: { accountId: request.accountId, shopId: current.shopId, claimId: current.claimId, reason, releasedAt: at },
    });
  }
  if (request.role === 'marketing') {
    const { used, windowDays, remaining } = relinkAllowanceOf(state.history, ctx.now, ctx.policy);
    if (remaining === 0) {
      throw new AccountClaimRefused(
        'RELINK_LIMIT_REACHED',
        `Account ${request.accountId} was linked as a marketing account ${used} times in the last ${windowDays} days`,
        current,
      );
    }
  }
  const claimed: AccountEvent = {
    type: 'AccountClaimed',
    data: { accountId: request.accountId, shopId: request.shopId, role: request.role, claimId: request.claimId, claimedAt: at },
  };
  return [...released, claimed];
}

/** Releases the shop's claim, if it holds one; nothing otherwise (releasing twice is harmless). */
export function decideAccountRelease(
  state: AccountClaimsState,
  request: { readonly accountId: string; readonly shopId: string; readonly reason: ReleaseReason; readonly claimId?: string },
  now: Date,
): AccountEvent[] {
  const current = state.current;
  if (current === null || current.shopId !== request.shopId) return [];
  if (request.claimId !== undefined && current.claimId !== request.claimId) return [];
  return [
    {
      type: 'AccountReleased',
      data: {
        accountId: request.accountId,
        shopId: request.shopId,
        claimId: current.claimId,
        reason: request.reason,
        releasedAt: now.toISOString(),
      },
    },
  ];
}
