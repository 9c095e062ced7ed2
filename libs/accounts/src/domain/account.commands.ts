import { ClaimRole, ReleaseReason } from './account.events';

/** Claims the account for a shop about to link it; `claimId` is the id of the shop command that links it. */
export interface ClaimAccount {
  readonly type: 'ClaimAccount';
  readonly data: { readonly accountId: string; readonly shopId: string; readonly role: ClaimRole; readonly claimId: string };
}

/**
 * Gives the shop's claim back: after its unlink (`unlinked`), when the claiming command was not written
 * after all (`compensated`), or when its shop never linked it (`abandoned`). With `claimId`, only that claim.
 */
export interface ReleaseAccount {
  readonly type: 'ReleaseAccount';
  readonly data: { readonly accountId: string; readonly shopId: string; readonly reason: ReleaseReason; readonly claimId?: string };
}

export type AccountCommand = ClaimAccount | ReleaseAccount;
