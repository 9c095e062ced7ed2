import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError as ClientStreamNotFoundError,
  DeadlineExceededError,
  NotLeaderError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { deterministicEventId } from '@shoplink/command-handling';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors';
import { positionAt, START } from '../position';
import {
  actualRevisionOf,
  errorForVerdict,
  expectationHolds,
  firstRepeatedId,
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

/** The client's own error objects, built as it builds them from the server's answer. */
const wrongExpectedVersion = (current: bigint | 'no_stream', expected: bigint | string) =>
  new WrongExpectedVersionError(undefined, { streamName: 's', current, expected } as never);

describe('KurrentDB mapping: expected states', () => {
  it('maps the port expectations to the client constants and exact revisions to bigints', () => {
    expect(toStreamState('no_stream')).toBe(NO_STREAM);
    expect(toStreamState('stream_exists')).toBe(STREAM_EXISTS);
    expect(toStreamState('any')).toBe(ANY);
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
    expect(toStreamState(Number.MAX_SAFE_INTEGER)).toBe(9007199254740991n);
  });

  it('refuses revisions that are not whole numbers >= 0', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => toStreamState(bad)).toThrow(/expected revision/);
  });

  it('judges an expectation against the actual last revision (-1: no stream) as the server does', () => {
    expect(expectationHolds('any', -1)).toBe(true);
    expect(expectationHolds('any', 3)).toBe(true);
    expect(expectationHolds('no_stream', -1)).toBe(true);
    expect(expectationHolds('no_stream', 0)).toBe(false);
    expect(expectationHolds('stream_exists', -1)).toBe(false);
    expect(expectationHolds('stream_exists', 0)).toBe(true);
    expect(expectationHolds(2, 2)).toBe(true);
    expect(expectationHolds(2, 3)).toBe(false);
  });
});

describe('KurrentDB mapping: positions', () => {
  it('starts a read at the start of the log for no position or START, else at the position itself', () => {
    expect(toReadPosition(undefined)).toBe('start');
    expect(toReadPosition(START)).toBe('start');
    expect(toReadPosition({ commit: 10n, prepare: 8n })).toEqual({ commit: 10n, prepare: 8n });
  });

  it('keeps commit and prepare apart and whole up to 2^64 - 1', () => {
    const position = { commit: 18446744073709551615n, prepare: 18446744073709551000n };
    const event = toRecordedEvent(recorded({ position }));
    expect(event.position).toEqual(position);
    expect(event.position).not.toBe(position); // a copy: no client object leaks into the port's values
  });

  it('takes only events strictly after the given position, whether the server starts at it or after it', () => {
    const after = { commit: 100n, prepare: 100n };
    expect(isAfter({ commit: 100n, prepare: 100n }, after)).toBe(false);
    expect(isAfter({ commit: 100n, prepare: 99n }, after)).toBe(false);
    expect(isAfter({ commit: 100n, prepare: 101n }, after)).toBe(true);
    expect(isAfter({ commit: 101n, prepare: 0n }, after)).toBe(true);
    expect(isAfter(positionAt(0), undefined)).toBe(true);
  });
});

describe('KurrentDB mapping: recorded events', () => {
  it('maps every field, with createdAt from the server’s created and the revision as a number', () => {
    const created = new Date('2026-03-01T10:00:00.123Z');
    const event = toRecordedEvent(recorded({ revision: 7n, created, data: { a: 1 }, metadata: { by: 'x' } }));
    expect(event).toEqual({
      streamId: 'shop-s-1',
      revision: 7,
      position: { commit: 500n, prepare: 500n },
      id: '6f1c2a4e-7b0d-4d7e-9a51-2f3c8e1b0a99',
      type: 'ShopRegistered',
      data: { a: 1 },
      metadata: { by: 'x' },
      createdAt: created,
    });
  });

  it('gives the same createdAt from the native read path (milliseconds as a number) and the gRPC path (a Date)', () => {
    const viaBridge = toRecordedEvent(recorded({ created: 1772359200123.9 }));
    const viaGrpc = toRecordedEvent(recorded({ created: new Date(1772359200123) }));
    expect(viaBridge.createdAt).toEqual(viaGrpc.createdAt);
  });

  it('reads absent metadata as an empty object', () => {
    expect(toRecordedEvent(recorded({ metadata: undefined })).metadata).toEqual({});
  });

  it('refuses events Shoplink cannot have written: binary data, non-object JSON, no position', () => {
    expect(() => toRecordedEvent(recorded({ isJson: false, data: new Uint8Array([1]) }))).toThrow(/not a JSON object/);
    expect(() => toRecordedEvent(recorded({ data: [1, 2] }))).toThrow(/not a JSON object/);
    expect(() => toRecordedEvent(recorded({ data: 'text' }))).toThrow(/not a JSON object/);
    expect(() => toRecordedEvent(recorded({ metadata: new Uint8Array([1]) }))).toThrow(/metadata/);
    expect(() => toRecordedEvent(recorded({ position: undefined }))).toThrow(/position/);
  });
});

