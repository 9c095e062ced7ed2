import { AccountCommand } from './account.commands';
import { AccountEvent } from './account.events';
import { AccountClaimsState } from './account-claims.state';
import { ClaimPolicy, decideAccountClaim, decideAccountRelease } from './decide-account-claim';

export interface AccountDecisionContext {
  readonly now: Date;
  readonly policy: ClaimPolicy;
  /**
   * Whether the current claim's shop really holds the account: it linked it, or may still do so
   * (within its grace period). A fact from the shop's stream, gathered before deciding.
   */
  readonly isLive: boolean;
}

/** The one place an account command is decided. Pure: throws AccountClaimRefused when a claim is refused. */
export function decideAccount(state: AccountClaimsState, command: AccountCommand, ctx: AccountDecisionContext): AccountEvent[] {
  switch (command.type) {
    case 'ClaimAccount':
      return decideAccountClaim(state, command.data, ctx);
    case 'ReleaseAccount':
      // A claim is abandoned only if its shop neither linked it nor may still do so.
      if (command.data.reason === 'abandoned' && ctx.isLive) return [];
      return decideAccountRelease(state, command.data, ctx.now);
    default:
      return assertNever(command);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled account command ${JSON.stringify(value)}`);
}
