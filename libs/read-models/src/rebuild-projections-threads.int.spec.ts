import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodePosition, EventStore, parsePosition, RecordedEvent, START } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { appendMixedEvents, countingProjection, foldInMemory } from './contract/projector.contract';
import { Projection } from './projection';
import { rebuildProjections, RebuildThread, RebuildThreadJob, replayProjections, ReplayResult } from './rebuild-projections';
import { Document } from './read-model-store.port';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';

interface Block extends Document {
  readonly stream: string;
  readonly block: number;
  readonly ids: readonly string[];
}

/**
 * A timeline-like read model: blocks of 4 consecutive revisions per stream, final once the
 * block's last revision is in, and never reading an event's data.
 */
const blocksProjection: Projection<Block> = {
  collection: 'blocks',
  handles: ['Counted', 'CounterDeleted', 'Ignored'],
  documentIds: (event) => [`${event.streamId}/${Math.floor(event.revision / 4)}`],
  evolve: (doc, event) => ({
    stream: event.streamId,
    block: Math.floor(event.revision / 4),
    ids: [...(doc?.ids ?? []), `${event.revision}:${event.type}`],
  }),
  isFinal: (doc) => doc.ids.length === 4,
  readsEventData: false,
};

/**
 * Another thread, played on this one: its own connections to the file and replayProjections
 * with the job's names, as apps/cli's worker does. `before` runs first (to append meanwhile or fail).
 */
class SameThreadRebuild implements RebuildThread {
  cancelled = 0;
  jobs: RebuildThreadJob[] = [];

  constructor(
    private readonly file: string,
    readonly collections: readonly string[],
    private readonly projections: readonly Projection[],
    private readonly before: () => Promise<void> = async () => undefined,
  ) {}

  async replay(job: RebuildThreadJob): Promise<ReplayResult> {
    this.jobs.push(job);
    await this.before();
    const eventStore = new SqliteEventStore(this.file);
    const store = new SqliteReadModelStore(this.file, { synchronous: 'NORMAL' });
    try {
      const until = job.until === null ? START : parsePosition(job.until)!;
      const outcome = await replayProjections({
        eventStore,
        store,
        projections: this.projections,
        tables: { projector: job.projector, collections: job.collections },
        until,
        readBatchSize: 16,
        flushEvery: 20,
      });
      return { events: outcome.events, documents: outcome.documents, seconds: 0 };
    } finally {
      await store.close();
      await eventStore.close();
    }
  }

  async cancel(): Promise<void> {
    this.cancelled += 1;
  }
}