describe('KurrentDB mapping: system events', () => {
  it('leaves out $-typed events and events of $-prefixed streams', () => {
    expect(isSystemEvent({ streamId: '$stats-127.0.0.1:2113', type: '$statsCollected' })).toBe(true);
    expect(isSystemEvent({ streamId: '$ce-shop', type: '$>' })).toBe(true);
    expect(isSystemEvent({ streamId: '$$shop-s-1', type: '$metadata' })).toBe(true);
    expect(isSystemEvent({ streamId: '$projections-x', type: 'UserLooking' })).toBe(true);
    expect(isSystemEvent({ streamId: 'shop-s-1', type: '$settings' })).toBe(true);
    expect(isSystemEvent({ streamId: 'shop-s-1', type: 'ShopRegistered' })).toBe(false);
  });
});

describe('KurrentDB mapping: errors', () => {
  it('maps a wrong expected version to WrongExpectedRevisionError with the actual revision the server reported', () => {
    const error = toPortError(wrongExpectedVersion(2n, 0n), 'shop-s-1', 0);
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ streamId: 'shop-s-1', expected: 0, actual: 2, code: 'CONCURRENCY_CONFLICT' });
  });

  it('reports -1 as the actual revision when the stream does not exist', () => {
    const error = wrongExpectedVersion('no_stream', 'stream_exists');
    expect(isWrongExpectedVersion(error)).toBe(true);
    expect(actualRevisionOf(error)).toBe(-1);
    expect(toPortError(error, 's', 'stream_exists')).toMatchObject({ expected: 'stream_exists', actual: -1 });
  });

  it('maps stream-not-found to StreamNotFoundError naming the stream', () => {
    const error = toPortError(new ClientStreamNotFoundError(undefined, 'shop-x'), 'shop-x');
    expect(error).toBeInstanceOf(StreamNotFoundError);
    expect(error).toMatchObject({ streamId: 'shop-x', code: 'STREAM_NOT_FOUND' });
  });

  it('leaves other errors as they are', () => {
    const other = new Error('boom');
    expect(toPortError(other, 's', 0)).toBe(other);
  });

  it('treats unavailability, deadlines, leader changes and raw gRPC UNAVAILABLE as transient, and conflicts or bad input as not', () => {
    expect(isTransientError(new UnavailableError())).toBe(true);
    expect(isTransientError({ type: 'deadline-exceeded' })).toBe(true);
    expect(isTransientError({ type: 'not-leader' })).toBe(true);
    // What an append answers when the connection was never established: a raw gRPC error.
    expect(isTransientError(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBe(true);
    expect(isTransientError(Object.assign(new Error('4 DEADLINE_EXCEEDED'), { code: 4 }))).toBe(true);
    expect(isTransientError(wrongExpectedVersion(1n, 0n))).toBe(false);
    expect(isTransientError(new ClientStreamNotFoundError(undefined, 's'))).toBe(false);
    expect(isTransientError(Object.assign(new Error('3 INVALID_ARGUMENT'), { code: 3 }))).toBe(false);
    expect(isTransientError(new Error('plain'))).toBe(false);
    expect(isTransientError(undefined)).toBe(false);
  });

  /** As convertBridgeError builds it for a bridge error it does not name: UnknownError around the bridge's plain Error. */
  const fromBridge = (message: string) => new UnknownError(Object.assign(new Error(message), { name: 'Error' }) as never);

  it('treats a timeout or lost connection the native bridge reports as an unknown error as transient, and nothing else unknown', () => {
    for (const text of [
      'Unknown Error: status: DeadlineExceeded, message: "Timeout expired", details: [], metadata: MetadataMap { headers: {} }',
      'Unknown Error: status: Cancelled, message: "Timeout expired"',
      'Unknown Error: deadline has elapsed',
      'Unknown Error: status: Unavailable, message: "error trying to connect: tcp connect error: Connection refused (os error 111)"',
      'Unknown Error: ConnectionClosed',
    ]) {
      expect([text, isTransientError(fromBridge(text))]).toEqual([text, true]);
    }
    expect(isTransientError(new UnknownError(Object.assign(new Error('x'), { code: 4 }) as never))).toBe(true);
    expect(isTransientError(new UnknownError(Object.assign(new Error('x'), { code: 14 }) as never))).toBe(true);
    expect(isTransientError(fromBridge('Unknown Error: ParseError: invalid event payload'))).toBe(false);
    expect(isTransientError(fromBridge('Unknown Error: access denied'))).toBe(false);
    // Text alone makes nothing transient unless the client could not name the error.
    expect(isTransientError(new Error('deadline in the domain sense'))).toBe(false);
  });

  it('resends an append after an ambiguous failure only when the expectation makes the resend a repeat (rule R1)', () => {
    const timeout = fromBridge('Unknown Error: Timeout expired');
    for (const expected of [0, 41, 'no_stream'] as const) {
      expect(isSafeToResendAppend(new DeadlineExceededError(), expected)).toBe(true);
      expect(isSafeToResendAppend(new UnavailableError(), expected)).toBe(true);
      expect(isSafeToResendAppend(timeout, expected)).toBe(true);
    }
    for (const expected of ['any', 'stream_exists'] as const) {
      expect(isSafeToResendAppend(new DeadlineExceededError(), expected)).toBe(false);
      expect(isSafeToResendAppend(new UnavailableError(), expected)).toBe(false);
      expect(isSafeToResendAppend(timeout, expected)).toBe(false);
      expect(
        isSafeToResendAppend(
          new NotLeaderError({ metadata: { 'leader-endpoint-host': 'b', 'leader-endpoint-port': '2113' } } as never),
          expected,
        ),
      ).toBe(true);
    }
    expect(isSafeToResendAppend(wrongExpectedVersion(1n, 0n), 0)).toBe(false);
  });
});

