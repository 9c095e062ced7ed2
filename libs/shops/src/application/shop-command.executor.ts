import { AccountClaimRefused, AccountClaims } from '@shoplink/accounts';
import { CommandEnvelope, ConcurrencyConflictError, deterministicEventId, eventMetadata } from '@shoplink/command-handling';
import { EventStore, ExpectedRevision, Position, RecordedEvent, SnapshotStore, WrongExpectedRevisionError } from '@shoplink/event-store';
import { Actor } from '../domain/actor';
import { decideShop } from '../domain/decide-shop';
import { ShopCommand } from '../domain/shop.commands';
import { ShopEvent, shopStreamId } from '../domain/shop.events';
import { recordedRefusalOf, RecordedRefusal } from '../domain/shop-command-outcome';
import { ShopPolicy } from '../domain/shop-policy';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { ShopState } from '../domain/shop.state';
import { UnlinkCodeVerifier } from '../domain/unlink-code';
import { AccountStreamStanding } from './account-stream-standing';
import { ShopCommandObserver, unobservedShopCommands } from './shop-command.observer';
import { OneAtATimePerKey } from './one-at-a-time-per-key';
import { ShopStates } from './shop-states';

export interface ShopCommandResult {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly events: readonly { readonly id: string; readonly type: string }[];
  /** Set when the events record a refusal (e.g. AccountLinkRejected): the caller is answered "refused". */
  readonly refusal: RecordedRefusal | null;
  /** True when the command had already been applied and this answer was rebuilt from its events. */
  readonly replayed: boolean;
}

export interface ShopCommandExecutorDeps {
  readonly eventStore: EventStore;
  readonly now: () => Date;
  readonly policy: ShopPolicy;
  readonly codes: UnlinkCodeVerifier;
  /** Re-reads and re-decides this many times when another writer got in first. */
  readonly maxConflictRetries?: number;
  /** Told about appends and conflicts (metrics, traces); nothing by default. */
  readonly observer?: ShopCommandObserver;
  /** Where shop states are snapshotted (none: states are folded from the events, then cached). */
  readonly snapshots?: SnapshotStore;
  /** Shops whose state stays in memory between commands (default 10,000; 0: none). */
  readonly maxCachedShops?: number;
}

/**
 * The write path of a shop, whole: read the stream, fold, decide, append with the expected
 * revision; on a conflict read again and decide again, a bounded number of times.
 * Linking and unlinking also touch the account's own stream: a link is claimed there first
 * (the claim is what makes one shop win a race), and released after an unlink.
 */
export class ShopCommandExecutor {
  private readonly maxRetries: number;
  private readonly claims: AccountClaims;
  private readonly standing: AccountStreamStanding;
  private readonly observer: ShopCommandObserver;
  private readonly states: ShopStates;
  private readonly perShop = new OneAtATimePerKey();

  constructor(private readonly deps: ShopCommandExecutorDeps) {
    this.maxRetries = deps.maxConflictRetries ?? 3;
    this.observer = deps.observer ?? unobservedShopCommands;
    this.states = new ShopStates({ eventStore: deps.eventStore, snapshots: deps.snapshots, maxCachedShops: deps.maxCachedShops });
    this.claims = new AccountClaims({
      eventStore: deps.eventStore,
      now: deps.now,
      policy: deps.policy,
      isLinkedAtShop: async (shopId, accountId) => {
        const { state } = await this.load(shopId);
        return state.registered && state.links[accountId]?.state === 'linked';
      },
    });
    this.standing = new AccountStreamStanding(this.claims);
  }

  execute(shopId: string, command: ShopCommand, envelope: CommandEnvelope): Promise<ShopCommandResult> {
    return this.perShop.run(shopId, () => this.executeNow(shopId, command, envelope));
  }

