import { EventStore, RecordedEvent, StreamNotFoundError } from '@shoplink/event-store';
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

/** The plain way: read the whole stream and fold it. For streams that stay short (an account's claims). */
export class FoldedStreamStates<S, E> implements StreamStates<S, E> {
  constructor(
    private readonly eventStore: EventStore,
    private readonly codec: DomainEventCodec<E>,
    private readonly evolve: (state: S, event: E) => S,
    private readonly initial: S,
  ) {}

  async load(streamId: string): Promise<LoadedState<S>> {
    const events = await readStreamOrEmpty(this.eventStore, streamId, 0);
    let state = this.initial;
    for (const event of events) state = this.evolve(state, this.codec.decode(event));
    return { state, revision: events.length - 1 };
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
