import { encodePosition, EventStore, Position, RecordedEvent, START } from '@shoplink/event-store';
import { Projection } from './projection';
import { Checkpoint, Document, DocumentWrite, IndexDeclaration, ProjectorTables, ReadModelStore } from './read-model-store.port';

/** Suffix of the projector name and collections a rebuild writes before it is switched in. */
export const REBUILD_SUFFIX = '~rebuild';

export interface RebuildProjectionsOptions {
  /** The live projector's name: its checkpoint is replaced by the rebuilt one. */
  readonly projector: string;
  readonly projections: readonly Projection[];
  /** The indexes the live collections have; the rebuilt copy gets them before it is written. */
  readonly indexes?: readonly IndexDeclaration[];
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  /** Events read from `$all` per read (default 512: larger batches outlive V8's young generation and cost more in GC than they save). */
  readonly readBatchSize?: number;
  /**
   * Every this many events, the documents changed at most once since the last time are
   * written and forgotten (default 100,000). Larger is faster: each write transaction rewrites
   * every page it touches, and a collection keyed across the log's order (a timeline by shop and
   * revision) touches a page per few documents.
   */
  readonly flushEvery?: number;
  /** Most documents held in memory; above it, all are written and forgotten (default 250,000). */
  readonly maxDocumentsInMemory?: number;
  /** Called at most every `progressIntervalMs` (default 250) while replaying, and at each phase change. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly progressIntervalMs?: number;
  /** Monotonic milliseconds, for timing (default performance.now). */
  readonly now?: () => number;
}

export type RebuildPhase = 'replaying' | 'writing' | 'switching' | 'done';

export interface RebuildProgress {
  readonly phase: RebuildPhase;
  readonly eventsDone: number;
  /**
   * Events in the log when the rebuild started, estimated from positions (exact on the
   * embedded store, whose positions number the events); grows if appends outrun it.
   */
  readonly eventsTotal: number;
  /** Position of the last event replayed, or null before the first. */
  readonly position: string | null;
  readonly elapsedSeconds: number;
  readonly eventsPerSecond: number;
}

export interface RebuildSummary {
  readonly projector: string;
  readonly events: number;
  /** Documents each live collection holds after the switch. */
  readonly documents: Readonly<Record<string, number>>;
  /** The switched-in checkpoint: the live projector continues after it. Null for an empty log. */
  readonly checkpoint: string | null;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** Seconds spent replaying (with the writes made on the way), writing the rest, and switching in (with clearing the old documents). */
  readonly phases: { readonly replaying: number; readonly writing: number; readonly switching: number };
}

interface Handler {
  readonly projection: Projection;
  /** Index of the projection's collection. */
  readonly slot: number;
}

const DEFAULT_READ_BATCH = 512;
const DEFAULT_FLUSH_EVERY = 100_000;
const DEFAULT_MAX_DOCUMENTS = 250_000;
const DEFAULT_PROGRESS_INTERVAL_MS = 250;

/**
 * Replays `$all` from the start into fresh read models, then switches them in atomically.
 *
 * It writes under a shadow projector `<name>~rebuild` into shadow collections
 * `<collection>~rebuild`, emptied first. Documents are folded in memory (see
 * RebuildDocuments: a document changed by many events is written once, not once per
 * batch), written in large sorted batches with the shadow checkpoint, each batch fenced on
 * the previous one so two rebuilds cannot interleave. Once the log is replayed,
 * `replaceProjector` switches the copy in with its checkpoint in one transaction: readers
 * see the old documents or the new, never a mix.
 *
 * With the service running: its projector's commits are fenced on its checkpoint, so its next
 * batch after the switch fails without writing and it continues from the rebuilt checkpoint
 * (it applies what was appended after the replay ended). A rebuild that fails or is
 * interrupted leaves the live read models untouched; the next one starts from scratch.
 */