  private async executeNow(shopId: string, command: ShopCommand, envelope: CommandEnvelope): Promise<ShopCommandResult> {
    const streamId = shopStreamId(shopId);
    const claimed = new Set<string>();
    try {
      for (let attempt = 0; ; attempt++) {
        // A retry of a command that was applied (its answer lost) is answered from its own events.
        const earlier = await this.states.eventsOfCommand(streamId, envelope.commandId);
        if (earlier.length > 0) {
          claimed.clear();
          return resultOf(streamId, command, earlier);
        }
        const { state, revision } = await this.states.load(streamId);
        if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
          throw new ConcurrencyConflictError(streamId, envelope.expectedRevision, revision);
        }
        const now = this.deps.now();
        const account = needsStanding(command) ? await this.standing.standingOf(command.data.accountId) : undefined;
        const events = decideShop(state, command, {
          now,
          actor: envelope.actor as Actor,
          policy: this.deps.policy,
          account,
          codes: this.deps.codes,
        });
        await this.claimLinkedAccounts(shopId, events, envelope, claimed);
        const metadata = eventMetadata(envelope, now);
        const toAppend = events.map((event, index) => ({
          id: deterministicEventId(envelope.commandId, index),
          type: event.type,
          data: event.data,
          metadata,
        }));
        const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
        try {
          const appended = await this.observer.appending(streamId, toAppend.length, () =>
            this.deps.eventStore.appendToStream(streamId, toAppend, expected),
          );
          if (appended.nextExpectedRevision === revision + events.length)
            this.states.appended(
              streamId,
              revision,
              events,
              toAppend.map((e) => e.id),
            );
          for (const accountId of linkedAccounts(events)) claimed.delete(accountId);
          await this.releaseUnlinkedAccounts(shopId, events, envelope);
          return {
            streamId,
            revision: appended.nextExpectedRevision,
            position: appended.position,
            events: toAppend.map(({ id, type }) => ({ id, type })),
            refusal: recordedRefusalOf(command.type, events),
            replayed: false,
          };
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError)) throw error;
          const givesUp = envelope.expectedRevision !== undefined || attempt >= this.maxRetries;
          this.observer.conflicted(streamId, attempt, !givesUp);
          if (givesUp) {
            throw new ConcurrencyConflictError(streamId, expected, error.actual);
          }
        }
      }
    } finally {
      // Claims made for a link that in the end was not written are given back.
      for (const accountId of claimed) {
        await this.claims.release({ accountId, shopId, reason: 'compensated', claimId: envelope.commandId }, envelope);
      }
    }
  }

  /** Loads a shop's state without deciding anything (status blockers, audits, claim checks). */
  async load(shopId: string): Promise<{ state: ShopState; revision: number }> {
    const { state, revision } = await this.states.load(shopStreamId(shopId));
    return { state, revision };
  }

  /**
   * Loads a shop's state for a query that answers beside a read-model document folded up to
   * `revision`: from the cache without reading the stream when the cached state has reached it
   * (see ShopStates.loadAtLeast). Never for deciding: commands read the stream (`load`).
   */
  async loadAtLeast(shopId: string, revision: number): Promise<{ state: ShopState; revision: number }> {
    const { state, revision: loaded } = await this.states.loadAtLeast(shopStreamId(shopId), revision);
    return { state, revision: loaded };
  }

  private async claimLinkedAccounts(
    shopId: string,
    events: readonly ShopEvent[],
    envelope: CommandEnvelope,
    claimed: Set<string>,
  ): Promise<void> {
    for (const event of events) {
      if (event.type !== 'AccountLinked') continue;
      try {
        await this.claims.claim({ accountId: event.data.accountId, shopId, role: event.data.role }, envelope);
        claimed.add(event.data.accountId);
      } catch (error) {
        if (!(error instanceof AccountClaimRefused)) throw error;
        const kind = error.code === 'ACCOUNT_LINKED_ELSEWHERE' ? 'conflict' : 'rule';
        throw new ShopRuleViolation(error.code, kind, error.message, [{ code: error.code, message: error.message }]);
      }
    }
  }

  /** After the shop has written its unlink; if this fails, the claim is no longer live and the next claimant releases it. */
  private async releaseUnlinkedAccounts(shopId: string, events: readonly ShopEvent[], envelope: CommandEnvelope): Promise<void> {
    for (const event of events) {
      if (event.type === 'AccountUnlinked')
        await this.claims.release({ accountId: event.data.accountId, shopId, reason: 'unlinked' }, envelope);
    }
  }
}

function needsStanding(command: ShopCommand): command is Extract<ShopCommand, { data: { accountId: string } }> {
  return command.type === 'RequestLink' || command.type === 'AnswerLinkAuthorization' || command.type === 'SwitchOfficialAccount';
}

const linkedAccounts = (events: readonly ShopEvent[]): string[] =>
  events.flatMap((e) => (e.type === 'AccountLinked' ? [e.data.accountId] : []));

function resultOf(streamId: string, command: ShopCommand, events: readonly RecordedEvent[]): ShopCommandResult {
  const last = events[events.length - 1];
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: events.map(({ id, type }) => ({ id, type })),
    refusal: recordedRefusalOf(command.type, events as unknown as ShopEvent[]),
    replayed: true,
  };
}