describe('rebuildProjections with other threads (SQLite)', () => {
  let dir: string;
  let file: string;
  let eventStore: SqliteEventStore;
  let store: SqliteReadModelStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-threads-'));
    file = join(dir, 'shoplink.db');
    eventStore = new SqliteEventStore(file);
    store = new SqliteReadModelStore(file);
  });

  afterEach(async () => {
    await store.close();
    await eventStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const projections = [countingProjection, blocksProjection] as const;
  const expected = async (projection: Projection, upTo?: number): Promise<Document[]> =>
    foldInMemory(projection, (await eventStore.readAll({ maxCount: 1_000_000 })).slice(0, upTo));

  it('replays the collections given to another thread there, up to the same position, and switches everything in at once', async () => {
    const head = await appendMixedEvents(eventStore, 300);
    const thread = new SameThreadRebuild(file, ['blocks'], [blocksProjection]);

    const summary = await rebuildProjections({ projector: 'p', projections, eventStore, store, threads: [thread], readBatchSize: 32 });

    expect(thread.jobs).toEqual([{ projector: 'p~rebuild~1', collections: ['blocks~rebuild'], until: encodePosition(head) }]);
    expect(await store.all('counters')).toEqual(await expected(countingProjection));
    expect(await store.all('blocks')).toEqual(await expected(blocksProjection));
    expect(summary).toMatchObject({ events: 300, checkpoint: encodePosition(head), threads: [{ collections: ['blocks'], seconds: 0 }] });
    expect(summary.documents).toEqual({
      counters: (await expected(countingProjection)).length,
      blocks: (await expected(blocksProjection)).length,
    });
    // Nothing of the rebuild is left behind: the thread's checkpoint went with the switch.
    expect(await store.getCheckpoint('p~rebuild~1')).toBeNull();
    expect(await store.getCheckpoint('p')).toMatchObject({ position: head });
  });

  it('leaves what is appended after it started to the live projector, on every thread', async () => {
    const head = await appendMixedEvents(eventStore, 200);
    const writer = new SqliteEventStore(file);
    // The other thread starts late, after more events arrived: it still stops where the rebuild began.
    const thread = new SameThreadRebuild(file, ['blocks'], [blocksProjection], () => appendMixedEvents(writer, 50).then(() => undefined));
    try {
      const summary = await rebuildProjections({ projector: 'p', projections, eventStore, store, threads: [thread], readBatchSize: 32 });

      expect(summary).toMatchObject({ events: 200, checkpoint: encodePosition(head) });
      expect(await store.all('blocks')).toEqual(await expected(blocksProjection, 200));
      expect(await store.all('counters')).toEqual(await expected(countingProjection, 200));
    } finally {
      await writer.close();
    }
  });

  it('switches nothing in when another thread fails, and stops the others when this one fails', async () => {
    await appendMixedEvents(eventStore, 100);
    await rebuildProjections({ projector: 'p', projections, eventStore, store });
    const before = { counters: await store.all('counters'), blocks: await store.all('blocks'), checkpoint: await store.getCheckpoint('p') };
    await appendMixedEvents(eventStore, 50);

    const failing = new SameThreadRebuild(file, ['blocks'], [blocksProjection], async () => {
      throw new Error('disk full');
    });
    await expect(rebuildProjections({ projector: 'p', projections, eventStore, store, threads: [failing] })).rejects.toThrow('disk full');

    const broken: Projection = {
      ...countingProjection,
      evolve: () => {
        throw new Error('projection bug');
      },
    };
    const waiting = new SameThreadRebuild(file, ['blocks'], [blocksProjection]);
    await expect(
      rebuildProjections({ projector: 'p', projections: [broken, blocksProjection], eventStore, store, threads: [waiting] }),
    ).rejects.toThrow('projection bug');
    expect(waiting.cancelled).toBe(1);

    expect({
      counters: await store.all('counters'),
      blocks: await store.all('blocks'),
      checkpoint: await store.getCheckpoint('p'),
    }).toEqual(before);
  });

  it('writes a final document once and never reads it back, and reads the log without data when no projection needs it', async () => {
    await appendMixedEvents(eventStore, 400);
    const reads: boolean[] = [];
    const watched: EventStore = Object.assign(Object.create(eventStore) as EventStore, {
      readAll: (options: Parameters<EventStore['readAll']>[0]) => {
        reads.push(options?.withoutData === true);
        return eventStore.readAll(options);
      },
    });
    const gets: string[] = [];
    const get = store.get.bind(store);
    store.get = (collection, id) => {
      gets.push(`${collection}/${id}`);
      return get(collection, id);
    };

    await rebuildProjections({
      projector: 'p',
      projections: [blocksProjection],
      eventStore: watched,
      store,
      readBatchSize: 8,
      flushEvery: 10,
    });

    expect(await store.all('blocks')).toEqual(await expected(blocksProjection));
    expect(gets).toEqual([]);
    expect(reads.length).toBeGreaterThan(1);
    expect(reads.every(Boolean)).toBe(true);
    const withData = (await eventStore.readAll({ maxCount: 3 })).map((e: RecordedEvent) => e.data);
    expect(withData.every((data) => typeof data.n === 'number')).toBe(true);
    expect((await eventStore.readAll({ maxCount: 3, withoutData: true })).map((e) => e.data)).toEqual([{}, {}, {}]);
  });
});
