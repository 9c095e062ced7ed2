import { BACKWARDS, END, eventTypeFilter, FORWARDS, jsonEvent, KurrentDBClient, START as FROM_START } from '@kurrent/kurrentdb-client';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
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
import { Position, START } from '../position';
import {
  errorForVerdict,
  EXCLUDE_SYSTEM_EVENTS_REGEX,
  expectationHolds,
  firstRepeatedId,
  fromKurrentPosition,
  isAfter,
  isKurrentEventId,
  isSystemEvent,
  isTransientError,
  isWrongExpectedVersion,
  judgeRepeat,
  KurrentRecordedEvent,
  toPortError,
  toReadPosition,
  toRecordedEvent,
  toStreamState,
} from './kurrentdb-mapping';
import { DEFAULT_RETRY_POLICY, RetryPolicy, withRetry } from './kurrentdb-retry';
import { KurrentAllSubscription, KurrentSubscriptionSource } from './kurrentdb-subscription';

export interface KurrentDbEventStoreOptions {
  readonly retry?: RetryPolicy;
}

const DEFAULT_READ_ALL_COUNT = 4096;
/** How far back an append refused for its expected revision is searched for its own ids (see appendToStream). */
const REPEAT_SEARCH_LIMIT = 10_000;
const REPEAT_SEARCH_PAGE = 256;
const HEAD_SEARCH_PAGE = 64;

/** The server-side half of leaving system events out; isSystemEvent is the other half. */
const userEventsOnly = () => eventTypeFilter({ regex: EXCLUDE_SYSTEM_EVENTS_REGEX });

