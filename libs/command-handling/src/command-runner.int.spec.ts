import { EventStore, RecordedEvent } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandEnvelope } from './command-envelope';
import { CommandRunner } from './command-runner';
import { ConcurrencyConflictError } from './concurrency-conflict.error';
import { deterministicEventId } from './deterministic-event-id';
import { DomainEventCodec } from './domain-event-codec';
import { FoldedStreamStates } from './stream-states';

/** A counter stream: `Added` events, the state is their sum. Enough to pin what the runner does around any decider. */
type Added = { readonly type: 'Added'; readonly data: { readonly amount: number } };
const codec: DomainEventCodec<Added> = {
  decode: (recorded: RecordedEvent) => ({ type: 'Added', data: { amount: Number(recorded.data.amount) } }),
  encode: (event: Added) => ({ type: event.type, data: event.data, schemaVersion: 3 }),
};
const add = (amount: number): Added => ({ type: 'Added', data: { amount } });

describe('CommandRunner', () => {
  let dir: string;
  let store: SqliteEventStore;
  const now = () => new Date('2026-06-01T10:00:00.000Z');
  const envelope = (commandId: string, expectedRevision?: number): CommandEnvelope => ({
    commandId,
    correlationId: 'corr',
    causationId: commandId,
    actor: { kind: 'system', id: 'test' },
    callingService: 'test',
    expectedRevision,
  });
  const runner = (eventStore: EventStore = store, repeats?: 'found-by-event-id' | 'decided-again') =>
    new CommandRunner({
      eventStore,
      states: new FoldedStreamStates<number, Added>(eventStore, codec, (sum, e) => sum + e.data.amount, 0),
      codec,
      now,
      repeats,
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'runner-'));
    store = new SqliteEventStore(join(dir, 'shoplink.db'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('appends what the decider decides on the state loaded, with ids from the command id and the codec’s schema version', async () => {
    const handled = await runner().handle('counter-1', envelope('cmd-1'), (sum) => [add(sum + 5)]);
    expect(handled).toMatchObject({ streamId: 'counter-1', revision: 0, replayed: false, decided: [add(5)] });
    const [event] = await store.readStream('counter-1');
    expect(event.id).toBe(deterministicEventId('cmd-1', 0));
    expect(event.metadata).toMatchObject({ commandId: 'cmd-1', schemaVersion: 3, occurredAt: '2026-06-01T10:00:00.000Z' });
  });

  it('answers a command already applied from its events, without deciding again', async () => {
    const decide = jest.fn((sum: number) => [add(sum + 1)]);
    const first = await runner().handle('counter-1', envelope('cmd-1'), decide);
    const again = await runner().handle('counter-1', envelope('cmd-1'), decide);
    expect(decide).toHaveBeenCalledTimes(1);
    expect(again).toMatchObject({ replayed: true, revision: first.revision, events: first.events, decided: [add(1)] });
  });

  it('refuses a stale If-Match at once, and never retries it', async () => {
    await runner().handle('counter-1', envelope('cmd-1'), () => [add(1)]);
    const decide = jest.fn(() => [add(1)]);
    await expect(runner().handle('counter-1', envelope('cmd-2', 7), decide)).rejects.toBeInstanceOf(ConcurrencyConflictError);
    expect(decide).not.toHaveBeenCalled();
  });

  it('re-reads and re-decides when another writer got in first, then gives up after the bounded retries', async () => {
    let interfere = 5;
    const meddling: EventStore = new Proxy(store, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return async (...args: Parameters<EventStore['appendToStream']>) => {
          if (interfere-- > 0)
            await target.appendToStream('counter-1', [{ id: `x-${interfere}`, type: 'Added', data: { amount: 100 }, metadata: {} }], 'any');
          return target.appendToStream(...args);
        };
      },
    });
    const seen: number[] = [];
    await expect(runner(meddling).handle('counter-1', envelope('cmd-1'), (sum) => (seen.push(sum), [add(1)]))).rejects.toBeInstanceOf(
      ConcurrencyConflictError,
    );
    expect(seen).toEqual([0, 100, 200, 300]); // the first decision and three retries, each on the state another writer left
    interfere = 1;
    const handled = await runner(meddling).handle('counter-1', envelope('cmd-2'), (sum) => (seen.push(sum), [add(1)]));
    expect(handled.decided).toEqual([add(1)]);
  });

  it('with repeats decided again, the same command id may act twice: its ids then derive from the revision too', async () => {
    const again = runner(store, 'decided-again');
    await again.handle('counter-1', envelope('cmd-1'), () => [add(1)]);
    const second = await again.handle('counter-1', envelope('cmd-1'), () => [add(1)]);
    expect(second.replayed).toBe(false);
    const events = await store.readStream('counter-1');
    expect(events.map((e) => e.id)).toEqual([deterministicEventId('cmd-1@-1', 0), deterministicEventId('cmd-1@0', 0)]);
  });
});
