import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  positionAt,
  ReadAllOptions,
  RecordedEvent,
  START,
  StreamNotFoundError,
  SubscribeToAllOptions,
  WrongExpectedRevisionError,
  comparePositions,
} from '@shoplink/event-store';
import { describeReadModelStoreContract } from './contract/read-model-store.contract';
import { appendMixedEvents, countingProjection, describeProjectorContract, foldInMemory } from './contract/projector.contract';
import { Projection } from './projection';
import { Projector, ProjectorOptions } from './projector';
import { CheckpointMovedError } from './read-model-store.errors';
import { Checkpoint, Document, DocumentPage, DocumentWrite, PageQuery, ProjectorTables, ReadModelStore } from './read-model-store.port';
import { findPageInMemory } from './testing/find-page-in-memory';

/** `$all` in memory; subscriptions deliver what is stored through microtasks, then wait for an append. */
class FakeEventStore implements EventStore {
  readonly events: RecordedEvent[] = [];
  clock = new Date('2025-03-01T10:00:00.000Z');
  /** The next subscription throws after delivering this many events. */
  failNextSubscriptionAfter: number | null = null;
  /** Subscriptions replay from the start whatever `after` says, like a source that redelivers. */
  redeliverFromStart = false;
  private readonly wakers = new Set<() => void>();

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const actual = this.events.filter((e) => e.streamId === streamId).length - 1;
    const ok =
      expected === 'any' || (expected === 'no_stream' ? actual === -1 : expected === 'stream_exists' ? actual >= 0 : expected === actual);
    if (!ok) throw new WrongExpectedRevisionError(streamId, expected, actual);
    let revision = actual;
    for (const event of events) {
      revision += 1;
      this.events.push({ ...event, streamId, revision, position: positionAt(this.events.length), createdAt: this.clock });
    }
    for (const wake of this.wakers) wake();
    return { nextExpectedRevision: revision, position: this.events[this.events.length - 1].position };
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const stream = this.events.filter((e) => e.streamId === streamId);
    if (stream.length === 0) throw new StreamNotFoundError(streamId);
    return stream;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.after(options.after ?? START).slice(0, options.maxCount ?? Infinity);
  }

  async headPosition(): Promise<Position> {
    return this.events.length === 0 ? START : this.events[this.events.length - 1].position;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const failAfter = this.failNextSubscriptionAfter;
    this.failNextSubscriptionAfter = null;
    let closed = false;
    let wake: () => void = () => undefined;
    const eventsAfter = (position: Position): RecordedEvent[] => this.after(position);
    async function* deliver(after: Position): AsyncGenerator<RecordedEvent> {
      let delivered = 0;
      while (!closed) {
        const batch = eventsAfter(after);
        for (const event of batch) {
          if (closed) return;
          if (failAfter !== null && delivered === failAfter) throw new Error('subscription dropped');
          delivered += 1;
          after = event.position;
          yield event;
        }
        if (batch.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      }
    }
    const waker = (): void => wake();
    this.wakers.add(waker);
    const iterator = deliver(this.redeliverFromStart ? START : (options.after ?? START));
    return {
      [Symbol.asyncIterator]: () => iterator,
      close: async () => {
        closed = true;
        this.wakers.delete(waker);
        wake();
      },
    };
  }

  async close(): Promise<void> {}

  private after(position: Position): RecordedEvent[] {
    return this.events.filter((e) => comparePositions(e.position, position) > 0);
  }
}

interface FakeStoreData {
  readonly docs: Map<string, string>;
  readonly checkpoints: Map<string, Checkpoint>;
}

/** Documents kept as JSON text, so the double fails like a real store on what JSON cannot hold. */
class FakeReadModelStore implements ReadModelStore {
  commitFailures = 0;
  getFailures = 0;
  /** When set, commitBatch waits for it before writing. */
  commitGate: Promise<void> | null = null;
  readonly commits: Array<{ checkpoint: Checkpoint; writes: readonly DocumentWrite[] }> = [];

  constructor(readonly data: FakeStoreData = { docs: new Map(), checkpoints: new Map() }) {}

  async getCheckpoint(projector: string): Promise<Checkpoint | null> {
    return this.data.checkpoints.get(projector) ?? null;
  }

  async commitBatch(
    projector: string,
    checkpoint: Checkpoint,
    writes: readonly DocumentWrite[],
    expected?: Position | null,
  ): Promise<void> {
    if (this.commitGate) await this.commitGate;
    if (this.commitFailures > 0) {
      this.commitFailures -= 1;
      throw new Error('database is locked');
    }
    if (expected !== undefined) {
      const actual = this.data.checkpoints.get(projector)?.position ?? null;
      const same = actual === null || expected === null ? actual === expected : comparePositions(actual, expected) === 0;
      if (!same) throw new CheckpointMovedError(projector, expected, actual);
    }
    const serialized = writes.map((w) => ({ key: key(w.collection, w.id), text: w.doc === null ? null : JSON.stringify(w.doc) }));
    for (const { key: k, text } of serialized) {
      if (text === null) this.data.docs.delete(k);
      else this.data.docs.set(k, text);
    }
    this.data.checkpoints.set(projector, checkpoint);
    this.commits.push({ checkpoint, writes });
  }

