import {
  CommandEnvelope,
  ConcurrencyConflictError,
  deterministicEventId,
  eventMetadata,
} from '@shoplink/command-handling';
import { EventStore, ExpectedRevision, Position, RecordedEvent, StreamNotFoundError, WrongExpectedRevisionError } from '@shoplink/event-store';
import { AccountStanding } from '../domain/account-standing';
import { Actor } from '../domain/actor';
import { decideShop } from '../domain/decide-shop';
import { evolveShop } from '../domain/evolve-shop';
import { LinkingPolicy } from '../domain/linking-policy';
import { ShopCommand } from '../domain/shop.commands';
import { ShopEvent, shopStreamId } from '../domain/shop.events';
import { recordedRefusalOf, RecordedRefusal } from '../domain/shop-command-outcome';
import { initialShopState, ShopState } from '../domain/shop.state';
import { AccountStandingReader } from './account-standing.reader';

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
  readonly policy: LinkingPolicy;
  readonly accounts: AccountStandingReader;
  /** Re-reads and re-decides this many times when another writer got in first. */
  readonly maxConflictRetries?: number;
}

/**
 * The write path of a shop, whole: read the stream, fold, decide, append with the
 * expected revision; on a conflict read again and decide again, a bounded number of times.
 */
export class ShopCommandExecutor {
  private readonly maxRetries: number;

  constructor(private readonly deps: ShopCommandExecutorDeps) {
    this.maxRetries = deps.maxConflictRetries ?? 3;
  }

  async execute(shopId: string, command: ShopCommand, envelope: CommandEnvelope): Promise<ShopCommandResult> {
    const streamId = shopStreamId(shopId);
    for (let attempt = 0; ; attempt++) {
      const recorded = await this.readShop(streamId);
      const revision = recorded.length - 1;
      // A retry of a command that was applied (its answer lost) is answered from its own events.
      const earlier = recorded.filter((e) => e.metadata.commandId === envelope.commandId);
      if (earlier.length > 0) return resultOf(streamId, command, earlier);
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
        throw new ConcurrencyConflictError(streamId, envelope.expectedRevision, revision);
      }
      const state = recorded.reduce<ShopState>((s, e) => evolveShop(s, e as unknown as ShopEvent), initialShopState);
      const now = this.deps.now();
      const account = await this.standingFor(command);
      const events = decideShop(state, command, { now, actor: envelope.actor as Actor, policy: this.deps.policy, account });
      const metadata = eventMetadata(envelope, now);
      const toAppend = events.map((event, index) => ({
        id: deterministicEventId(envelope.commandId, index),
        type: event.type,
        data: event.data as unknown as Record<string, unknown>,
        metadata,
      }));
      const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
      try {
        const appended = await this.deps.eventStore.appendToStream(streamId, toAppend, expected);
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
        if (envelope.expectedRevision !== undefined || attempt >= this.maxRetries) {
          throw new ConcurrencyConflictError(streamId, expected, error.actual);
        }
      }
    }
  }

  /** Loads a shop's state without deciding anything (used by the audit and test paths). */
  async load(shopId: string): Promise<{ state: ShopState; revision: number }> {
    const recorded = await this.readShop(shopStreamId(shopId));
    return { state: recorded.reduce<ShopState>((s, e) => evolveShop(s, e as unknown as ShopEvent), initialShopState), revision: recorded.length - 1 };
  }

  private async readShop(streamId: string): Promise<RecordedEvent[]> {
    try {
      return await this.deps.eventStore.readStream(streamId);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async standingFor(command: ShopCommand): Promise<AccountStanding | undefined> {
    if (command.type !== 'RequestLink' && command.type !== 'AnswerLinkAuthorization') return undefined;
    return this.deps.accounts.standingOf(command.data.accountId);
  }
}

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
