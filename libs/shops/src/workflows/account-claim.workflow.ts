import { AccountCommand, AccountEvent, claimGraceEnded, ClaimRole } from '@shoplink/accounts';
import { ShopEvent } from '../domain/shop.events';

/**
 * A shop links a TikTok account only while it holds the account's claim: the claim, appended to the
 * account's own stream with the expected revision, is what makes exactly one of two racing shops
 * win. Two streams cannot change in one transaction, so this workflow keeps them in step:
 *
 *   shop decides AccountLinked  → ClaimAccount (before the shop's events are appended; a refusal refuses the command)
 *   shop's events not appended  → ReleaseAccount (compensated) for the claims it made
 *   shop records AccountUnlinked → ReleaseAccount (unlinked)
 *
 * A crash can stop it between two steps. The log then holds a claim whose shop never linked the
 * account, or an unlink whose claim was never released; `evolve` folds what the log says of one
 * account, and when time passes `decide` finishes what was left (abandoned after the grace
 * period, or unlinked). Pure: the runner (ShopCommandHandler inline, ResumeAccountClaims after a
 * restart) sends the account commands it decides through the one command path.
 */

export interface ClaimOfAccount {
  readonly shopId: string;
  readonly claimId: string;
  readonly role: ClaimRole;
  readonly claimedAt: string;
}

/** What the log says of one account's claim: held by whom, and what that shop has recorded since. */
export interface AccountClaimWorkflowState {
  readonly accountId: string;
  readonly claim: ClaimOfAccount | null;
  readonly shopSide: 'awaiting_link' | 'linked' | 'unlinked';
}

export const initialAccountClaimWorkflow = (accountId: string): AccountClaimWorkflowState => ({
  accountId,
  claim: null,
  shopSide: 'awaiting_link',
});

export type AccountClaimWorkflowInput =
  /** A shop command decided these events; they are not appended yet. */
  | { readonly type: 'ShopCommandDecided'; readonly shopId: string; readonly commandId: string; readonly events: readonly ShopEvent[] }
  /** The shop command's events are in the shop's stream (just appended, or found there on a retry). */
  | { readonly type: 'ShopCommandRecorded'; readonly shopId: string; readonly commandId: string; readonly events: readonly ShopEvent[] }
  /** The shop command ended without appending, after claiming these accounts. */
  | {
      readonly type: 'ShopCommandAbandoned';
      readonly shopId: string;
      readonly commandId: string;
      readonly claimedAccountIds: readonly string[];
    }
  /** A check of an account's workflow as the log left it. */
  | { readonly type: 'TimePassed'; readonly now: Date };

/** An account command to send, under a command id derived from what caused it (a retry sends the same one). */
export interface AccountClaimStep {
  readonly commandId: string;
  readonly command: AccountCommand;
}

export interface AccountClaimWorkflowContext {
  /** How long a claim may wait for its shop to record the link before it counts as abandoned. */
  readonly claimGraceSeconds: number;
}

export function decideAccountClaimSteps(
  state: AccountClaimWorkflowState,
  input: AccountClaimWorkflowInput,
  ctx: AccountClaimWorkflowContext,
): AccountClaimStep[] {
  switch (input.type) {
    case 'ShopCommandDecided':
      return input.events.flatMap((event) =>
        event.type === 'AccountLinked'
          ? [
              claim(input.commandId, {
                accountId: event.data.accountId,
                shopId: input.shopId,
                role: event.data.role,
                claimId: input.commandId,
              }),
            ]
          : [],
      );
    case 'ShopCommandRecorded':
      return input.events.flatMap((event) =>
        event.type === 'AccountUnlinked' ? [release(input.commandId, event.data.accountId, input.shopId, 'unlinked')] : [],
      );
    case 'ShopCommandAbandoned':
      return input.claimedAccountIds.map((accountId) => release(input.commandId, accountId, input.shopId, 'compensated', input.commandId));
    case 'TimePassed':
      return leftOver(state, input.now, ctx);
    default:
      return assertNever(input);
  }
}

/** The one step a crash may have left undone for this account, if any. */
function leftOver(state: AccountClaimWorkflowState, now: Date, ctx: AccountClaimWorkflowContext): AccountClaimStep[] {
  const { claim: held } = state;
  if (held === null) return [];
  if (state.shopSide === 'unlinked') return [release(held.claimId, state.accountId, held.shopId, 'unlinked', held.claimId)];
  if (state.shopSide === 'awaiting_link' && claimGraceEnded(held.claimedAt, now, ctx.claimGraceSeconds)) {
    return [release(held.claimId, state.accountId, held.shopId, 'abandoned', held.claimId)];
  }
  return [];
}

/** Folds what the log says of the account: its claims (account stream) and its claiming shop's links (shop stream). */
export function evolveAccountClaimWorkflow(state: AccountClaimWorkflowState, event: AccountEvent | ShopEvent): AccountClaimWorkflowState {
  switch (event.type) {
    case 'AccountClaimed': {
      const { shopId, claimId, role, claimedAt } = event.data;
      return { ...state, claim: { shopId, claimId, role, claimedAt }, shopSide: 'awaiting_link' };
    }
    case 'AccountReleased':
      return state.claim?.claimId === event.data.claimId ? { ...state, claim: null, shopSide: 'awaiting_link' } : state;
    case 'AccountLinked':
      return state.claim?.shopId === event.data.shopId ? { ...state, shopSide: 'linked' } : state;
    case 'AccountUnlinked':
      return state.claim?.shopId === event.data.shopId ? { ...state, shopSide: 'unlinked' } : state;
    default:
      return state;
  }
}

/** True while a step may be left to do: a claim its shop has not linked yet, or has unlinked since. */
export const isAccountClaimWorkflowOpen = (state: AccountClaimWorkflowState): boolean =>
  state.claim !== null && state.shopSide !== 'linked';

/** The event types `evolveAccountClaimWorkflow` reads. */
export const ACCOUNT_CLAIM_WORKFLOW_EVENT_TYPES = ['AccountClaimed', 'AccountReleased', 'AccountLinked', 'AccountUnlinked'] as const;

const claim = (causeId: string, data: Extract<AccountCommand, { type: 'ClaimAccount' }>['data']): AccountClaimStep => ({
  commandId: `${causeId}:claim:${data.accountId}`,
  command: { type: 'ClaimAccount', data },
});

function release(
  causeId: string,
  accountId: string,
  shopId: string,
  reason: 'unlinked' | 'compensated' | 'abandoned',
  claimId?: string,
): AccountClaimStep {
  return {
    commandId: `${causeId}:release-${reason}:${accountId}`,
    command: { type: 'ReleaseAccount', data: { accountId, shopId, reason, ...(claimId !== undefined ? { claimId } : {}) } },
  };
}

function assertNever(value: never): never {
  throw new Error(`Unhandled workflow input ${JSON.stringify(value)}`);
}
