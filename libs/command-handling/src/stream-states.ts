import {
  BrokenStreams,
  EventStore,
  locatedProblem,
  readStreamWithStoredForm,
  RecordedEvent,
  StoredAndRead,
  StreamIntegrityBrokenError,
  StreamNotFoundError,
  verifyChain,
} from '@shoplink/event-store';
import { DomainEventCodec } from './domain-event-codec';

/** A stream's state as folded up to `revision` (-1: the stream has no event yet). */
export interface LoadedState<S> {
  readonly state: S;
  readonly revision: number;
}

/**
 * Where the command runner gets the state it decides on. Whatever it keeps (a cache, snapshots),
 * `load` must read the stream's tail, so another writer's appends are seen; the append that follows
 * a decision carries the revision loaded, which catches one made after the read.
 */
export interface StreamStates<S, E> {
  load(streamId: string): Promise<LoadedState<S>>;
  /** This process appended `events` right after `revision`: a cache may move on without reading them back. */
  appended?(streamId: string, revision: number, events: readonly E[], eventIds: readonly string[]): void;
}

export interface FoldedStreamStatesOptions {
  /**
   * Check the hash chain of every stream loaded and refuse (StreamIntegrityBrokenError) to hand on
   * the state of a broken one. Off only for stores that do not chain their events (some tests).
   */
  readonly verifyChains?: boolean;
  /** Told which streams a load found broken, and which intact again. */
  readonly brokenStreams?: BrokenStreams;
}

/**
 * The plain way: read the whole stream and fold it. For streams that stay short (an account's
 * claims). Every load is cold, so with `verifyChains` the whole chain is checked each time.
 */
export class FoldedStreamStates<S, E> implements StreamStates<S, E> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly codec: DomainEventCodec<E>,
    private readonly evolve: (state: S, event: E) => S,
    private readonly initial: S,
    private readonly options: FoldedStreamStatesOptions = {},
  ) {}

  async load(streamId: string): Promise<LoadedState<S>> {
    const { stored, read } = await readStoredAndReadOrEmpty(this.eventStore, streamId, 0);
    if (this.options.verifyChains) {
      const verdict = verifyChain(streamId, stored);
      if (!verdict.intact) {
        const problem = locatedProblem(verdict.firstProblem!, stored);
        this.options.brokenStreams?.found(problem);
        throw new StreamIntegrityBrokenError(problem);
      }
      this.options.brokenStreams?.verified(streamId);
    }
    let state = this.initial;
    for (const event of read) state = this.evolve(state, this.codec.decode(event));
    return { state, revision: read.length - 1 };
  }
}

/** A stream's events from `fromRevision` on, as stored and as read; none when the stream does not exist. */
export async function readStoredAndReadOrEmpty(eventStore: EventStore, streamId: string, fromRevision: number): Promise<StoredAndRead> {
  try {
    return await readStreamWithStoredForm(eventStore, streamId, { fromRevision });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return { stored: [], read: [] };
    throw error;
  }
}

/** A stream's events from `fromRevision` on; none when the stream does not exist. */
export async function readStreamOrEmpty(
  eventStore: EventStore,
  streamId: string,
  fromRevision: number,
  maxCount?: number,
): Promise<RecordedEvent[]> {
  try {
    return await eventStore.readStream(streamId, { fromRevision, maxCount });
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}