/**
 * The event store on KurrentDB (or EventStoreDB 20+), through the official client. The
 * connection string is EVENTSTORE_URL's, e.g. `kurrentdb://localhost:2113?tls=false`; the client
 * connects on first use and reconnects by itself after UNAVAILABLE or NotLeader, and every
 * operation here is retried a bounded number of times on such transient errors. Retrying an
 * append is safe because event ids are the caller's (deterministic from the command id).
 *
 * Idempotency by event id. KurrentDB recognises a repeated append by itself only in some cases:
 * when the expected revision is older than the stream (it then compares the ids at the revisions
 * that follow), or with `any`/`stream_exists` while the ids are in its cache of recent writes.
 * With the expected revision equal to the stream's last one it would write the events again.
 * So the port's promise (an exact re-append answers the first result and writes nothing, whatever
 * the expectation) is kept here: before appending, the events where a repeat would sit (just
 * before the expected revision, or at the end) are read and compared, and an append refused for
 * its expected revision is compared with the stream's last 10,000 events before it is reported
 * as a conflict. Event ids are unique per stream, not across the log: KurrentDB keeps no index
 * of event ids, so ids reused in another stream are not detected (the embedded store detects them;
 * the contract suite runs that check only for stores that declare it).
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentDBClient;
  private readonly retryPolicy: RetryPolicy;
  private readonly subscriptions = new Set<KurrentAllSubscription>();
  private closed = false;

  constructor(connectionString: string, options: KurrentDbEventStoreOptions = {}) {
    this.client = KurrentDBClient.connectionString(connectionString);
    this.retryPolicy = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    this.ensureOpen();
    requireText(streamId, 'streamId');
    const streamState = toStreamState(expected);
    for (const event of events) {
      requireText(event.id, 'event id');
      requireText(event.type, 'event type');
      if (!isKurrentEventId(event.id)) throw new Error(`event id must be a lower-case UUID for KurrentDB, got ${JSON.stringify(event.id)}`);
    }
    const repeated = firstRepeatedId(events.map((event) => event.id));
    if (repeated !== null) throw new DuplicateEventIdError(streamId, repeated);
    if (events.length === 0) return this.checkExpectation(streamId, expected);

    const ids = events.map((event) => event.id);
    if (expected !== 'no_stream') {
      // Where an exact repeat with this expectation would sit: the events up to the expected revision, or the last ones.
      const window = await this.readStreamOrNothing(streamId, {
        direction: 'backwards',
        fromRevision: typeof expected === 'number' ? expected : undefined,
        maxCount: ids.length,
      });
      const verdict = judgeRepeat(ids, window.reverse());
      if (verdict.kind === 'repeat') return resultOf(verdict.last);
      const reused = errorForVerdict(streamId, verdict);
      if (reused) throw reused;
    }

    const proposed = events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
    try {
      const result = await this.retrying(() => this.client.appendToStream(streamId, proposed, { streamState }));
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      // The server answers the position of the write's last event; should it ever answer none, it is read.
      const position = result.position ? fromKurrentPosition(result.position) : await this.positionOf(streamId, nextExpectedRevision);
      return { nextExpectedRevision, position };
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw toPortError(error, streamId, expected);
      // Refused for its expectation: a repeat of an earlier append answers that append's result.
      const verdict = judgeRepeat(ids, await this.recentEvents(streamId));
      if (verdict.kind === 'repeat') return resultOf(verdict.last);
      throw errorForVerdict(streamId, verdict) ?? toPortError(error, streamId, expected);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    requireText(streamId, 'streamId');
    if (options.maxCount !== undefined) requireCount(options.maxCount);
    if (options.fromRevision !== undefined) requireCount(options.fromRevision, 'fromRevision');
    if (options.maxCount === 0) {
      // The server has no "read nothing"; an existing stream answers [], a missing one throws as any read does.
      await this.readStream(streamId, { ...options, maxCount: 1 });
      return [];
    }
    return this.retrying(async () => {
      const backwards = options.direction === 'backwards';
      const read = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : FROM_START,
        maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
        requiresLeader: true,
      });
      const events: RecordedEvent[] = [];
      try {
        for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
      } catch (error) {
        throw toPortError(error, streamId);
      }
      return events;
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.ensureOpen();
    const maxCount = requireCount(options.maxCount ?? DEFAULT_READ_ALL_COUNT);
    const events: RecordedEvent[] = [];
    let seen = options.after;
    while (events.length < maxCount) {
      // One more than still wanted: the read starts at `seen` itself, which is left out.
      const want = maxCount - events.length + 1;
      const page = await this.readAllPage(seen, want, 'forwards');
      for (const raw of page) {
        if (!raw.position) continue;
        const position = fromKurrentPosition(raw.position);
        if (!isAfter(position, seen)) continue;
        seen = position;
        if (!isSystemEvent(raw) && events.length < maxCount) events.push(toRecordedEvent(raw));
      }
      if (page.length < want) break; // the end of the log
    }
    return events;
  }

  async headPosition(): Promise<Position> {
    this.ensureOpen();
    // The last user event, read backwards: system events (there always are some) are not the port's log.
    let before: Position | undefined;
    for (;;) {
      const page = await this.readAllPage(before ?? 'end', HEAD_SEARCH_PAGE, 'backwards');
      for (const raw of page) {
        if (!raw.position) continue;
        const position = fromKurrentPosition(raw.position);
        if (!isSystemEvent(raw)) return position;
        before = position;
      }
      if (page.length < HEAD_SEARCH_PAGE) return START;
    }
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.ensureOpen();
    const open = (after: Position | undefined): KurrentSubscriptionSource =>
      this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter: userEventsOnly() });
    const subscription = new KurrentAllSubscription(open, options.after, this.retryPolicy, () => this.subscriptions.delete(subscription));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  /** An empty append writes nothing: KurrentDB is not asked to, the expectation is checked against the stream's last event. */
  private async checkExpectation(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const [last] = await this.readStreamOrNothing(streamId, { direction: 'backwards', maxCount: 1 });
    const actual = last?.revision ?? -1;
    if (!expectationHolds(expected, actual)) throw new WrongExpectedRevisionError(streamId, expected, actual);
    return { nextExpectedRevision: actual, position: last?.position ?? START };
  }

  private async readStreamOrNothing(streamId: string, options: ReadStreamOptions): Promise<RecordedEvent[]> {
    try {
      return await this.readStream(streamId, options);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /** The stream's last events in revision order, read backwards a page at a time up to REPEAT_SEARCH_LIMIT. */
  private async recentEvents(streamId: string): Promise<RecordedEvent[]> {
    const newestFirst: RecordedEvent[] = [];
    let from: number | undefined;
    while (newestFirst.length < REPEAT_SEARCH_LIMIT && from !== -1) {
      const page = await this.readStreamOrNothing(streamId, { direction: 'backwards', fromRevision: from, maxCount: REPEAT_SEARCH_PAGE });
      newestFirst.push(...page);
      if (page.length < REPEAT_SEARCH_PAGE) break;
      from = page[page.length - 1].revision - 1;
    }
    return newestFirst.reverse();
  }

  private async positionOf(streamId: string, revision: number): Promise<Position> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`KurrentDB acknowledged revision ${revision} of ${streamId} but does not show it`);
    return event.position;
  }

  /** One filtered page of `$all` (system events already left out by type on the server), starting at `from` inclusively. */
  private readAllPage(
    from: Position | undefined | 'end',
    maxCount: number,
    direction: 'forwards' | 'backwards',
  ): Promise<KurrentRecordedEvent[]> {
    return this.retrying(async () => {
      const read = this.client.readAll({
        direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
        fromPosition: from === 'end' ? END : toReadPosition(from) === 'start' ? FROM_START : from,
        maxCount,
        filter: userEventsOnly(),
        requiresLeader: true,
      });
      const page: KurrentRecordedEvent[] = [];
      for await (const resolved of read) if (resolved.event) page.push(resolved.event);
      return page;
    });
  }

  private retrying<T>(operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, this.retryPolicy, isTransientError);
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('KurrentDbEventStore is closed');
  }
}

function resultOf(last: Pick<RecordedEvent, 'revision' | 'position'>): AppendResult {
  return { nextExpectedRevision: last.revision, position: last.position };
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${name} must be a non-empty string`);
}

function requireCount(value: number, name = 'maxCount'): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be an integer >= 0, got ${value}`);
  return value;
}
