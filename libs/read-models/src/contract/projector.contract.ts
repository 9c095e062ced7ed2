import { EventStore, Position, RecordedEvent } from '@shoplink/event-store';
import { Projection } from '../projection';
import { Projector, ProjectorOptions } from '../projector';
import { Document, ReadModelStore } from '../read-model-store.port';

export interface ProjectorTestEnvironment {
  readonly eventStore: EventStore;
  /** Opens a read-model store: the same key opens the same data again (a restart), another key separate data. */
  openStore(key: string): Promise<ReadModelStore>;
  /** Closes whatever is still open and deletes the data. */
  cleanup(): Promise<void>;
}

interface Counter extends Document {
  id: string;
  count: number;
  seen: string[];
}

/**
 * Counts every event it is given and records its id, so a skipped event shows as a
 * missing id and an event applied twice as a repeated one. `all` sees every handled
 * event; one document per stream is deleted and started again by `CounterDeleted`.
 */
export const countingProjection: Projection<Counter> = {
  collection: 'counters',
  handles: ['Counted', 'CounterDeleted'],
  documentIds: (event) => ['all', event.streamId],
  evolve: (doc, event, id) => {
    if (event.type === 'CounterDeleted' && id !== 'all') return null;
    return { id, count: (doc?.count ?? 0) + 1, seen: [...(doc?.seen ?? []), event.id] };
  },
};

/** The documents a projection must end with: its events folded in memory, ordered by id as `all()` lists them. */
export function foldInMemory(projection: Projection, events: readonly RecordedEvent[]): Document[] {
  const docs = new Map<string, Document | null>();
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    for (const id of projection.documentIds(event)) docs.set(id, projection.evolve(docs.get(id) ?? null, event, id));
  }
  return [...docs.entries()]
    .filter((entry): entry is [string, Document] => entry[1] !== null)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, doc]) => doc);
}

let appended = 0;

/** Appends `count` events over five streams, mixing handled, deleting and unhandled types; answers the last position. */
export async function appendMixedEvents(eventStore: EventStore, count: number): Promise<Position> {
  let last: Position | undefined;
  for (let done = 0; done < count;) {
    const group = Math.min(4, count - done);
    const stream = `counter-${appended % 5}`;
    const events = Array.from({ length: group }, () => {
      appended += 1;
      const type = appended % 13 === 0 ? 'CounterDeleted' : appended % 7 === 0 ? 'Ignored' : 'Counted';
      return { id: `event-${appended}`, type, data: { n: appended }, metadata: {} };
    });
    last = (await eventStore.appendToStream(stream, events, 'any')).position;
    done += group;
  }
  if (!last) throw new Error('appendMixedEvents needs a count above 0');
  return last;
}

/**
 * How any projector runs over any EventStore and ReadModelStore adapters: events in
 * `$all` order, each applied once across restarts, read-your-writes waits, rebuilds.
 */
