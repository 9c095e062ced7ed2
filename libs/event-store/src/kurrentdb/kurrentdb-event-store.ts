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
  actualRevisionOf,
  errorForVerdict,
  EXCLUDE_SYSTEM_EVENTS_REGEX,
  expectationHolds,
  firstRepeatedId,
  fromKurrentPosition,
  isAfter,
  isKurrentEventId,
  isSafeToResendAppend,
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
/**
 * How many of a stream's last events readEventById searches (one backward read). A command retried after more
 * events than this were written to its stream is not found by its event ids (see readEventById).
 */
export const KURRENT_EVENT_ID_WINDOW = 512;
const HEAD_SEARCH_PAGE = 64;

/** The server-side half of leaving system events out; isSystemEvent is the other half. */
const userEventsOnly = () => eventTypeFilter({ regex: EXCLUDE_SYSTEM_EVENTS_REGEX });

/**
 * The event store on KurrentDB (or EventStoreDB 22.6 or later: stream reads carry real `$all` positions only
 * from 22.6), through the official client. The connection string is EVENTSTORE_URL's, e.g.
 * `kurrentdb://localhost:2113?tls=false`; the client connects on first use and reconnects by itself after
 * UNAVAILABLE or NotLeader. Reads are retried a bounded number of times on transient errors (timeouts the native
 * bridge reports as unknown errors included); an append only where resending it is safe (isSafeToResendAppend:
 * an exact expectation or no_stream, which the server answers as a repeat if the first attempt was written).
 *
 * Idempotency by event id. KurrentDB recognises a repeated append by itself only in some cases
 * (docs/production-path.md, "KurrentDB server rules the adapter relies on"): with an exact expected revision
 * older than the stream it compares the ids at the revisions that follow (R1), with `any`/`stream_exists` it
 * looks the ids up in its cache of recent writes (R2); with the expected revision equal to the stream's last one
 * it writes the events again. So the port's promise (an exact re-append answers the first result and writes
 * nothing, whatever the expectation) is kept here, in bounded reads: before appending, the events where an
 * earlier append covering the expected revision would sit (at most 2n for n events, repeatBeforeSending), and
 * after a refusal for the expectation at most n more (repeatWindowAfterRefusal). A repeat elsewhere (the stream
 * moved on past it and the expectation is unrelated to it) is reported as the conflict it also is. Event ids are
 * unique per stream, not across the log: KurrentDB keeps no index of event ids, so ids reused in another stream
 * are not detected (the embedded store detects them; the contract suite runs that check only for stores that
 * declare it).
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
    const earlier = await this.repeatBeforeSending(streamId, ids, expected);
    if (earlier) return earlier;

    const proposed = events.map((event) => jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata }));
    let attempts = 0;
    try {
      const result = await withRetry(
        () => {
          attempts += 1;
          return this.client.appendToStream(streamId, proposed, { streamState });
        },
        this.retryPolicy,
        (error) => isSafeToResendAppend(error, expected),
      );
      const nextExpectedRevision = Number(result.nextExpectedRevision);
      // A resent append may have been answered as a repeat of the attempt whose answer was lost (rule R1): its
      // position is read rather than taken from that answer. So is a position the server did not give.
      const position =
        result.position && attempts === 1 ? fromKurrentPosition(result.position) : await this.positionOf(streamId, nextExpectedRevision);
      return { nextExpectedRevision, position };
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw toPortError(error, streamId, expected);
      // Refused for its expectation: a repeat of an earlier append answers that append's result.
      const window = await this.repeatWindowAfterRefusal(streamId, ids.length, expected, actualRevisionOf(error));
      const verdict = judgeRepeat(ids, window);
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

  /**
   * The event with this id among the stream's last KURRENT_EVENT_ID_WINDOW (512) events, else null. KurrentDB keeps
   * no index of event ids, so this is one backward read from the stream's end, bounded: what a command costs does not
   * grow with its stream's history. Beyond the window an event is not found: a command retried after more than 512
   * later events in its stream is answered null here, decided again by the command runner and, its event ids not
   * being where the append looks for repeats, written again. Retries with the same Idempotency-Key are answered by
   * the idempotency store before they get here; a retry that far behind without one is not recognised.
   */
  async readEventById(streamId: string, eventId: string): Promise<RecordedEvent | null> {
    requireText(eventId, 'event id');
    const last = await this.readStreamOrNothing(streamId, { direction: 'backwards', maxCount: KURRENT_EVENT_ID_WINDOW });
    return last.find((event) => event.id === eventId) ?? null;
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

  /**
   * Before sending: an earlier append of exactly these ids that the server would not recognise by itself, answered
   * with its result; ids reused otherwise, DuplicateEventIdError; else null (send). With an exact expected revision E
   * (no_stream: E = -1) and n events, an earlier append that covers E starts at E-n+1 … E+1, so revisions E-n+1 … E+n
   * are read (at most 2n events); any of the ids there but not as such a repeat is refused here (when E is the
   * stream's last revision the server would write them again without comparing, rule R1). With `any` or
   * `stream_exists` a repeat is looked for among the last n events (rule R2 would find it only while its ids are in
   * the server's cache).
   */
  private async repeatBeforeSending(streamId: string, ids: readonly string[], expected: ExpectedRevision): Promise<AppendResult | null> {
    const n = ids.length;
    if (expected === 'any' || expected === 'stream_exists') {
      const last = await this.readStreamOrNothing(streamId, { direction: 'backwards', maxCount: n });
      const verdict = judgeRepeat(ids, last.reverse());
      if (verdict.kind === 'repeat') return resultOf(verdict.last);
      const reused = errorForVerdict(streamId, verdict);
      if (reused) throw reused;
      return null;
    }
    const e = expected === 'no_stream' ? -1 : expected;
    const from = Math.max(0, e - n + 1);
    const window = await this.readStreamOrNothing(streamId, { fromRevision: from, maxCount: e + n - from + 1 });
    const verdict = judgeRepeat(ids, window);
    if (verdict.kind === 'repeat') return resultOf(verdict.last);
    const reused = errorForVerdict(streamId, verdict);
    if (reused) throw reused;
    return null;
  }

  /**
   * After the server refused the expectation (the stream's last revision is `actual`): where a repeat can still sit.
   * Below the stream's end (E < actual) the server compared E+1 … E+n itself (rule R1); those n events are read again
   * only to tell a racing repeat or reused ids from a plain conflict. Beyond it (E > actual) the stream's last n
   * events. `stream_exists` refused means no stream: nothing to read. At most n events, however long the stream.
   */
  private async repeatWindowAfterRefusal(
    streamId: string,
    n: number,
    expected: ExpectedRevision,
    actual: number,
  ): Promise<RecordedEvent[]> {
    if (actual < 0 || expected === 'stream_exists' || expected === 'any') return [];
    const e = expected === 'no_stream' ? -1 : expected;
    const from = e < actual ? e + 1 : Math.max(0, actual - n + 1);
    return this.readStreamOrNothing(streamId, { fromRevision: from, maxCount: n });
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
