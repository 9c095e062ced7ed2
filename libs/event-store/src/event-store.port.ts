import { Position } from './position';

/** Injection token for the event store, so Nest wiring can pick an adapter at start-up. */
export const EVENT_STORE = Symbol('EVENT_STORE');
/**
 * The same log as stored, beneath any decorator that changes what reads answer (personal data sealing): what
 * projections, hash-chain checks and raw audit reads use.
 */
export const STORED_EVENT_STORE = Symbol('STORED_EVENT_STORE');

export type JsonObject = { [key: string]: unknown };

/** An event as the application proposes it. Ids are chosen by the caller so a retried append is idempotent. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** An event as the store holds it. `revision` counts from 0 within its stream. */
export interface RecordedEvent {
  readonly streamId: string;
  readonly revision: number;
  readonly position: Position;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly createdAt: Date;
}

/**
 * What the writer believes about the stream before appending, as KurrentDB names it:
 * `no_stream`, `stream_exists`, `any`, or the exact revision of the stream's last event.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | 'any' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  readonly nextExpectedRevision: number;
  /** Position of the last appended event in `$all`. */
  readonly position: Position;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive revision to start from; defaults to the first (forwards) or last (backwards). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Defaults to the start of the log. */
  readonly after?: Position;
  readonly maxCount?: number;
  /**
   * A hint from a reader that needs only each event's envelope and metadata (a rebuild of an
   * index of the log): the store may answer `data` as `{}` and save reading and parsing it. A
   * store that saves nothing by it ignores it.
   */
  readonly withoutData?: boolean;
}

export interface SubscribeToAllOptions {
  /** Exclusive: deliver events strictly after this position; omit to start from the beginning. */
  readonly after?: Position;
}

/** A catch-up subscription: iterate to receive events in `$all` order; close to stop. */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  /** Appends every event or none, if the stream matches `expected`; else throws WrongExpectedRevisionError. */
  appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult>;
  /** Reads a stream; throws StreamNotFoundError when it has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /**
   * Optional: the event with this id if it is in this stream, else null. Stores that index event
   * ids answer it in one lookup, which lets a writer recognise a command it already applied
   * (its event ids derive from the command id) without reading the whole stream; without it,
   * callers fall back to reading the stream. A store with no index of ids may search only a
   * bounded stretch at the stream's end and answer null beyond it (KurrentDB: the last 512 events).
   */
  readEventById?(streamId: string, eventId: string): Promise<RecordedEvent | null>;
  /**
   * Optional, offered by a decorator that changes what reads answer (personal-data sealing): the
   * same read both as stored, which is what hash chains cover, and as `readStream` answers it, so a
   * reader can check the chain of the very events it folds with one read. Without it, `readStream`
   * answers events as stored (see readStreamWithStoredForm). Throws StreamNotFoundError as `readStream`.
   */
  readStreamAsStored?(streamId: string, options?: ReadStreamOptions): Promise<StoredAndRead>;
  /** Reads `$all` in order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in `$all`, or START when the log is empty. */
  headPosition(): Promise<Position>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  close(): Promise<void>;
}

/** A stream read as stored and as the reader sees it: the same events, in the same order. */
export interface StoredAndRead {
  readonly stored: RecordedEvent[];
  readonly read: RecordedEvent[];
}

/** A stream's events as stored and as read (the same objects when the store changes nothing on the way out). */
export async function readStreamWithStoredForm(store: EventStore, streamId: string, options?: ReadStreamOptions): Promise<StoredAndRead> {
  if (store.readStreamAsStored) return store.readStreamAsStored(streamId, options);
  const events = await store.readStream(streamId, options);
  return { stored: events, read: events };
}