  async get(collection: string, id: string): Promise<Document | null> {
    if (this.getFailures > 0) {
      this.getFailures -= 1;
      throw new Error('read failed');
    }
    const text = this.data.docs.get(key(collection, id));
    return text === undefined ? null : JSON.parse(text);
  }

  async findBy(collection: string, field: string, value: string | number | boolean, limit = Infinity): Promise<Document[]> {
    return (await this.all(collection)).filter((doc) => doc[field] === value).slice(0, limit);
  }

  async all(collection: string): Promise<Document[]> {
    return [...this.data.docs.entries()]
      .filter(([k]) => k.startsWith(`${collection}\u0000`))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, text]) => JSON.parse(text));
  }

  async reset(projector: string, collections: readonly string[]): Promise<void> {
    for (const k of [...this.data.docs.keys()]) if (collections.some((c) => k.startsWith(`${c}\u0000`))) this.data.docs.delete(k);
    this.data.checkpoints.delete(projector);
  }

  async close(): Promise<void> {}

  async replaceProjector(live: ProjectorTables, rebuilt: ProjectorTables): Promise<void> {
    if (live.collections.length !== rebuilt.collections.length || live.collections.some((c) => rebuilt.collections.includes(c))) {
      throw new Error('replaceProjector: mismatched tables');
    }
    for (const [i, collection] of live.collections.entries()) {
      for (const k of [...this.data.docs.keys()]) if (k.startsWith(`${collection}\u0000`)) this.data.docs.delete(k);
      const prefix = `${rebuilt.collections[i]}\u0000`;
      for (const [k, text] of [...this.data.docs.entries()]) {
        if (!k.startsWith(prefix)) continue;
        this.data.docs.delete(k);
        this.data.docs.set(key(collection, k.slice(prefix.length)), text);
      }
    }
    const checkpoint = this.data.checkpoints.get(rebuilt.projector);
    this.data.checkpoints.delete(live.projector);
    if (checkpoint) this.data.checkpoints.set(live.projector, checkpoint);
    this.data.checkpoints.delete(rebuilt.projector);
  }

  async findPage(collection: string, query: PageQuery): Promise<DocumentPage> {
    const prefix = `${collection}\u0000`;
    const docs = [...this.data.docs.entries()]
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, text]) => [k.slice(prefix.length), JSON.parse(text)] as const);
    return findPageInMemory(docs, query);
  }

  async ensureIndexes(): Promise<void> {}
}

function key(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}

describeReadModelStoreContract('in-memory test double', async () => {
  const data: FakeStoreData = { docs: new Map(), checkpoints: new Map() };
  return { store: new FakeReadModelStore(data), reopen: async () => new FakeReadModelStore(data), cleanup: async () => undefined };
});

describeProjectorContract('in-memory test doubles', async () => {
  const stores = new Map<string, FakeStoreData>();
  return {
    eventStore: new FakeEventStore(),
    openStore: async (name) => {
      if (!stores.has(name)) stores.set(name, { docs: new Map(), checkpoints: new Map() });
      return new FakeReadModelStore(stores.get(name));
    },
    cleanup: async () => undefined,
  };
});

describeProjectorContract(
  'in-memory test doubles, commits spaced by 20 ms and a document cache of 3',
  async () => {
    const stores = new Map<string, FakeStoreData>();
    return {
      eventStore: new FakeEventStore(),
      openStore: async (name) => {
        if (!stores.has(name)) stores.set(name, { docs: new Map(), checkpoints: new Map() });
        return new FakeReadModelStore(stores.get(name));
      },
      cleanup: async () => undefined,
    };
  },
  { minCommitIntervalMs: 20, documentCacheSize: 3 },
);

