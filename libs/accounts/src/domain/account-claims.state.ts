import { AccountEvent, ClaimRole } from './account.events';

export interface AccountClaim {
  readonly shopId: string;
  readonly role: ClaimRole;
  readonly claimId: string;
  readonly claimedAt: string;
}

export interface AccountClaimsState {
  /** The shop holding the account now, if any. */
  readonly current: AccountClaim | null;
  /**
   * Every claim that became a link (or may still become one), oldest first: the relink allowance is
   * counted from these, by the claim decision, the link rules and the account query alike
   * (`relinkAllowanceOf`). A claim released as compensated or abandoned never became a link, so it
   * leaves the history and does not use the allowance.
   */
  readonly history: readonly AccountClaim[];
}

export const initialAccountClaims: AccountClaimsState = { current: null, history: [] };

export function evolveAccountClaims(state: AccountClaimsState, event: AccountEvent): AccountClaimsState {
  switch (event.type) {
    case 'AccountClaimed': {
      const { shopId, role, claimId, claimedAt } = event.data;
      const claim = { shopId, role, claimId, claimedAt };
      return { current: claim, history: [...state.history, claim] };
    }
    case 'AccountReleased': {
      const { claimId, reason } = event.data;
      const neverLinked = reason === 'compensated' || reason === 'abandoned';
      const history = neverLinked ? state.history.filter((claim) => claim.claimId !== claimId) : state.history;
      return { current: state.current?.claimId === claimId ? null : state.current, history };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled account event ${JSON.stringify(value)}`);
}
