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
  /** Every claim ever made, oldest first: the relink allowance is counted from these. */
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
    case 'AccountReleased':
      return state.current?.claimId === event.data.claimId ? { ...state, current: null } : state;
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled account event ${JSON.stringify(value)}`);
}
