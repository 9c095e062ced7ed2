import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePosition, positionAt } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { appendMixedEvents, countingProjection, foldInMemory } from './contract/projector.contract';
import { Projection } from './projection';
import { Projector } from './projector';
import { rebuildProjections, RebuildProgress } from './rebuild-projections';
import { Document } from './read-model-store.port';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';

/** A second read model over the same events, so a rebuild handles several collections and deletions. */
const parityProjection: Projection = {
  collection: 'parity',
  handles: ['Counted', 'CounterDeleted', 'Ignored'],
  documentIds: (event) => [Number(event.data.n) % 2 === 0 ? 'even' : 'odd', 'tally'],
  evolve: (doc, event, id) => ({ id, events: Number(doc?.events ?? 0) + 1, last: event.id }),
};

describe('rebuildProjections on SQLite', () => {
  let dir: string;
  let file: string;
  let eventStore: SqliteEventStore;
  let store: SqliteReadModelStore;
  const opened: Array<{ close(): Promise<void> }> = [];

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-'));
    file = join(dir, 'shoplink.db');
    eventStore = new SqliteEventStore(file, { pollIntervalMs: 10 });
    store = new SqliteReadModelStore(file);
    opened.push(eventStore, store);
  });

  afterEach(async () => {
    for (const closable of opened.splice(0).reverse()) await closable.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const expectedDocuments = async (projection: Projection): Promise<Document[]> =>
    foldInMemory(projection, await eventStore.readAll({ maxCount: 1_000_000 }));

  const rebuild = (extra: Partial<Parameters<typeof rebuildProjections>[0]> = {}) =>
    rebuildProjections({
      projector: 'counters',
      projections: [countingProjection, parityProjection],
      eventStore,
      store,
      readBatchSize: 64,
      ...extra,
    });

  it('replays $all into fresh documents, switches them in with the checkpoint at the last event, and reports its progress', async () => {
    const head = await appendMixedEvents(eventStore, 700);
    // What the live projector had: a wrong document, one that should not exist, an old checkpoint.
    await store.commitBatch('counters', { position: positionAt(5), eventCreatedAt: new Date() }, [
      { collection: 'counters', id: 'all', doc: { id: 'all', count: -1, seen: [] } },
      { collection: 'counters', id: 'stray', doc: { id: 'stray' } },
    ]);
    const progress: RebuildProgress[] = [];

    const summary = await rebuild({ onProgress: (p) => progress.push(p), progressIntervalMs: 0 });

    expect(await store.all('counters')).toEqual(await expectedDocuments(countingProjection));
    expect(await store.all('parity')).toEqual(await expectedDocuments(parityProjection));
    expect((await store.getCheckpoint('counters'))?.position).toEqual(head);
    expect(await store.getCheckpoint('counters~rebuild')).toBeNull();
    expect(await store.all('counters~rebuild')).toEqual([]);
    expect(summary).toMatchObject({
      projector: 'counters',
      events: 700,
      checkpoint: encodePosition(head),
      documents: { counters: (await expectedDocuments(countingProjection)).length, parity: 3 },
    });
    expect(summary.eventsPerSecond).toBeGreaterThan(0);

    const phases = progress.map((p) => p.phase);
    expect(phases[0]).toBe('replaying');
    expect(phases.slice(-3)).toEqual(['writing', 'switching', 'done']);
    const done = progress.map((p) => p.eventsDone);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ eventsDone: 700, eventsTotal: 700, position: encodePosition(head) });
  });

  type Limits = { flushEvery?: number; maxDocumentsInMemory?: number; keepColdBelow?: number; readBatchSize: number; relaxed?: boolean };
  it.each<[string, Limits]>([
    ['cold documents written and forgotten every few events, then read back', { flushEvery: 3, keepColdBelow: 0, readBatchSize: 4 }],
    ['cold documents kept while few', { flushEvery: 3, readBatchSize: 4 }],
    ['more documents than fit in memory', { maxDocumentsInMemory: 3, readBatchSize: 16 }],
    [
      'both, on a read-model connection that does not fsync each batch',
      { flushEvery: 5, maxDocumentsInMemory: 4, keepColdBelow: 0, readBatchSize: 3, relaxed: true },
    ],
  ])('gives the same documents with %s', async (_name, { relaxed, ...limits }) => {
    await appendMixedEvents(eventStore, 500);
    const target = relaxed ? new SqliteReadModelStore(file, { synchronous: 'NORMAL' }) : store;
    if (relaxed) opened.push(target);

    const summary = await rebuild({ ...limits, store: target });

    expect(await store.all('counters')).toEqual(await expectedDocuments(countingProjection));
    expect(await store.all('parity')).toEqual(await expectedDocuments(parityProjection));
    expect(summary.documents.counters).toBe((await expectedDocuments(countingProjection)).length);
  });

  it('leaves empty read models and no checkpoint for an empty log', async () => {
    await store.commitBatch('counters', { position: positionAt(5), eventCreatedAt: new Date() }, [
      { collection: 'counters', id: 'x', doc: { id: 'x' } },
    ]);

    const summary = await rebuild();

    expect(summary).toMatchObject({ events: 0, checkpoint: null, documents: { counters: 0, parity: 0 } });
    expect(await store.all('counters')).toEqual([]);
    expect(await store.getCheckpoint('counters')).toBeNull();
  });

  it('switches in under a live projector in another connection, which continues from the rebuilt checkpoint: nothing skipped or applied twice', async () => {
    await appendMixedEvents(eventStore, 300);
    const liveStore = new SqliteReadModelStore(file);
    const liveEvents = new SqliteEventStore(file, { pollIntervalMs: 5 });
    opened.push(liveEvents, liveStore);
    const errors: unknown[] = [];
    const live = new Projector({
      name: 'counters',
      projections: [countingProjection, parityProjection],
      eventStore: liveEvents,
      store: liveStore,
      batchSize: 5,
      retryDelayMs: 1,
      onError: (error) => errors.push(error),
    });
    await live.start();
    try {
      // Appends keep arriving while the rebuild replays and switches in, from a third connection.
      const writer = new SqliteEventStore(file);
      opened.push(writer);
      let appending = true;
      const appends = (async () => {
        while (appending) {
          await appendMixedEvents(writer, 7);
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 30));
      for (let round = 0; round < 3; round++) await rebuild({ readBatchSize: 50 });
      appending = false;
      await appends;
      await appendMixedEvents(writer, 20);

      expect(await live.waitForPosition(await eventStore.headPosition(), 10_000)).toBe(true);
      expect(await liveStore.all('counters')).toEqual(await expectedDocuments(countingProjection));
      expect(await liveStore.all('parity')).toEqual(await expectedDocuments(parityProjection));
      // Any failure the live projector met is a fenced commit refused after a switch, never anything else.
      expect(errors.every((error) => (error as Error).name === 'CheckpointMovedError')).toBe(true);
    } finally {
      await live.stop();
    }
  });

  it('refuses a second rebuild of the same projector writing at the same time', async () => {
    await appendMixedEvents(eventStore, 400);
    const other = new SqliteReadModelStore(file);
    opened.push(other);

    const results = await Promise.allSettled([
      rebuild({ readBatchSize: 10, maxDocumentsInMemory: 2 }),
      rebuildProjections({
        projector: 'counters',
        projections: [countingProjection, parityProjection],
        eventStore,
        store: other,
        readBatchSize: 10,
        maxDocumentsInMemory: 2,
      }),
    ]);

    // At least one fails on the fence; whichever finished left correct documents.
    expect(results.some((r) => r.status === 'rejected' && (r.reason as Error).name === 'CheckpointMovedError')).toBe(true);
    if (results.some((r) => r.status === 'fulfilled')) {
      expect(await store.all('counters')).toEqual(await expectedDocuments(countingProjection));
    }
  });
});
