import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import { ExpectedRevision, JsonObject, RecordedEvent } from '../event-store.port';
import { comparePositions, Position, START } from '../position';

/**
 * Everything the KurrentDB adapter translates between the port and the client, as pure
 * functions: they are unit-tested without a server (kurrentdb-mapping.unit.spec.ts), and the
 * adapter itself only sequences calls. The shapes below are the client's, restated
 * structurally, so this file loads without the driver.
 */

/** The client's stream states: the constants NO_STREAM, STREAM_EXISTS, ANY, or an exact revision. */
export type KurrentStreamState = 'no_stream' | 'stream_exists' | 'any' | bigint;

export function toStreamState(expected: ExpectedRevision): KurrentStreamState {
  if (expected === 'no_stream' || expected === 'stream_exists' || expected === 'any') return expected;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new Error(`expected revision must be a revision (integer >= 0), 'no_stream', 'stream_exists' or 'any'; got ${String(expected)}`);
  }
  return BigInt(expected);
}

/** Whether a stream whose last revision is `actual` (-1: no stream) satisfies `expected`. */
export function expectationHolds(expected: ExpectedRevision, actual: number): boolean {
  return (
    expected === 'any' ||
    (expected === 'no_stream' && actual === -1) ||
    (expected === 'stream_exists' && actual >= 0) ||
    expected === actual
  );
}

/** The client's positions are the port's already (two unsigned 64-bit bigints); copied so no client object leaks. */
export function fromKurrentPosition(position: { commit: bigint; prepare: bigint }): Position {
  return { commit: BigInt(position.commit), prepare: BigInt(position.prepare) };
}

/** Where a read of `$all` strictly after `after` starts: the client's START, or the position itself (read inclusively, see isAfter). */
export function toReadPosition(after: Position | undefined): 'start' | Position {
  return after === undefined || comparePositions(after, START) === 0 ? 'start' : { commit: after.commit, prepare: after.prepare };
}

/**
 * KurrentDB reads `$all` from a position inclusively (subscriptions exclusively): both go through this, so either way
 * nothing is repeated.
 */
export function isAfter(position: Position, after: Position | undefined): boolean {
  return after === undefined || comparePositions(position, after) > 0;
}

/**
 * System events: `$`-typed (stats, settings, links `$>`, metadata `$metadata`) or in a
 * `$`-prefixed stream (projections' `$ce-`, `$et-`, ...). The server-side filter drops the first
 * kind; this drops both, so a system stream holding a user-typed event never reaches a projection.
 */
export function isSystemEvent(event: { streamId: string; type: string }): boolean {
  return event.type.startsWith('$') || event.streamId.startsWith('$');
}

/** The server-side filter that leaves system events out of `$all` reads and subscriptions (the client's excludeSystemEvents). */
export const EXCLUDE_SYSTEM_EVENTS_REGEX = '^[^$].*';

/** A recorded event as both client paths give it (gRPC for subscriptions, the native bridge for reads). */
export interface KurrentRecordedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint | number;
  readonly type: string;
  readonly isJson: boolean;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date | number;
  readonly position?: { commit: bigint; prepare: bigint };
}

/**
 * The port's RecordedEvent. `createdAt` is the server's `created` (its clock, at the append),
 * truncated to the millisecond so both client paths give the same Date. Events that are not
 * JSON objects were not written by Shoplink: they are refused loudly rather than guessed at.
 */
export function toRecordedEvent(event: KurrentRecordedEvent): RecordedEvent {
  if (!event.position) throw new Error(`KurrentDB event ${event.id} of ${event.streamId} came without its $all position`);
  const data = event.isJson ? event.data : undefined;
  if (!isJsonObject(data))
    throw new Error(
      `KurrentDB event ${event.id} of ${event.streamId} (${event.type}) is not a JSON object; Shoplink writes only JSON objects`,
    );
  const metadata = event.metadata === undefined ? {} : event.metadata;
  if (!isJsonObject(metadata))
    throw new Error(`KurrentDB event ${event.id} of ${event.streamId} (${event.type}) has metadata that is not a JSON object`);
  const created = typeof event.created === 'number' ? event.created : event.created.getTime();
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: fromKurrentPosition(event.position),
    id: event.id,
    type: event.type,
    data,
    metadata,
    createdAt: new Date(Math.trunc(created)),
  };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/**
 * KurrentDB takes event ids as UUIDs. The canonical lower-case form is required so an id
 * reads back exactly as written (the server prints GUIDs in lower case); deterministicEventId
 * and randomUUID both produce it.
 */
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isKurrentEventId(id: string): boolean {
  return CANONICAL_UUID.test(id);
}

/** The client's errors, restated structurally: a `type` (wrong-expected-version, stream-not-found, ...) or a raw gRPC `code`. */
interface ClientErrorShape {
  readonly type?: string;
  readonly code?: number;
  readonly name?: string;
  readonly actualState?: bigint | 'no_stream';
  readonly streamName?: string;
  readonly message?: unknown;
  /** What the client wrapped: the gRPC error, or the bridge's plain Error. */
  readonly _raw?: unknown;
}

const WRONG_EXPECTED_VERSION = 'wrong-expected-version';

export function isWrongExpectedVersion(error: unknown): boolean {
  return shapeOf(error)?.type === WRONG_EXPECTED_VERSION;
}

/** The revision the server reported in a wrong-expected-version error; -1 when the stream does not exist. */
export function actualRevisionOf(error: unknown): number {
  const actual = shapeOf(error)?.actualState;
  return actual === undefined || actual === 'no_stream' ? -1 : Number(actual);
}