describe('KurrentDB mapping: event ids and repeated appends', () => {
  it('accepts the ids the command path derives (UUID v5 shape) and random UUIDs, and nothing else', () => {
    for (let i = 0; i < 50; i++) expect(isKurrentEventId(deterministicEventId(randomUUID(), i))).toBe(true);
    expect(isKurrentEventId(deterministicEventId('cmd/account-x/claim/3', 0))).toBe(true);
    expect(isKurrentEventId(randomUUID())).toBe(true);
    expect(isKurrentEventId('event-1')).toBe(false);
    expect(isKurrentEventId('6F1C2A4E-7B0D-4D7E-9A51-2F3C8E1B0A99')).toBe(false); // would read back in lower case
    expect(isKurrentEventId('')).toBe(false);
  });

  it('derives ids that are valid RFC 4122 UUIDs: version 5, variant 10xx', () => {
    const id = deterministicEventId('6f1c2a4e-7b0d-4d7e-9a51-2f3c8e1b0a99', 0);
    expect(id[14]).toBe('5');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  const stored = (ids: string[], from = 0) => ids.map((id, i) => ({ id, revision: from + i, position: positionAt(100 + from + i) }));

  it('recognises an exact repeat anywhere in the stretch read, answering its last event', () => {
    expect(judgeRepeat(['c', 'd'], stored(['a', 'b', 'c', 'd', 'e']))).toEqual({ kind: 'repeat', last: stored(['d'], 3)[0] });
    expect(judgeRepeat(['a'], stored(['a']))).toEqual({ kind: 'repeat', last: stored(['a'])[0] });
  });

  it('calls reused ids that are not an exact repeat partial: some ids, another order, or a longer append', () => {
    expect(judgeRepeat(['b', 'x'], stored(['a', 'b']))).toEqual({ kind: 'partial', eventId: 'b' });
    expect(judgeRepeat(['x', 'a'], stored(['a', 'b']))).toEqual({ kind: 'partial', eventId: 'a' });
    expect(judgeRepeat(['b', 'a'], stored(['a', 'b']))).toEqual({ kind: 'partial', eventId: 'b' });
    expect(judgeRepeat(['a', 'b', 'c'], stored(['a', 'b']))).toEqual({ kind: 'partial', eventId: 'a' });
    expect(judgeRepeat(['a', 'c'], stored(['a', 'b', 'c']))).toEqual({ kind: 'partial', eventId: 'a' });
  });

  it('finds nothing when no id is there', () => {
    expect(judgeRepeat(['x'], stored(['a', 'b']))).toEqual({ kind: 'none' });
    expect(judgeRepeat(['x'], [])).toEqual({ kind: 'none' });
  });

  it('turns a partial verdict into DuplicateEventIdError naming the reused id, and others into no error', () => {
    const error = errorForVerdict('s', { kind: 'partial', eventId: 'b' });
    expect(error).toBeInstanceOf(DuplicateEventIdError);
    expect(error).toMatchObject({ streamId: 's', eventId: 'b', code: 'DUPLICATE_EVENT_ID' });
    expect(errorForVerdict('s', { kind: 'none' })).toBeNull();
  });

  it('finds an id repeated within one append', () => {
    expect(firstRepeatedId(['a', 'b', 'a'])).toBe('a');
    expect(firstRepeatedId(['a', 'b'])).toBeNull();
  });
});

function recorded(overrides: Partial<Record<keyof KurrentRecordedEvent, unknown>> = {}): KurrentRecordedEvent {
  return {
    streamId: 'shop-s-1',
    id: '6f1c2a4e-7b0d-4d7e-9a51-2f3c8e1b0a99',
    revision: 0n,
    type: 'ShopRegistered',
    isJson: true,
    data: { shopId: 's-1' },
    metadata: { by: 'test' },
    created: new Date('2026-03-01T10:00:00.000Z'),
    position: { commit: 500n, prepare: 500n },
    ...overrides,
  } as KurrentRecordedEvent;
}
