import { openSqliteDatabase, SqlContext, SqliteDatabase, SqliteGroupCommit } from '@shoplink/sqlite';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
import { Position, positionAt, START } from '../position';

export interface SqliteEventStoreOptions {
  /** Stamps `createdAt`; injected so tests can pin time. */
  readonly now?: () => Date;
  /** How often an idle subscription looks for appends made through other connections. */
  readonly pollIntervalMs?: number;
  /** Most appends committed together in one transaction (group commit; default 1000). */
  readonly maxAppendsPerCommit?: number;
  /** Commit on a worker thread (default no; never for `:memory:`); see SqliteGroupCommit. */
  readonly commitOnWorker?: boolean;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position   INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id  TEXT NOT NULL,
    revision   INTEGER NOT NULL,
    event_id   TEXT NOT NULL UNIQUE,
    type       TEXT NOT NULL,
    data       TEXT NOT NULL,
    metadata   TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (stream_id, revision)
  )`;

const DEFAULT_READ_ALL_COUNT = 4096;
const SUBSCRIPTION_BATCH = 512;
const NO_LIMIT = -1; // SQLite reads a negative LIMIT as "no limit".

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
  created_at: string;
}
type StreamTip = Pick<EventRow, 'revision' | 'position'>;
type WrittenRow = Pick<EventRow, 'stream_id' | 'revision' | 'position'>;
type NewRow = Pick<EventRow, 'event_id' | 'type' | 'data' | 'metadata'>;
/** What the append procedure answers: the position as SQLite gave it (0 standing for "no event yet"). */
interface Appended {
  nextExpectedRevision: number;
  position: number | bigint | null;
}

export class SqliteEventStore implements EventStore {
  private readonly db: SqliteDatabase;
  private readonly now: (() => Date) | null;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<SqliteAllSubscription>();

  private readonly sql: Statements;
  /**
   * Appends arriving together share one transaction and one fsync; each keeps its own
   * expectation check and outcome (see SqliteGroupCommit). Other stores on the same file
   * (idempotency records) may queue their writes here too, to share the same commits.
   */
  readonly groupCommit: SqliteGroupCommit;
  private readonly appendInTransaction: (
    args: [string, NewRow[], ExpectedRevision, string | null],
    options?: { savepoint?: boolean },
  ) => Promise<Appended>;
  /** One read transaction, so "no rows" and "no stream" are judged on the same snapshot while others append. */
  private readonly readStreamRows: (streamId: string, options: ReadStreamOptions, limit: number) => EventRow[];

  constructor(filename: string, options: SqliteEventStoreOptions = {}) {
    this.now = options.now ?? null;
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.db = openSqliteDatabase(filename);
    this.db.exec(SCHEMA);

    this.sql = prepareStatements(this.db);
    this.groupCommit = new SqliteGroupCommit(this.db, { maxBatch: options.maxAppendsPerCommit, worker: options.commitOnWorker });
    this.appendInTransaction = this.groupCommit.procedure('events.append', appendProcedure);

    this.readStreamRows = this.db.transaction((streamId: string, options: ReadStreamOptions, limit: number) => {
      const rows = this.selectStreamPage(streamId, options, limit);
      // An empty page of an existing stream (e.g. reading past its end) is not "not found".
      if (rows.length === 0 && !this.sql.selectTip.get(streamId)) throw new StreamNotFoundError(streamId);
      return rows;
    });
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    requireText(streamId, 'streamId');
    if (typeof expected === 'number' && !(Number.isSafeInteger(expected) && expected >= 0)) {
      throw new Error(`expected revision must be a revision (integer >= 0), 'no_stream', 'stream_exists' or 'any'; got ${expected}`);
    }
    // Serialise before taking the write lock, so the lock is held only for SQL.
    const rows = events.map((event): NewRow => {
      requireText(event.id, 'event id');
      requireText(event.type, 'event type');
      return { event_id: event.id, type: event.type, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata) };
    });
    // One event writes with one INSERT after its checks, which SQLite undoes by itself if it fails:
    // only longer appends need a savepoint of their own to be undone alone within the shared transaction.
    // An injected clock stamps here; the real one stamps under the write lock (see appendProcedure).
    const stampedAt = this.now === null ? null : this.now().toISOString();
    let appended: Appended;
    try {
      appended = await this.appendInTransaction([streamId, rows, expected, stampedAt], { savepoint: rows.length > 1 });
    } catch (error) {
      throw toAppendError(error);
    }
    if (rows.length > 0) for (const subscription of this.subscriptions) subscription.wake();
    return {
      nextExpectedRevision: appended.nextExpectedRevision,
      position: appended.position === null ? START : positionAt(appended.position),
    };
  }

  private selectStreamPage(streamId: string, options: ReadStreamOptions, limit: number): EventRow[] {
    return options.direction === 'backwards'
      ? this.sql.selectBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
      : this.sql.selectForwards.all(streamId, options.fromRevision ?? 0, limit);
  }

  /** The event with this id, if it is in this stream (the ids are indexed, so this is one lookup). */
  async readEventById(streamId: string, eventId: string): Promise<RecordedEvent | null> {
    requireText(streamId, 'streamId');
    const row = this.sql.selectEventById.get(eventId);
    return row !== undefined && row.stream_id === streamId ? toRecordedEvent(row) : null;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    requireText(streamId, 'streamId');
    const limit = options.maxCount === undefined ? NO_LIMIT : requireCount(options.maxCount);
    // One statement reads one snapshot: a page with events needs no transaction around it. Only an
    // empty page is read again with the tip in one transaction, to tell "no stream" from "past its end".
    const rows = this.selectStreamPage(streamId, options, limit);
    return (rows.length > 0 ? rows : this.readStreamRows(streamId, options, limit)).map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = requireCount(options.maxCount ?? DEFAULT_READ_ALL_COUNT);
    if (options.withoutData) return this.sql.selectAfterWithoutData.all((options.after ?? START).commit, limit).map(toRecordedEvent);
    return this.readAfter(options.after ?? START, limit);
  }

  async headPosition(): Promise<Position> {
    const { head } = this.sql.selectHead.get()!;
    return head === null ? START : positionAt(head);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    if (!this.db.open) throw new Error('SqliteEventStore is closed');
    const subscription = new SqliteAllSubscription(
      options.after ?? START,
      (after) => this.readAfter(after, SUBSCRIPTION_BATCH),
      this.pollIntervalMs,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    // Whatever is queued is committed (and answered) before the connections go.
    await this.groupCommit.close();
    if (this.db.open) this.db.close();
  }

  private readAfter(after: Position, limit: number): RecordedEvent[] {
    // One sequence serves as both commit and prepare here, so `commit` is the position.
    return this.sql.selectAfter.all(after.commit, limit).map(toRecordedEvent);
  }
}

/**
 * Reads in batches until caught up, then sleeps until this process appends (wake) or
 * the poll interval passes, which is how appends made through other connections show up.
 * Reading strictly after the last delivered position means nothing is skipped or repeated:
 * SQLite has one writer at a time, so positions become visible in order.
 */
class SqliteAllSubscription implements AllSubscription {
  private closed = false;
  private wakeUp: (() => void) | undefined;
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    private after: Position,
    private readonly readBatch: (after: Position) => RecordedEvent[],
    private readonly pollIntervalMs: number,
    private readonly onClose: () => void,
  ) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  wake(): void {
    this.wakeUp?.();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    this.wake(); // lets a pending next() see `closed` and finish
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    try {
      while (!this.closed) {
        const batch = this.readBatch(this.after);
        if (batch.length === 0) {
          // No await between the empty read and arming the wake-up, so a local append cannot slip between them.
          await this.sleep();
          continue;
        }
        for (const event of batch) {
          if (this.closed) return;
          this.after = event.position;
          yield event;
        }
      }
    } finally {
      await this.close(); // also reached when the consumer breaks out of for-await
    }
  }

  private sleep(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wakeUp = done;
    });
  }
}

function prepareStatements(db: SqliteDatabase) {
  return {
    selectTip: db.prepare<[string], StreamTip>('SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1'),
    selectEventById: db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
    selectForwards: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ASC LIMIT ?',
    ),
    selectBackwards: db.prepare<[string, number, number], EventRow>(
      'SELECT * FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
    ),
    selectAfter: db.prepare<[bigint, number], EventRow>('SELECT * FROM events WHERE position > ? ORDER BY position ASC LIMIT ?'),
    selectAfterWithoutData: db.prepare<[bigint, number], EventRow>(
      `SELECT position, stream_id, revision, event_id, type, '{}' AS data, metadata, created_at FROM events WHERE position > ? ORDER BY position ASC LIMIT ?`,
    ),
    selectHead: db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
  };
}
type Statements = ReturnType<typeof prepareStatements>;

/**
 * One append, inside the group commit's transaction (on its writer thread: self-contained, see
 * `Procedure`). The reads below see the appends committed before it in the same batch.
 * Failures are thrown as errors with a `kind`, which `toAppendError` turns into the port's errors.
 */
function appendProcedure(
  sql: SqlContext,
  streamId: string,
  rows: NewRow[],
  expected: ExpectedRevision,
  stampedAt: string | null,
): Appended {
  const fail = (kind: string, details: Record<string, unknown>): Error => Object.assign(new Error(kind), { kind, ...details });
  // A repeat of an append already stored (its first event id is there) succeeds with the earlier
  // outcome. Looked up only when the append cannot go ahead as it is (its expectation fails, or
  // its first id is refused as a duplicate), so a new append pays for one index probe, not two.
  const repeatOfStored = (): Appended | null => {
    const selectById = sql.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?');
    if (rows.length === 0 || !selectById.get(rows[0].event_id)) return null;
    let previous: WrittenRow | undefined;
    for (const row of rows) {
      const written = selectById.get(row.event_id) as WrittenRow | undefined;
      const inPlace =
        written !== undefined && written.stream_id === streamId && (previous === undefined || written.revision === previous.revision + 1);
      if (!inPlace) throw fail('DuplicateEventId', { streamId, eventId: row.event_id });
      previous = written;
    }
    return { nextExpectedRevision: previous!.revision, position: previous!.position };
  };
  const tip = sql.prepare('SELECT revision, position FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').get(streamId) as
    StreamTip | undefined;
  const actual = tip?.revision ?? -1;
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && actual === -1) ||
    (expected === 'stream_exists' && actual >= 0) ||
    expected === actual;
  if (!ok) {
    const repeat = repeatOfStored();
    if (repeat !== null) return repeat;
    throw fail('WrongExpectedRevision', { streamId, expected, actual });
  }
  if (rows.length === 0) return { nextExpectedRevision: actual, position: tip ? tip.position : null };

  // Stamped under the write lock, so createdAt never runs backwards against position across connections.
  const createdAt = stampedAt ?? new Date().toISOString();
  const insert = sql.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let revision = actual;
  let position: number | bigint = 0;
  for (const [i, row] of rows.entries()) {
    revision += 1;
    try {
      position = insert.run(streamId, revision, row.event_id, row.type, row.data, row.metadata, createdAt).lastInsertRowid;
    } catch (error) {
      const e = error as { code?: string; message?: string };
      if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && e.message?.includes('events.event_id') === true) {
        // The first id refused: a repeat (with an expectation a repeat still meets, such as
        // 'any'), answered as before, or an id used elsewhere. A later id: reused, the
        // savepoint undoes the rows before it. SQLite undid the failed INSERT itself.
        const repeat = i === 0 ? repeatOfStored() : null;
        if (repeat !== null) return repeat;
        throw fail('DuplicateEventId', { streamId, eventId: row.event_id });
      }
      throw error;
    }
  }
  return { nextExpectedRevision: revision, position };
}

/** The port's error for a failure the append procedure reported by kind; any other error as it came. */
function toAppendError(error: unknown): unknown {
  const e = error as { kind?: string; streamId: string; expected: ExpectedRevision; actual: number; eventId: string };
  if (e?.kind === 'WrongExpectedRevision') return new WrongExpectedRevisionError(e.streamId, e.expected, e.actual);
  if (e?.kind === 'DuplicateEventId') return new DuplicateEventIdError(e.streamId, e.eventId);
  return error;
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: positionAt(row.position),
    id: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as JsonObject,
    createdAt: createdAtOf(row.created_at),
  };
}

let lastCreatedAtText = '';
let lastCreatedAtMs = Number.NaN;

/**
 * The events of one append (and of one group commit) share their created_at text, so it is
 * parsed once per run of equal texts rather than per event (ISO parsing was about 4% of a
 * rebuild's read); each event still gets a Date of its own.
 */
function createdAtOf(text: string): Date {
  if (text !== lastCreatedAtText) {
    lastCreatedAtText = text;
    lastCreatedAtMs = Date.parse(text);
  }
  return new Date(lastCreatedAtMs);
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.length === 0) throw new Error(`${name} must be a non-empty string`);
}

function requireCount(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`maxCount must be an integer >= 0, got ${value}`);
  return value;
}
