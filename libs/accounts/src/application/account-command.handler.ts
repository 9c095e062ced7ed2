import { CommandObserver, CommandRunner } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { accountEventCodec } from '../codec/account-event-codec';
import { AccountEvent } from '../domain/account.events';
import { AccountClaimsState } from '../domain/account-claims.state';
import { ClaimPolicy } from '../domain/decide-account-claim';
import { decideAccount } from '../domain/decide-account';
import { AccountClaimsReader } from './account-claims.reader';
import { AccountCommandResult, DecideAccountCommand } from './decide-account-command';

export interface AccountCommandHandlerDeps {
  readonly eventStore: EventStore;
  readonly now: () => Date;
  readonly policy: ClaimPolicy;
  readonly claims: AccountClaimsReader;
  readonly observer?: CommandObserver;
  /** Account streams are short and rarely contended, but two shops racing for one account do retry (default 5). */
  readonly maxConflictRetries?: number;
  /** The version of the policy in force, written into each event's metadata (see CommandRunnerDeps.policyVersion). */
  readonly policyVersion?: string;
}

/**
 * Decides account commands (claims and releases) against the account's own stream: appending a
 * claim with the expected revision is what makes exactly one of two racing shops win.
 */
export class AccountCommandHandler {
  private readonly runner: CommandRunner<AccountClaimsState, AccountEvent>;

  constructor(private readonly deps: AccountCommandHandlerDeps) {
    this.runner = new CommandRunner({
      eventStore: deps.eventStore,
      states: deps.claims.states,
      codec: accountEventCodec,
      now: deps.now,
      observer: deps.observer,
      maxConflictRetries: deps.maxConflictRetries ?? 5,
      // A shop command's claim may be released (its append failed) and made again when the command is retried.
      repeats: 'decided-again',
      policyVersion: deps.policyVersion,
    });
  }

  execute({ command, envelope, streamId }: DecideAccountCommand): Promise<AccountCommandResult> {
    return this.runner.handle(streamId, envelope, async (state, _revision, now) => {
      const isLive = state.current !== null && (await this.deps.claims.isLive(state.current, command.data.accountId));
      return decideAccount(state, command, { now, policy: this.deps.policy, isLive });
    });
  }
}
