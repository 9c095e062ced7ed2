import { EventStore, ExpectedRevision, Position, RecordedEvent, WrongExpectedRevisionError } from '@shoplink/event-store';
import { CommandEnvelope, eventMetadata } from './command-envelope';
import { CommandObserver, unobservedCommands } from './command-observer';
import { ConcurrencyConflictError } from './concurrency-conflict.error';
import { deterministicEventId } from './deterministic-event-id';
import { DomainEventCodec } from './domain-event-codec';
import { eventsOfCommand } from './events-of-command';
import { OneAtATimePerKey } from './one-at-a-time-per-key';
import { StreamStates } from './stream-states';

/** What a command left in its stream. */
export interface HandledCommand<E> {
  readonly streamId: string;
  /** The stream's revision after the command (for a command found already applied: of its last event). */
  readonly revision: number;
  readonly position: Position;
  readonly events: readonly { readonly id: string; readonly type: string }[];
  /** The typed events the command wrote, decoded again when it was found already applied. */
  readonly decided: readonly E[];
  /** True when the command had already been applied and this answer was rebuilt from its events. */
  readonly replayed: boolean;
}

/**
 * Decides a command on the state loaded at `revision`: the events to append, or a thrown refusal
 * (then nothing is appended). May be async for facts gathered on the way (another stream's
 * standing); the decision itself stays the domain's pure function.
 */
export type Decide<S, E> = (state: S, revision: number, now: Date) => readonly E[] | Promise<readonly E[]>;

export interface CommandRunnerDeps<S, E> {
  readonly eventStore: EventStore;
  readonly states: StreamStates<S, E>;
  readonly codec: DomainEventCodec<E>;
  readonly now: () => Date;
  /** Re-reads and re-decides this many times when another writer got in first (default 3). */
  readonly maxConflictRetries?: number;
  /** Told about appends and conflicts (metrics, traces); nothing by default. */
  readonly observer?: CommandObserver;
  /**
   * Queue the commands of one stream in this process (default true). Commands deciding on the same
   * revision would otherwise meet in one group commit, where all but one fail their expected
   * revision and retry together, round after round.
   */
  readonly oneAtATimePerStream?: boolean;
  /**
   * How a command already applied is recognised. `found-by-event-id` (default): its event ids derive
   * from the command id alone, so a retry finds its events and is answered from them. `decided-again`:
   * for streams where one command id may rightly act twice (an account claimed, released, then claimed
   * again for the same shop command), the decider answers no events for what is already done, and
   * event ids derive from the command id and the revision decided on (a repeated append at the same
   * revision is still recognised by the store).
   */
  readonly repeats?: 'found-by-event-id' | 'decided-again';
  /**
   * The version of the policy in force (docs/policy.md): written into every event's metadata as
   * `policyVersion`, so an auditor can tell which numbers a decision was made under. Absent: none
   * written (events from before the policy was data carry none either).
   */
  readonly policyVersion?: string;
}

/**
 * The write path of every stream, whole: recognise a command already applied (see `repeats`), load the state, decide,
 * append with the expected revision; on a conflict load and
 * decide again, a bounded number of times. An If-Match revision in the envelope is checked against
 * the state loaded and never retried.
 */
export class CommandRunner<S, E> {
  private readonly maxRetries: number;
  private readonly observer: CommandObserver;
  private readonly perStream: OneAtATimePerKey | null;
  private readonly findsRepeats: boolean;

  constructor(private readonly deps: CommandRunnerDeps<S, E>) {
    this.maxRetries = deps.maxConflictRetries ?? 3;
    this.observer = deps.observer ?? unobservedCommands;
    this.perStream = (deps.oneAtATimePerStream ?? true) ? new OneAtATimePerKey() : null;
    this.findsRepeats = (deps.repeats ?? 'found-by-event-id') === 'found-by-event-id';
  }

  handle(streamId: string, envelope: CommandEnvelope, decide: Decide<S, E>): Promise<HandledCommand<E>> {
    const run = () => this.handleNow(streamId, envelope, decide);
    return this.perStream === null ? run() : this.perStream.run(streamId, run);
  }

  private async handleNow(streamId: string, envelope: CommandEnvelope, decide: Decide<S, E>): Promise<HandledCommand<E>> {
    const { eventStore, states, codec } = this.deps;
    for (let attempt = 0; ; attempt++) {
      if (this.findsRepeats) {
        const earlier = await eventsOfCommand(eventStore, streamId, envelope.commandId);
        if (earlier.length > 0) return this.replayedFrom(streamId, earlier);
      }
      const { state, revision } = await states.load(streamId);
      if (envelope.expectedRevision !== undefined && envelope.expectedRevision !== revision) {
        throw new ConcurrencyConflictError(streamId, envelope.expectedRevision, revision);
      }
      const now = this.deps.now();
      const decided = await decide(state, revision, now);
      const idSeed = this.findsRepeats ? envelope.commandId : `${envelope.commandId}@${revision}`;
      const toAppend = decided.map((event, index) => {
        const { type, data, schemaVersion } = codec.encode(event);
        return {
          id: deterministicEventId(idSeed, index),
          type,
          data,
          metadata: eventMetadata(envelope, now, schemaVersion, this.deps.policyVersion),
        };
      });
      const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
      try {
        const appended = await this.observer.appending(streamId, toAppend.length, () =>
          eventStore.appendToStream(streamId, toAppend, expected),
        );
        const ids = toAppend.map((e) => e.id);
        if (appended.nextExpectedRevision === revision + decided.length) states.appended?.(streamId, revision, decided, ids);
        return {
          streamId,
          revision: appended.nextExpectedRevision,
          position: appended.position,
          events: toAppend.map(({ id, type }) => ({ id, type })),
          decided,
          replayed: false,
        };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        const givesUp = envelope.expectedRevision !== undefined || attempt >= this.maxRetries;
        this.observer.conflicted(streamId, attempt, !givesUp);
        if (givesUp) throw new ConcurrencyConflictError(streamId, expected, error.actual);
      }
    }
  }

  private replayedFrom(streamId: string, events: readonly RecordedEvent[]): HandledCommand<E> {
    const last = events[events.length - 1];
    return {
      streamId,
      revision: last.revision,
      position: last.position,
      events: events.map(({ id, type }) => ({ id, type })),
      decided: events.map((event) => this.deps.codec.decode(event)),
      replayed: true,
    };
  }
}