/** A read of a stream that has no events (or was deleted: the port has no notion of deletion) is the port's StreamNotFoundError. */
export function isStreamNotFound(error: unknown): boolean {
  const type = shapeOf(error)?.type;
  return type === 'stream-not-found' || type === 'stream-deleted' || type === 'stream-tombstoned';
}

/**
 * The client error mapped to the port's: a wrong expected version becomes WrongExpectedRevisionError
 * with the actual revision the server reported, a missing stream StreamNotFoundError; anything
 * else is returned unchanged.
 */
export function toPortError(error: unknown, streamId: string, expected?: ExpectedRevision): unknown {
  if (isWrongExpectedVersion(error) && expected !== undefined)
    return new WrongExpectedRevisionError(streamId, expected, actualRevisionOf(error));
  if (isStreamNotFound(error)) return new StreamNotFoundError(streamId);
  return error;
}

/** gRPC status codes worth retrying: the server or the network may answer the next attempt. */
const TRANSIENT_GRPC_CODES = new Set([
  4, // DEADLINE_EXCEEDED
  8, // RESOURCE_EXHAUSTED (server busy)
  14, // UNAVAILABLE
]);
const TRANSIENT_TYPES = new Set(['unavailable', 'deadline-exceeded', 'timeout', 'not-leader', 'cancelled']);

/**
 * What the native bridge (reads of streams and `$all` go through it) reports for a failure it does not name: the
 * client's UnknownError (type `unknown`, no gRPC code) carrying the Rust client's text. A deadline or a lost
 * connection shows there only in that text: tonic's "Timeout expired", a status DeadlineExceeded / Unavailable,
 * tokio's "deadline has elapsed", hyper's connection errors.
 */
const TRANSIENT_BRIDGE_TEXT =
  /deadline|timeout expired|timed out|\bunavailable\b|connection (?:closed|reset|refused)|connectionclosed|broken pipe|client error \(connect\)/i;

/**
 * Transient: the operation may succeed if sent again (the client reconnects on the next call
 * after UNAVAILABLE or NotLeader). Errors are seen as the client's typed errors, on some paths
 * (an append before the connection is up) as raw gRPC errors with a numeric code, and from the
 * native bridge as UnknownError whose text alone says it was a timeout (TRANSIENT_BRIDGE_TEXT).
 */
export function isTransientError(error: unknown): boolean {
  const shape = shapeOf(error);
  if (!shape) return false;
  if (shape.type !== undefined && TRANSIENT_TYPES.has(shape.type)) return true;
  if (typeof shape.code === 'number' && TRANSIENT_GRPC_CODES.has(shape.code)) return true;
  if (shape.type !== 'unknown') return false;
  const raw = shapeOf(shape._raw);
  if (typeof raw?.code === 'number' && TRANSIENT_GRPC_CODES.has(raw.code)) return true;
  return [shape.message, raw?.message].some((text) => typeof text === 'string' && TRANSIENT_BRIDGE_TEXT.test(text));
}

/**
 * Whether an append that failed may be sent again. A timeout or a lost connection leaves open whether the server
 * wrote it. With an exact expected revision or no_stream the resend is safe: if the first was written, the server
 * compares the ids at the revisions after the expectation and answers the first write's result (rule R1, see
 * docs/production-path.md). With `any` or `stream_exists` only the server's cache of recent ids would recognise it
 * (rule R2), so such an append is resent only after NotLeader, which says it was not written.
 */
export function isSafeToResendAppend(error: unknown, expected: ExpectedRevision): boolean {
  if (!isTransientError(error)) return false;
  if (expected === 'any' || expected === 'stream_exists') return shapeOf(error)?.type === 'not-leader';
  return true;
}

function shapeOf(error: unknown): ClientErrorShape | null {
  return typeof error === 'object' && error !== null ? error : null;
}

/** What the ids of an append are, judged against a stretch of the stream (events in revision order). */
export type RepeatVerdict =
  | { readonly kind: 'repeat'; readonly last: Pick<RecordedEvent, 'revision' | 'position'> }
  | { readonly kind: 'partial'; readonly eventId: string }
  | { readonly kind: 'none' };

/**
 * `repeat`: every id is in the stream, consecutively and in order (an exact re-append, answered
 * with the first append's result). `partial`: some id is there but not as such a repeat (the
 * caller reused ids: DuplicateEventIdError). `none`: no id is there.
 */
export function judgeRepeat(ids: readonly string[], stored: readonly Pick<RecordedEvent, 'id' | 'revision' | 'position'>[]): RepeatVerdict {
  const at = new Map(stored.map((event, index) => [event.id, index]));
  const first = at.get(ids[0]);
  if (first !== undefined) {
    const exact = ids.every(
      (id, offset) => at.get(id) === first + offset && stored[first + offset].revision === stored[first].revision + offset,
    );
    if (exact) return { kind: 'repeat', last: stored[first + ids.length - 1] };
  }
  const reused = ids.find((id) => at.has(id));
  return reused === undefined ? { kind: 'none' } : { kind: 'partial', eventId: reused };
}

/** The error for a verdict that is not a repeat, or null when the append may go on. */
export function errorForVerdict(streamId: string, verdict: RepeatVerdict): DuplicateEventIdError | null {
  return verdict.kind === 'partial' ? new DuplicateEventIdError(streamId, verdict.eventId) : null;
}

/** Ids must be unique within one append; KurrentDB would write the repeats. */
export function firstRepeatedId(ids: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return null;
}