describe('Projector', () => {
  let eventStore: FakeEventStore;
  let store: FakeReadModelStore;
  let errors: unknown[];
  let projectors: Projector[];

  const newProjector = (options: Partial<ProjectorOptions> = {}): Projector => {
    const projector = new Projector({
      name: 'counters',
      projections: [countingProjection],
      eventStore,
      store,
      retryDelayMs: 1,
      onError: (error) => errors.push(error),
      ...options,
    });
    projectors.push(projector);
    return projector;
  };

  const runToHead = async (projector: Projector): Promise<void> => {
    await projector.start();
    expect(await projector.waitForPosition(await eventStore.headPosition(), 2_000)).toBe(true);
  };

  const expected = (): Document[] => foldInMemory(countingProjection, eventStore.events);

  beforeEach(() => {
    eventStore = new FakeEventStore();
    store = new FakeReadModelStore();
    errors = [];
    projectors = [];
  });

  afterEach(async () => {
    await Promise.all(projectors.map((projector) => projector.stop()));
  });

  it('commits what is available in batches of at most batchSize', async () => {
    await appendMixedEvents(eventStore, 10);

    await runToHead(newProjector({ batchSize: 4 }));

    expect(store.commits.map((c) => c.checkpoint.position)).toEqual([positionAt(3), positionAt(7), positionAt(9)]);
  });

  it('writes each touched document once per batch, with every event of the batch applied', async () => {
    await eventStore.appendToStream(
      's',
      ['a', 'b', 'c'].map((id) => ({ id, type: 'Counted', data: {}, metadata: {} })),
      'no_stream',
    );

    await runToHead(newProjector());

    expect(store.commits).toHaveLength(1);
    expect(store.commits[0].writes).toEqual([
      { collection: 'counters', id: 'all', doc: { id: 'all', count: 3, seen: ['a', 'b', 'c'] } },
      { collection: 'counters', id: 's', doc: { id: 's', count: 3, seen: ['a', 'b', 'c'] } },
    ]);
  });

  it('retries a failed commit without moving the checkpoint or skipping an event', async () => {
    await appendMixedEvents(eventStore, 30);
    store.commitFailures = 3;

    await runToHead(newProjector({ batchSize: 8 }));

    expect(errors).toEqual([new Error('database is locked'), new Error('database is locked'), new Error('database is locked')]);
    expect(await store.all('counters')).toEqual(expected());
  });

  it('retries when reading a document fails', async () => {
    await appendMixedEvents(eventStore, 12);
    store.getFailures = 2;

    await runToHead(newProjector());

    expect(errors).toHaveLength(2);
    expect(await store.all('counters')).toEqual(expected());
  });

  it('retries when a projection throws, never passing the event by', async () => {
    await appendMixedEvents(eventStore, 12);
    const troublesome = eventStore.events.find((e) => e.type === 'Counted' && e.revision > 0)!.id;
    let throwsLeft = 2;
    const flaky: Projection = {
      ...countingProjection,
      evolve: (doc, event, id) => {
        if (event.id === troublesome && throwsLeft-- > 0) throw new Error('flaky projection');
        return countingProjection.evolve(doc as never, event, id);
      },
    };
    const projector = newProjector({ projections: [flaky] });

    await projector.start();
    expect(await projector.waitForPosition(await eventStore.headPosition(), 2_000)).toBe(true);

    expect(errors).toEqual([new Error('flaky projection'), new Error('flaky projection')]);
    expect(await store.all('counters')).toEqual(expected());
  });

  it('resubscribes from its checkpoint when the subscription fails', async () => {
    await appendMixedEvents(eventStore, 40);
    eventStore.failNextSubscriptionAfter = 17;

    await runToHead(newProjector({ batchSize: 5 }));

    expect(errors).toEqual([new Error('subscription dropped')]);
    expect(await store.all('counters')).toEqual(expected());
  });

  it('ignores events redelivered at or before its checkpoint', async () => {
    await appendMixedEvents(eventStore, 20);
    const first = newProjector();
    await runToHead(first);
    await first.stop();

    eventStore.redeliverFromStart = true;
    await appendMixedEvents(eventStore, 5);
    await runToHead(newProjector());

    expect(await store.all('counters')).toEqual(expected());
  });

  it('clears documents left without a checkpoint before applying from the start', async () => {
    await appendMixedEvents(eventStore, 20);
    await runToHead(newProjector());
    await Promise.all(projectors.map((projector) => projector.stop()));
    store.data.checkpoints.clear();

    await runToHead(newProjector());

    expect(await store.all('counters')).toEqual(expected());
  });

  it('stops only after the batch in flight is committed', async () => {
    let openGate!: () => void;
    store.commitGate = new Promise((resolve) => (openGate = resolve));
    const projector = newProjector();
    await projector.start();
    const position = await appendMixedEvents(eventStore, 3);
    await new Promise((resolve) => setTimeout(resolve, 10));

    let stopped = false;
    const stopping = projector.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);

    openGate();
    await stopping;
    expect(projector.currentPosition()).toEqual(position);
    expect((await store.getCheckpoint('counters'))?.position).toEqual(position);
  });

  it('resolves read-your-writes waits as soon as the batch commits, without polling', async () => {
    const projector = newProjector();
    await projector.start();
    const waits = [projector.waitForPosition(positionAt(0), 2_000), projector.waitForPosition(positionAt(2), 2_000)];

    await appendMixedEvents(eventStore, 3);

    expect(await Promise.all(waits)).toEqual([true, true]);
  });

  it('states the lag as the age of the oldest unapplied event, not of the checkpoint', async () => {
    eventStore.clock = new Date('2025-03-01T10:00:00.000Z');
    await appendMixedEvents(eventStore, 1);
    const projector = newProjector();
    await runToHead(projector);
    await projector.stop();
    eventStore.clock = new Date('2025-03-01T11:00:00.000Z');
    const head = await appendMixedEvents(eventStore, 1);

    const lag = await projector.lag(new Date('2025-03-01T11:00:30.000Z'));

    expect(lag).toEqual({ checkpoint: positionAt(0), head, behind: true, seconds: 30 });
  });

  it('refuses a batch size below 1', () => {
    expect(() => newProjector({ batchSize: 0 })).toThrow('batchSize');
  });
});