export async function rebuildProjections(options: RebuildProjectionsOptions): Promise<RebuildSummary> {
  const { eventStore, store, projections } = options;
  const now = options.now ?? (() => performance.now());
  const readBatchSize = positiveInteger(options.readBatchSize ?? DEFAULT_READ_BATCH, 'readBatchSize');
  const flushEvery = positiveInteger(options.flushEvery ?? DEFAULT_FLUSH_EVERY, 'flushEvery');
  const maxDocuments = positiveInteger(options.maxDocumentsInMemory ?? DEFAULT_MAX_DOCUMENTS, 'maxDocumentsInMemory');
  const progressInterval = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;

  const collections = [...new Set(projections.map((p) => p.collection))];
  const live: ProjectorTables = { projector: options.projector, collections };
  const rebuilt: ProjectorTables = { projector: shadowName(options.projector), collections: collections.map(shadowName) };
  const handlers = handlersByType(projections, collections);

  const started = now();
  let eventsTotal = estimatedCount(await eventStore.headPosition());
  let eventsDone = 0;
  let last: RecordedEvent | null = null;
  let lastReport = started;

  const report = (phase: RebuildPhase, force: boolean): void => {
    const at = now();
    if (!options.onProgress || (!force && at - lastReport < progressInterval)) return;
    lastReport = at;
    const elapsedSeconds = (at - started) / 1000;
    options.onProgress({
      phase,
      eventsDone,
      eventsTotal: Math.max(eventsTotal, eventsDone),
      position: last ? encodePosition(last.position) : null,
      elapsedSeconds,
      eventsPerSecond: elapsedSeconds > 0 ? Math.round(eventsDone / elapsedSeconds) : 0,
    });
  };

  // A leftover of an interrupted rebuild is dropped: this one starts from scratch.
  await store.reset(rebuilt.projector, rebuilt.collections);
  const shadowIndexes = (options.indexes ?? []).filter((index) => collections.includes(index.collection));
  if (shadowIndexes.length > 0) await store.ensureIndexes(shadowIndexes.map((index) => ({ ...index, collection: shadowName(index.collection) })));
  const docs = new RebuildDocuments(store, rebuilt);

  report('replaying', true);
  let after: Position = START;
  let nextFlush = flushEvery;
  const plan = new BatchPlan();
  for (;;) {
    const events = await eventStore.readAll({ after, maxCount: readBatchSize });
    if (events.length === 0) break;
    plan.build(events, handlers);
    if (docs.mayNeedReading) await docs.load(plan);
    for (let i = 0; i < plan.length; i++) docs.apply(plan.slots[i], plan.ids[i], plan.projections[i], plan.events[i]);
    last = events[events.length - 1];
    after = last.position;
    eventsDone += events.length;
    if (eventsDone > eventsTotal) eventsTotal = estimatedCount(await eventStore.headPosition());
    if (docs.size > maxDocuments) {
      await docs.spillAll(checkpointOf(last));
    } else if (eventsDone >= nextFlush) {
      await docs.flushCold(checkpointOf(last));
      nextFlush = eventsDone + flushEvery;
    }
    report('replaying', false);
    // Fewer than asked means the replay reached the head; later appends are the live projector's.
    if (events.length < readBatchSize) break;
  }
  const replayed = now();

  report('writing', true);
  await docs.writeAll(last ? checkpointOf(last) : null);
  const written = now();

  report('switching', true);
  await store.replaceProjector(live, rebuilt);
  const finished = now();
  report('done', true);

  const seconds = (finished - started) / 1000;
  return {
    projector: options.projector,
    events: eventsDone,
    documents: Object.fromEntries(collections.map((collection, slot) => [collection, docs.count(slot)])),
    checkpoint: last ? encodePosition(last.position) : null,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(eventsDone / seconds) : 0,
    phases: { replaying: (replayed - started) / 1000, writing: (written - replayed) / 1000, switching: (finished - written) / 1000 },
  };
}

export const shadowName = (name: string): string => `${name}${REBUILD_SUFFIX}`;

interface Entry {
  doc: Document | null;
  /** Events that changed it since it entered memory or since the last flush. */
  touches: number;
  dirty: boolean;
}

/** Every document change of one batch, in order: computed once, used to read back and to apply. */
class BatchPlan {
  readonly slots: number[] = [];
  readonly ids: string[] = [];
  readonly projections: Projection[] = [];
  readonly events: RecordedEvent[] = [];
  length = 0;

  build(batch: readonly RecordedEvent[], handlers: ReadonlyMap<string, readonly Handler[]>): void {
    this.length = 0;
    for (const event of batch) {
      const list = handlers.get(event.type);
      if (list === undefined) continue;
      for (const { projection, slot } of list) {
        const ids = projection.documentIds(event);
        if (ids.length === 1) this.add(slot, ids[0], projection, event);
        else for (const id of new Set(ids)) this.add(slot, id, projection, event);
      }
    }
  }

  private add(slot: number, id: string, projection: Projection, event: RecordedEvent): void {
    const i = this.length++;
    this.slots[i] = slot;
    this.ids[i] = id;
    this.projections[i] = projection;
    this.events[i] = event;
  }
}

/**
 * The rebuild's documents in memory, per collection. Every `flushEvery` events the cold
 * ones (changed at most once since the last flush: a timeline entry, a finished withdrawal,
 * an idle shop) are written, sorted by id, and forgotten; the hot ones stay until the end, so
 * a shop's document is written once rather than once per batch. A forgotten document that an
 * event touches again is read back from the rebuilt collection; which ids were forgotten is
 * kept in a fixed-size Bloom filter (a false positive only costs a read that finds nothing).
 * Above `maxDocuments` in memory, everything is written and forgotten.
 */
class RebuildDocuments {
  private readonly entries: Map<string, Entry>[];
  private readonly forgotten = new BloomFilter();
  private existing: number[];
  private written: Checkpoint | null = null;
  private inMemory = 0;

  constructor(
    private readonly store: ReadModelStore,
    private readonly tables: ProjectorTables,
  ) {
    this.entries = tables.collections.map(() => new Map());
    this.existing = tables.collections.map(() => 0);
  }

