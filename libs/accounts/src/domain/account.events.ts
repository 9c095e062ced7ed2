/**
 * Events of a TikTok account's own stream (`account-<accountId>`). A rule needs this second
 * stream: an account is linked to at most one shop at a time, and a marketing account at most
 * 10 times in 180 days, however many shops race for it. Appending a claim here with the
 * expected revision is what makes exactly one of them win, on any store.
 */
export type ClaimRole = 'official' | 'marketing';

export interface AccountClaimed {
  readonly type: 'AccountClaimed';
  readonly data: {
    readonly accountId: string;
    readonly shopId: string;
    readonly role: ClaimRole;
    /** The id of the shop command that links the account; a retry of it finds its own claim. */
    readonly claimId: string;
    readonly claimedAt: string;
  };
}

export type ReleaseReason = 'unlinked' | 'abandoned' | 'compensated';

export interface AccountReleased {
  readonly type: 'AccountReleased';
  readonly data: {
    readonly accountId: string;
    readonly shopId: string;
    readonly claimId: string;
    /** unlinked: the shop unlinked it; abandoned: the claiming shop never linked it; compensated: the claimant backed out. */
    readonly reason: ReleaseReason;
    readonly releasedAt: string;
  };
}

export type AccountEvent = AccountClaimed | AccountReleased;

export const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = ['AccountClaimed', 'AccountReleased'];

export const accountStreamId = (accountId: string): string => `account-${accountId}`;
