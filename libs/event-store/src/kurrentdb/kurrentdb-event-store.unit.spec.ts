import { DeadlineExceededError, KurrentDBClient, UnknownError } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { EventToAppend, ExpectedRevision } from '../event-store.port';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { SimulatedKurrentDb } from './simulated-kurrentdb';

/**
 * The adapter against a SIMULATION of the KurrentDB server rules it relies on (simulated-kurrentdb.ts,
 * rules R1-R3, each with its source in docs/production-path.md). Not a test against KurrentDB: the
 * contract suite against a real server is libs/storage/src/server-contracts.int.spec.ts (EVENTSTORE_URL).
 */
describe('KurrentDbEventStore against a simulation of the KurrentDB server rules', () => {
  let simulation: SimulatedKurrentDb;
  let store: KurrentDbEventStore;

  beforeEach(() => {
    simulation = new SimulatedKurrentDb();
    jest.spyOn(KurrentDBClient, 'connectionString').mockReturnValue(simulation as never);
    store = new KurrentDbEventStore('kurrentdb://simulated:2113?tls=false', { retry: { attempts: 3, baseDelayMs: 0, maxDelayMs: 0 } });
  });
  afterEach(async () => {
    await store.close();
    jest.restoreAllMocks();
  });

  const newEvents = (count: number): EventToAppend[] =>
    Array.from({ length: count }, (_, n) => ({ id: randomUUID(), type: 'Simulated', data: { n }, metadata: {} }));
  const ids = async (streamId: string) => (await store.readStream(streamId)).map((e) => e.id);
  const fill = async (streamId: string, count: number) => {
    for (let done = 0; done < count; done += 500) await store.appendToStream(streamId, newEvents(Math.min(500, count - done)), 'any');
  };

  describe('repeated appends (rule R1, IndexWriter.CheckCommit)', () => {
    it('answers an exact re-append with the first result whatever the expectation, the expectation inside the earlier append included', async () => {
      const events = newEvents(3);
      const first = await store.appendToStream('s', events, 'no_stream');
      for (const expected of [0, 1, 2, 7, 'no_stream', 'stream_exists', 'any'] as ExpectedRevision[]) {
        expect(await store.appendToStream('s', events, expected)).toEqual(first);
      }
      expect(await ids('s')).toEqual(events.map((e) => e.id));
    });

    it('recognises a repeat after the stream has moved on, expected at the end of the earlier append', async () => {
      await store.appendToStream('s', newEvents(2), 'no_stream');
      const middle = newEvents(2);
      const middleResult = await store.appendToStream('s', middle, 1);
      await store.appendToStream('s', newEvents(2), 3);
      expect(await store.appendToStream('s', middle, 3)).toEqual(middleResult);
      expect(await store.appendToStream('s', middle, 1)).toEqual(middleResult);
      expect(await ids('s')).toHaveLength(6);
    });

    it('refuses ids reused only in part, writing nothing', async () => {
      const [a, b] = newEvents(2);
      await store.appendToStream('s', [a, b], 'no_stream');
      const [c] = newEvents(1);
      await expect(store.appendToStream('s', [b, c], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.appendToStream('s', [c, a], 1)).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.appendToStream('s', [b, a], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.appendToStream('s', [a, c], 0)).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await ids('s')).toEqual([a.id, b.id]);
      expect(await store.appendToStream('s', [c], 1)).toMatchObject({ nextExpectedRevision: 2 });
    });

    it('reports a stale expectation as a conflict with the actual revision', async () => {
      await store.appendToStream('s', newEvents(3), 'no_stream');
      await expect(store.appendToStream('s', newEvents(1), 0)).rejects.toMatchObject({ expected: 0, actual: 2 });
      await expect(store.appendToStream('s', newEvents(1), 9)).rejects.toMatchObject({ expected: 9, actual: 2 });
      await expect(store.appendToStream('s', newEvents(1), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await ids('s')).toHaveLength(3);
    });
  });

  describe('what a conflict costs', () => {
    it('reads no more than the events where a repeat could sit (2n before sending, n after a refusal), however long the stream', async () => {
      await fill('long', 3000);
      const appended = newEvents(2);
      simulation.eventsRead = 0;
      await expect(store.appendToStream('long', appended, 2990)).rejects.toMatchObject({ expected: 2990, actual: 2999 });
      expect(simulation.eventsRead).toBeLessThanOrEqual(3 * appended.length);

      simulation.eventsRead = 0;
      await expect(store.appendToStream('long', appended, 5000)).rejects.toMatchObject({ expected: 5000, actual: 2999 });
      expect(simulation.eventsRead).toBeLessThanOrEqual(3 * appended.length);
    });
  });

  describe('readEventById (a bounded search back from the end of the stream)', () => {
    it('finds an event among the stream’s last events and answers null for one not there', async () => {
      await fill('s', 1000);
      const [wanted] = newEvents(1);
      await store.appendToStream('s', [wanted], 999);
      await fill('s', 100);
      expect(store.readEventById).toBeDefined();
      expect(await store.readEventById('s', wanted.id)).toMatchObject({ id: wanted.id, revision: 1000, streamId: 's' });
      expect(await store.readEventById('other', wanted.id)).toBeNull();

      simulation.eventsRead = 0;
      expect(await store.readEventById('s', randomUUID())).toBeNull();
      // The bound: a lookup reads at most the last KURRENT_EVENT_ID_WINDOW events, not the 1,101 there are.
      expect(simulation.eventsRead).toBeLessThanOrEqual(512);
    });
  });

  describe('transient failures', () => {
    it('retries a read that failed with a timeout the native bridge reports as an unknown error', async () => {
      await store.appendToStream('s', newEvents(2), 'no_stream');
      const bridgeTimeout = new UnknownError(
        Object.assign(new Error('Unknown Error: status: DeadlineExceeded, message: "Timeout expired"'), { name: 'Error' }) as never,
      );
      simulation.failNext('read', bridgeTimeout);
      expect(await store.readStream('s')).toHaveLength(2);
    });

    it('does not retry an unknown error that is not a timeout', async () => {
      await store.appendToStream('s', newEvents(2), 'no_stream');
      simulation.failNext('read', new UnknownError(new Error('Unknown Error: something else') as never));
      await expect(store.readStream('s')).rejects.toThrow('something else');
    });

    it('retries an append with an exact expectation whose answer was lost (rule R1 makes the resend a repeat)', async () => {
      await store.appendToStream('s', newEvents(1), 'no_stream');
      const events = newEvents(2);
      simulation.failNext('append', new DeadlineExceededError(), true);
      const result = await store.appendToStream('s', events, 0);
      expect(result.nextExpectedRevision).toBe(2);
      expect((await store.readStream('s')).map((e) => e.id).slice(1)).toEqual(events.map((e) => e.id));
      expect(result.position).toEqual((await store.readStream('s', { fromRevision: 2 }))[0].position);
    });

    it('does not resend an `any` append whose answer was lost (only a cache would recognise the repeat)', async () => {
      await store.appendToStream('s', newEvents(1), 'no_stream');
      simulation.failNext('append', new DeadlineExceededError(), true);
      const calls = simulation.appendCalls;
      await expect(store.appendToStream('s', newEvents(1), 'any')).rejects.toBeInstanceOf(DeadlineExceededError);
      expect(simulation.appendCalls).toBe(calls + 1);
    });
  });
});