  get size(): number {
    return this.inMemory;
  }

  count(slot: number): number {
    return this.existing[slot];
  }

  get mayNeedReading(): boolean {
    return !this.forgotten.empty;
  }

  apply(slot: number, id: string, projection: Projection, event: RecordedEvent): void {
    let entry = this.entries[slot].get(id);
    if (entry === undefined) {
      entry = { doc: null, touches: 0, dirty: false };
      this.entries[slot].set(id, entry);
      this.inMemory += 1;
    }
    const after = projection.evolve(entry.doc, event, id);
    if ((entry.doc === null) !== (after === null)) this.existing[slot] += after === null ? -1 : 1;
    entry.doc = after;
    entry.touches += 1;
    entry.dirty = true;
  }

  /** Reads back the forgotten documents a batch touches. */
  async load(plan: BatchPlan): Promise<void> {
    for (let i = 0; i < plan.length; i++) {
      const slot = plan.slots[i];
      const id = plan.ids[i];
      if (this.entries[slot].has(id) || !this.forgotten.mayHave(slot, id)) continue;
      const doc = await this.store.get(this.tables.collections[slot], id);
      this.entries[slot].set(id, { doc, touches: 0, dirty: false });
      this.inMemory += 1;
    }
  }

  /** Writes and forgets the cold documents; the others start a new round of counting. */
  async flushCold(checkpoint: Checkpoint): Promise<void> {
    await this.write(checkpoint, (entry) => entry.touches <= 1);
  }

  /** Too many in memory: writes them all and forgets them. */
  async spillAll(checkpoint: Checkpoint): Promise<void> {
    await this.write(checkpoint, () => true);
  }

  /** The final write: every changed document and the checkpoint, in one transaction. */
  async writeAll(checkpoint: Checkpoint | null): Promise<void> {
    if (checkpoint !== null) await this.write(checkpoint, () => false, true);
  }

  private async write(checkpoint: Checkpoint, forget: (entry: Entry) => boolean, final = false): Promise<void> {
    const writes: DocumentWrite[] = [];
    this.entries.forEach((entries, slot) => {
      const collection = this.tables.collections[slot];
      const changed: Array<[string, Document | null]> = [];
      for (const [id, entry] of entries) {
        if (!forget(entry)) {
          entry.touches = 0;
          // A document kept in memory is written when it is forgotten or at the end, not at every
          // flush: nothing reads the copy before the switch, and a later change would rewrite it
          // (a timeline block being filled would otherwise be written at every flush).
          if (entry.dirty && final) {
            changed.push([id, entry.doc]);
            entry.dirty = false;
          }
          continue;
        }
        if (entry.dirty) changed.push([id, entry.doc]);
        entries.delete(id);
        this.inMemory -= 1;
        this.forgotten.add(slot, id);
      }
      // In id order, so the rows (and their indexes) are written page after page.
      changed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [id, doc] of changed) writes.push({ collection, id, doc });
    });
    await this.store.commitBatch(this.tables.projector, checkpoint, writes, this.written?.position ?? null);
    this.written = checkpoint;
  }
}

/** 2^25 bits (4 MiB), 4 hashes: under 0.1% false positives at a million ids, about 4% at five million. */
class BloomFilter {
  private readonly bits = new Uint32Array(1 << 20);
  empty = true;

  add(slot: number, id: string): void {
    this.empty = false;
    const [h1, h2] = hashes(slot, id);
    for (let k = 0; k < 4; k++) {
      const bit = (h1 + k * h2) >>> 7; // 25 bits
      this.bits[bit >>> 5] |= 1 << (bit & 31);
    }
  }

  mayHave(slot: number, id: string): boolean {
    if (this.empty) return false;
    const [h1, h2] = hashes(slot, id);
    for (let k = 0; k < 4; k++) {
      const bit = (h1 + k * h2) >>> 7;
      if ((this.bits[bit >>> 5] & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }
}

/** Two 32-bit FNV-1a style hashes of (slot, id), for double hashing. */
function hashes(slot: number, id: string): [number, number] {
  let a = (2166136261 ^ slot) >>> 0;
  let b = (0x9747b28c ^ Math.imul(slot, 0x5bd1e995)) >>> 0;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 16777619);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return [a >>> 0, (b | 1) >>> 0];
}

function handlersByType(projections: readonly Projection[], collections: readonly string[]): Map<string, Handler[]> {
  const byType = new Map<string, Handler[]>();
  for (const projection of projections) {
    const slot = collections.indexOf(projection.collection);
    for (const type of projection.handles) {
      const list = byType.get(type) ?? [];
      list.push({ projection, slot });
      byType.set(type, list);
    }
  }
  return byType;
}

function checkpointOf(event: RecordedEvent): Checkpoint {
  return { position: event.position, eventCreatedAt: event.createdAt };
}

/** Positions number the events on the embedded store; elsewhere this is only a guide for the progress bar. */
function estimatedCount(head: Position): number {
  return head.commit < 0n ? 0 : Number(head.commit);
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${value}`);
  return value;
}
