import { StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
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
import { chainOf, eventHash, GENESIS_HASH, HASH_ALGORITHM } from './event-hash';

interface Tip {
  readonly revision: number;
  readonly hash: string;
}

const MAX_CACHED_TIPS = 10_000;
const MAX_ANY_RETRIES = 5;

/**
 * Puts every appended event on its stream's hash chain, whatever store is underneath.
 * The hash of the event an append follows is known from a small cache of stream tips
 * (hashes of past revisions never change, so a cached one is never wrong), else read back.
 */
export class HashChainingEventStore implements EventStore {
  private readonly tips = new Map<string, Tip>();
  readonly readEventById?: EventStore['readEventById'];

  constructor(private readonly inner: EventStore) {
    // Offered exactly when the store underneath offers it.
    if (inner.readEventById) this.readEventById = inner.readEventById.bind(inner);
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.inner.appendToStream(streamId, events, expected);
    for (let attempt = 0; ; attempt++) {
      const tip = await this.tipFor(streamId, expected);
      // 'any' and 'stream_exists' become the exact revision the chain was computed on.
      const exact: ExpectedRevision = tip.revision < 0 ? 'no_stream' : tip.revision;
      const chained = chain(events, tip);
      try {
        const result = await this.inner.appendToStream(streamId, chained, exact);
        const written = result.nextExpectedRevision === tip.revision + events.length;
        if (written)
          this.remember(streamId, { revision: result.nextExpectedRevision, hash: chainOf(chained[chained.length - 1].metadata)!.hash });
        return result;
      } catch (error) {
        const loose = expected === 'any' || expected === 'stream_exists';
        if (!(error instanceof WrongExpectedRevisionError) || !loose || attempt >= MAX_ANY_RETRIES) throw error;
      }
    }
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
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

  private async tipFor(streamId: string, expected: ExpectedRevision): Promise<Tip> {
    if (expected === 'no_stream') return { revision: -1, hash: GENESIS_HASH };
    if (typeof expected === 'number') {
      const cached = this.tips.get(streamId);
      if (cached?.revision === expected) return cached;
      return this.readTip(streamId, expected);
    }
    const tip = await this.readTip(streamId);
    if (expected === 'stream_exists' && tip.revision < 0) throw new WrongExpectedRevisionError(streamId, expected, -1);
    return tip;
  }

  /** The hash of the event at `revision` (default: the last); a stream without it gives an empty tip. */
  private async readTip(streamId: string, revision?: number): Promise<Tip> {
    try {
      const [event] = await this.inner.readStream(streamId, { direction: 'backwards', fromRevision: revision, maxCount: 1 });
      if (event === undefined || (revision !== undefined && event.revision !== revision))
        return { revision: revision ?? -1, hash: GENESIS_HASH };
      return { revision: event.revision, hash: chainOf(event.metadata)?.hash ?? GENESIS_HASH };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { revision: -1, hash: GENESIS_HASH };
      throw error;
    }
  }

  private remember(streamId: string, tip: Tip): void {
    this.tips.delete(streamId);
    this.tips.set(streamId, tip);
    if (this.tips.size > MAX_CACHED_TIPS) this.tips.delete(this.tips.keys().next().value as string);
  }
}

function chain(events: readonly EventToAppend[], tip: Tip): EventToAppend[] {
  let previousHash = tip.hash;
  return events.map((event, index) => {
    const metadata = { ...event.metadata, hashAlgorithm: HASH_ALGORITHM, previousHash };
    const hash = eventHash(previousHash, { type: event.type, data: event.data, metadata, revision: tip.revision + 1 + index });
    previousHash = hash;
    return { ...event, metadata: { ...metadata, hash } };
  });
}
