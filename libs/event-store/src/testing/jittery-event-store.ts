import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { Position } from '../position';

/**
 * Wraps a real store and yields to the event loop for a random moment before every read
 * and append, so concurrent commands in one process really interleave between reading a
 * stream and appending to it, as they would across several service instances.
 * For race tests only: it changes timing, never results.
 */
export class JitteryEventStore implements EventStore {
  readonly readEventById?: EventStore['readEventById'];

  constructor(
    private readonly inner: EventStore,
    private readonly maxDelayMs = 3,
  ) {
    if (inner.readEventById) {
      const read = inner.readEventById.bind(inner);
      this.readEventById = async (streamId, eventId) => {
        await this.jitter();
        return read(streamId, eventId);
      };
    }
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    await this.jitter();
    return this.inner.appendToStream(streamId, events, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    await this.jitter();
    const events = await this.inner.readStream(streamId, options);
    await this.jitter();
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private jitter(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, Math.random() * this.maxDelayMs));
  }
}