export function describeProjectorContract(
  name: string,
  createEnvironment: () => Promise<ProjectorTestEnvironment>,
  /** Options every projector of the run gets (the service's: spaced commits, a document cache). */
  projectorOptions: Partial<ProjectorOptions> = {},
): void {
  describe(`Projector contract: ${name}`, () => {
    let env: ProjectorTestEnvironment;
    let projectors: Projector[];
    let errors: unknown[];

    const newProjector = (store: ReadModelStore, options: Partial<ProjectorOptions> = {}): Projector => {
      const projector = new Projector({
        name: 'counters',
        projections: [countingProjection],
        eventStore: env.eventStore,
        store,
        batchSize: 7,
        retryDelayMs: 5,
        onError: (error) => errors.push(error),
        ...projectorOptions,
        ...options,
      });
      projectors.push(projector);
      return projector;
    };

    const expectedDocuments = async (): Promise<Document[]> =>
      foldInMemory(countingProjection, await env.eventStore.readAll({ maxCount: 1_000_000 }));

    const catchUp = async (projector: Projector): Promise<void> => {
      expect(await projector.waitForPosition(await env.eventStore.headPosition(), 10_000)).toBe(true);
    };

    beforeEach(async () => {
      env = await createEnvironment();
      projectors = [];
      errors = [];
    });

    afterEach(async () => {
      await Promise.all(projectors.map((projector) => projector.stop()));
      await env.cleanup();
    });

    it('applies every event once, in $all order', async () => {
      await appendMixedEvents(env.eventStore, 150);
      const store = await env.openStore('main');
      const projector = newProjector(store);

      await projector.start();
      await catchUp(projector);

      const docs = await store.all('counters');
      expect(docs).toEqual(await expectedDocuments());
      const handled = (await env.eventStore.readAll({ maxCount: 1_000_000 })).filter((e) => e.type !== 'Ignored');
      expect(docs.find((doc) => doc.id === 'all')).toEqual({ id: 'all', count: handled.length, seen: handled.map((e) => e.id) });
      expect(errors).toEqual([]);
    });

    it('should be idempotent if restarted', async () => {
      await appendMixedEvents(env.eventStore, 200);
      const sequence = await env.eventStore.readAll({ maxCount: 1_000_000 });

      let store = await env.openStore('main');
      const first = newProjector(store);
      await first.start();
      expect(await first.waitForPosition(sequence[60].position, 10_000)).toBe(true);
      await first.stop();
      expect(first.currentPosition()!.commit).toBeLessThan((await env.eventStore.headPosition()).commit);

      await appendMixedEvents(env.eventStore, 100);
      await store.close();
      store = await env.openStore('main');
      const second = newProjector(store);
      await second.start();
      expect(await second.waitForPosition(sequence[150].position, 10_000)).toBe(true);
      await second.stop();

      await store.close();
      store = await env.openStore('main');
      const third = newProjector(store);
      await third.start();
      // Appended while it runs: the live part of the subscription, not only catch-up.
      await appendMixedEvents(env.eventStore, 100);
      await catchUp(third);

      const referenceStore = await env.openStore('uninterrupted');
      const uninterrupted = newProjector(referenceStore);
      await uninterrupted.start();
      await catchUp(uninterrupted);

      const restartedDocs = await store.all('counters');
      expect(restartedDocs).toEqual(await referenceStore.all('counters'));
      expect(restartedDocs).toEqual(await expectedDocuments());
      expect(await store.getCheckpoint('counters')).toEqual(await referenceStore.getCheckpoint('counters'));
      expect(errors).toEqual([]);
    });

    it('commits a lone event at once when the log is idle, for read-your-writes', async () => {
      const store = await env.openStore('main');
      const projector = newProjector(store, { batchSize: 500 });
      await projector.start();

      const { position } = await env.eventStore.appendToStream(
        'counter-x',
        [{ id: 'lone-event', type: 'Counted', data: {}, metadata: {} }],
        'no_stream',
      );

      expect(await projector.waitForPosition(position, 2_000)).toBe(true);
      expect(await store.get('counters', 'counter-x')).toEqual({ id: 'counter-x', count: 1, seen: ['lone-event'] });
      expect(projector.currentPosition()).toEqual(position);
    });

    it('answers false when the position is not reached in time, true at once when already reached', async () => {
      const store = await env.openStore('main');
      const projector = newProjector(store);
      await projector.start();
      const position = await appendMixedEvents(env.eventStore, 3);
      await catchUp(projector);

      const started = Date.now();
      expect(await projector.waitForPosition({ commit: position.commit + 1000n, prepare: position.prepare + 1000n }, 50)).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
      expect(await projector.waitForPosition(position, 0)).toBe(true);
    });

    it('moves the checkpoint over events no projection handles', async () => {
      const store = await env.openStore('main');
      const projector = newProjector(store);
      await projector.start();

      const events = Array.from({ length: 10 }, (_, i) => ({ id: `ignored-${i}`, type: 'Ignored', data: {}, metadata: {} }));
      const { position } = await env.eventStore.appendToStream('elsewhere', events, 'no_stream');

      expect(await projector.waitForPosition(position, 2_000)).toBe(true);
      expect((await store.getCheckpoint('counters'))?.position).toEqual(position);
      expect(await store.all('counters')).toEqual([]);
    });

    it('rebuilds the same documents from the start of the log', async () => {
      await appendMixedEvents(env.eventStore, 80);
      const store = await env.openStore('main');
      const projector = newProjector(store);
      await projector.start();
      await catchUp(projector);
      const before = await store.all('counters');
      const checkpointBefore = await store.getCheckpoint('counters');

      await projector.rebuild();
      await catchUp(projector);

      expect(await store.all('counters')).toEqual(before);
      expect(await store.getCheckpoint('counters')).toEqual(checkpointBefore);
    });

    it('reports the lag: the age of the oldest event not applied yet, 0 when caught up', async () => {
      await appendMixedEvents(env.eventStore, 3);
      const store = await env.openStore('main');
      const projector = newProjector(store);
      const [oldest] = await env.eventStore.readAll({ maxCount: 1 });
      const head = await env.eventStore.headPosition();

      const now = new Date(oldest.createdAt.getTime() + 90_000);
      expect(await projector.lag(now)).toEqual({ checkpoint: null, head, behind: true, seconds: 90 });

      await projector.start();
      await catchUp(projector);
      expect(await projector.lag(now)).toEqual({ checkpoint: head, head, behind: false, seconds: 0 });
    });
  });
}
