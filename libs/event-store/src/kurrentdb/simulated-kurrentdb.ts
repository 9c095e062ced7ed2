import { StreamNotFoundError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';

/**
 * A SIMULATION of the few KurrentDB server rules the adapter's logic depends on, for unit tests
 * only (kurrentdb-event-store.unit.spec.ts). It is not KurrentDB and nothing tested against it is
 * "tested against KurrentDB": it implements exactly the rules written down in
 * docs/production-path.md ("KurrentDB server rules the adapter relies on"), each with its source,
 * and nothing else (no `$all`, no subscriptions, one log position per event).
 *
 * The rules:
 * - R1, append idempotency (KurrentDB `IndexWriter.CheckCommit`): with an exact expected revision E
 *   (or no_stream, taken as E = -1) below the stream's last revision C, the server compares the ids
 *   stored at E+1, E+2, ... with the ids being appended: all equal, it writes nothing and answers
 *   success with the earlier write's revisions; the first one different, WrongExpectedVersion; a
 *   later one different (CorruptedIdempotency), also WrongExpectedVersion (`StorageWriterService`).
 *   E equal to C: it writes, comparing no ids. E above C: WrongExpectedVersion.
 * - R2, `any` / `stream_exists` (same method): each id is looked up in the server's bounded cache of
 *   committed events: all found in this stream, success without writing (the last one's revision);
 *   the first not found, written; a later one not found, WrongExpectedVersion. `stream_exists` on no
 *   stream: WrongExpectedVersion. The simulation's cache never forgets (the real one does).
 * - R3, reads (`StorageReaderWorker` / `IndexReader` stream reads): forwards from revision r, up to
 *   maxCount events with revision >= r; backwards from r (or from the end), revisions <= r, newest
 *   first; a stream without events answers stream-not-found.
 *
 * Failures can be injected with `failNext` (a deadline on the way to or from the server), and every
 * event handed to a reader is counted in `eventsRead`.
 */
export interface SimulatedEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly isJson: true;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly created: Date;
  readonly position: { commit: bigint; prepare: bigint };
}

type StreamState = 'no_stream' | 'stream_exists' | 'any' | bigint;

interface Injected {
  readonly operation: 'append' | 'read';
  readonly error: unknown;
  /** For appends: whether the server applied the write before the failure reached the client (a lost answer). */
  readonly afterApplying: boolean;
}

export class SimulatedKurrentDb {
  private readonly streams = new Map<string, SimulatedEvent[]>();
  private nextPosition = 1000n;
  private readonly failures: Injected[] = [];
  /** Events handed out by readStream, in all. */
  eventsRead = 0;
  /** Calls of appendToStream that reached the simulated server. */
  appendCalls = 0;

  failNext(operation: 'append' | 'read', error: unknown, afterApplying = false): void {
    this.failures.push({ operation, error, afterApplying });
  }

  streamOf(streamId: string): readonly SimulatedEvent[] {
    return this.streams.get(streamId) ?? [];
  }

  async appendToStream(
    streamId: string,
    events: readonly { id: string; type: string; data: unknown; metadata?: unknown }[],
    options: { streamState?: StreamState } = {},
  ): Promise<{ success: true; nextExpectedRevision: bigint; position: { commit: bigint; prepare: bigint } }> {
    const failure = this.take('append');
    if (failure && !failure.afterApplying) throw failure.error;
    this.appendCalls += 1;
    const result = this.append(streamId, events, options.streamState ?? 'any');
    if (failure) throw failure.error;
    return result;
  }

  readStream(
    streamId: string,
    options: { direction?: string; fromRevision?: bigint | string; maxCount?: number | bigint } = {},
  ): AsyncIterable<{ event: SimulatedEvent }> {
    const simulation = this.take('read');
    const stored = this.streamOf(streamId);
    const backwards = options.direction === 'backwards';
    const from = typeof options.fromRevision === 'bigint' ? options.fromRevision : undefined;
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const selected = backwards
      ? stored.filter((e) => from === undefined || e.revision <= from).reverse()
      : stored.filter((e) => from === undefined || e.revision >= from);
    const page = selected.slice(0, max);
    const counted = () => (this.eventsRead += 1);
    return {
      async *[Symbol.asyncIterator]() {
        if (simulation) throw simulation.error;
        if (stored.length === 0) throw new StreamNotFoundError(undefined, streamId);
        for (const event of page) {
          counted();
          yield { event };
        }
      },
    };
  }

  readAll(): never {
    throw new Error('SimulatedKurrentDb: $all is not simulated');
  }

  subscribeToAll(): never {
    throw new Error('SimulatedKurrentDb: subscriptions are not simulated');
  }

  async dispose(): Promise<void> {}

  private take(operation: Injected['operation']): Injected | undefined {
    const index = this.failures.findIndex((f) => f.operation === operation);
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }

  private append(streamId: string, events: readonly { id: string; type: string; data: unknown; metadata?: unknown }[], state: StreamState) {
    const stored = this.streams.get(streamId) ?? [];
    const current = BigInt(stored.length - 1);
    const ids = events.map((e) => e.id);
    const refuse = () => {
      throw new WrongExpectedVersionError(undefined, {
        streamName: streamId,
        current: current < 0n ? 'no_stream' : current,
        expected: state,
      } as never);
    };
    if (state === 'any' || state === 'stream_exists') {
      if (state === 'stream_exists' && current < 0n) refuse();
      // R2: each id looked up in the cache of committed events (in this stream); the first missing: written.
      const found = ids.map((id) => stored.find((e) => e.id === id));
      if (found[0] !== undefined) {
        if (found.some((e) => e === undefined)) refuse(); // CorruptedIdempotency, answered as WrongExpectedVersion
        return this.answer(found[found.length - 1]!);
      }
    } else {
      const expected = state === 'no_stream' ? -1n : state;
      if (expected > current) refuse();
      if (expected < current) {
        // R1: the ids at expected+1, expected+2, ... decide.
        for (let i = 0; i < ids.length; i++) {
          if (stored[Number(expected) + 1 + i]?.id !== ids[i]) refuse(); // i > 0: CorruptedIdempotency, answered the same
        }
        return this.answer(stored[Number(expected) + ids.length]);
      }
    }
    for (const event of events) {
      const position = this.nextPosition++;
      stored.push({
        streamId,
        id: event.id,
        revision: BigInt(stored.length),
        type: event.type,
        isJson: true,
        data: event.data,
        metadata: event.metadata,
        created: new Date(),
        position: { commit: position, prepare: position },
      });
    }
    this.streams.set(streamId, stored);
    return this.answer(stored[stored.length - 1]);
  }

  private answer(last: SimulatedEvent) {
    return { success: true as const, nextExpectedRevision: last.revision, position: { ...last.position } };
  }
}
