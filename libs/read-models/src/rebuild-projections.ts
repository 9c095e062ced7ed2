import { comparePositions, encodePosition, EventStore, Position, RecordedEvent, START } from '@shoplink/event-store';
import { Projection } from './projection';
import { Checkpoint, Document, DocumentWrite, IndexDeclaration, ProjectorTables, ReadModelStore } from './read-model-store.port';

/** Suffix of the projector name and collections a rebuild writes before it is switched in. */
export const REBUILD_SUFFIX = '~rebuild';

export interface RebuildProjectionsOptions extends ReplaySizes {
  /** The live projector's name: its checkpoint is replaced by the rebuilt one. */
  readonly projector: string;
  readonly projections: readonly Projection[];
  /** The indexes the live collections have; the rebuilt copy gets them before it is written. */
  readonly indexes?: readonly IndexDeclaration[];
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  /**
   * Other threads, each replaying the projections of some collections while this one replays
   * the rest (see RebuildThread). Each reads the log itself, so the work is split by collection
   * and nothing is handed between threads. None by default: everything is replayed here.
   */
  readonly threads?: readonly RebuildThread[];
  /** Called at most every `progressIntervalMs` (default 250) while replaying, and at each phase change. */
  readonly onProgress?: (progress: RebuildProgress) => void;
  readonly progressIntervalMs?: number;
  /** Monotonic milliseconds, for timing (default performance.now). */
  readonly now?: () => number;
}

/** How a replay reads and holds documents; the defaults suit a log of millions of events. */
export interface ReplaySizes {
  /** Events read from `$all` per read (default 512: larger batches outlive V8's young generation and cost more in GC than they save). */
  readonly readBatchSize?: number;
  /**
   * Every this many events, the final documents (see Projection.isFinal) and, past
   * `keepColdBelow` documents in memory, those changed at most once since the last time are
   * written and forgotten (default 100,000). Larger is faster: each write transaction rewrites
   * every page it touches.
   */
  readonly flushEvery?: number;
  /** Most documents held in memory; above it, all are written and forgotten (default 250,000). */
  readonly maxDocumentsInMemory?: number;
  /**
   * Below this many documents in memory, the cold ones are kept too (default 100,000): written
   * once at the end rather than forgotten at a flush and read back when an event comes for them
   * (a withdrawal's second event a few flushes later). Final documents are written at the next
   * flush whatever the count.
   */
  readonly keepColdBelow?: number;
}

/**
 * Replays the projections of some collections on another thread (or process), reading the log
 * itself: `replayProjections` with the job's names, up to the job's position. The SQLite one is
 * apps/cli's `rebuildThreadsFor`. It must write only under the job's projector and collections.
 */
export interface RebuildThread {
  /** The live collections whose projections it replays. */
  readonly collections: readonly string[];
  replay(job: RebuildThreadJob): Promise<ReplayResult>;
  /** Stops a replay under way (the rebuild failed elsewhere); its copy is dropped by the next rebuild. */
  cancel(): Promise<void>;
}

export interface RebuildThreadJob {
  /** The checkpoint name its batches are fenced on (a shadow name of its own). */
  readonly projector: string;
  /** The shadow collections to write, in the order of RebuildThread.collections. */
  readonly collections: readonly string[];
  /** The last position to replay, in its wire form (`encodePosition`); null for an empty log. */
  readonly until: string | null;
}

export interface ReplayResult {
  readonly events: number;
  /** Documents each collection holds, in the order of the replay's collections. */
  readonly documents: readonly number[];
  readonly seconds: number;
}

export type RebuildPhase = 'replaying' | 'writing' | 'switching' | 'done';

export interface RebuildProgress {
  readonly phase: RebuildPhase;
  readonly eventsDone: number;
  /**
   * Events in the log when the rebuild started, estimated from positions (exact on the
   * embedded store, whose positions number the events).
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
  /**
   * Seconds spent replaying (with the writes made on the way), writing the rest (and waiting
   * for the other threads), and switching in (with clearing the old documents).
   */
  readonly phases: { readonly replaying: number; readonly writing: number; readonly switching: number };
  /** The collections replayed on other threads, and how long each thread took. */
  readonly threads: readonly { readonly collections: readonly string[]; readonly seconds: number }[];
}

interface Handler {
  readonly projection: Projection;
  /** Index of the projection's collection. */
  readonly slot: number;
}

const DEFAULT_READ_BATCH = 512;
const DEFAULT_FLUSH_EVERY = 100_000;
const DEFAULT_MAX_DOCUMENTS = 250_000;
const DEFAULT_KEEP_COLD_BELOW = 100_000;
const DEFAULT_PROGRESS_INTERVAL_MS = 250;

/**
 * Replays `$all` from the start into fresh read models, then switches them in atomically.
 *
 * It replays up to the head of the log as it was when it started; what is appended later is
 * the live projector's. It writes under a shadow projector `<name>~rebuild` into shadow
 * collections `<collection>~rebuild`, emptied first (see replayProjections). Collections given
 * to other threads are replayed there at the same time, up to the same position, under their
 * own shadow checkpoint. Once every thread is done, `replaceProjector` switches the copy in with
 * its checkpoint in one transaction: readers see the old documents or the new, never a mix.
 *
 * With the service running: its projector's commits are fenced on its checkpoint, so its next
 * batch after the switch fails without writing and it continues from the rebuilt checkpoint
 * (it applies what was appended after the replay ended). A rebuild that fails or is
 * interrupted leaves the live read models untouched; the next one starts from scratch, and
 * the batches of one it interrupts fail on their fence.
 */
export async function rebuildProjections(options: RebuildProjectionsOptions): Promise<RebuildSummary> {
  const { eventStore, store, projections } = options;
  const now = options.now ?? (() => performance.now());
  const progressInterval = options.progressIntervalMs ?? DEFAULT_PROGRESS_INTERVAL_MS;
  const threads = options.threads ?? [];

  const collections = [...new Set(projections.map((p) => p.collection))];
  const live: ProjectorTables = { projector: options.projector, collections };
  const rebuilt: ProjectorTables = { projector: shadowName(options.projector), collections: collections.map(shadowName) };
  const onThreads = new Set(threads.flatMap((thread) => thread.collections));
  for (const collection of onThreads) {
    if (!collections.includes(collection))
      throw new Error(`rebuildProjections: a thread replays "${collection}", which no projection writes`);
  }
  const here = projections.filter((p) => !onThreads.has(p.collection));
  const hereCollections = collections.filter((c) => !onThreads.has(c));
  const threadProjector = (i: number): string => `${rebuilt.projector}~${i + 1}`;

  const started = now();
  const until = await eventStore.headPosition();
  const eventsTotal = estimatedCount(until);
  let lastReport = started;
  const report = (phase: RebuildPhase, force: boolean, eventsDone: number, position: string | null): void => {
    const at = now();
    if (!options.onProgress || (!force && at - lastReport < progressInterval)) return;
    lastReport = at;
    const elapsedSeconds = (at - started) / 1000;
    options.onProgress({
      phase,
      eventsDone,
      eventsTotal: Math.max(eventsTotal, eventsDone),
      position,
      elapsedSeconds,
      eventsPerSecond: elapsedSeconds > 0 ? Math.round(eventsDone / elapsedSeconds) : 0,
    });
  };

  // A leftover of an interrupted rebuild is dropped: this one starts from scratch.
  await store.reset(rebuilt.projector, rebuilt.collections);
  for (let i = 0; i < threads.length; i++) await store.reset(threadProjector(i), []);
  const shadowIndexes = (options.indexes ?? []).filter((index) => collections.includes(index.collection));
  if (shadowIndexes.length > 0)
    await store.ensureIndexes(shadowIndexes.map((index) => ({ ...index, collection: shadowName(index.collection) })));

  const untilText = until.commit < 0n ? null : encodePosition(until);
  const elsewhere = threads.map((thread, i) =>
    thread.replay({ projector: threadProjector(i), collections: thread.collections.map(shadowName), until: untilText }),
  );
  // Until they are awaited below, a failure is only remembered (no unhandled rejection).
  elsewhere.forEach((replay) => replay.catch(() => undefined));

  let replayed: ReplayOutcome;
  let threadResults: ReplayResult[];
  let replayedAt: number;
  try {
    report('replaying', true, 0, null);
    replayed = await replayProjections({
      ...options,
      projections: here,
      tables: { projector: rebuilt.projector, collections: hereCollections.map(shadowName) },
      until,
      onBatch: (eventsDone, position) => report('replaying', false, eventsDone, position),
      keepLastBatch: true,
    });
    replayedAt = now();
    report('writing', true, replayed.events, replayed.position);
    threadResults = await Promise.all(elsewhere);
    await replayed.writeLast();
  } catch (error) {
    await Promise.all(threads.map((thread) => thread.cancel()));
    throw error;
  }
  const written = now();
  for (const result of threadResults) {
    if (result.events !== replayed.events)
      throw new Error(`rebuildProjections: a thread replayed ${result.events} events, this one ${replayed.events}`);
  }

  report('switching', true, replayed.events, replayed.position);
  await store.replaceProjector(live, rebuilt);
  for (let i = 0; i < threads.length; i++) await store.reset(threadProjector(i), []);
  const finished = now();
  report('done', true, replayed.events, replayed.position);

  const documents: Record<string, number> = {};
  for (const collection of collections) {
    const thread = threads.findIndex((t) => t.collections.includes(collection));
    documents[collection] =
      thread < 0
        ? replayed.documents[hereCollections.indexOf(collection)]
        : threadResults[thread].documents[threads[thread].collections.indexOf(collection)];
  }
  const seconds = (finished - started) / 1000;
  return {
    projector: options.projector,
    events: replayed.events,
    documents,
    checkpoint: replayed.position,
    seconds,
    eventsPerSecond: seconds > 0 ? Math.round(replayed.events / seconds) : 0,
    phases: { replaying: (replayedAt - started) / 1000, writing: (written - replayedAt) / 1000, switching: (finished - written) / 1000 },
    threads: threads.map((thread, i) => ({ collections: thread.collections, seconds: threadResults[i].seconds })),
  };
}

export interface ReplayProjectionsOptions extends ReplaySizes {
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  readonly projections: readonly Projection[];
  /**
   * Where to write: a shadow checkpoint name, and the shadow copy (`<collection>~rebuild`, any order) of every
   * projection's collection, emptied beforehand.
   */
  readonly tables: ProjectorTables;
  /** The last position to replay (the head when the rebuild started). */
  readonly until: Position;
  /** Called after each batch read. */
  readonly onBatch?: (eventsDone: number, position: string | null) => void;
  /**
   * Leaves the last write (the documents still in memory, with the checkpoint) to the caller's
   * `writeLast`, so a rebuild can first wait for its other threads.
   */
  readonly keepLastBatch?: boolean;
}

export interface ReplayOutcome extends Omit<ReplayResult, 'seconds'> {
  /** The last event replayed, in its wire form: the checkpoint written. Null for an empty log. */
  readonly position: string | null;
  /** Writes the documents still in memory with the checkpoint (done already unless keepLastBatch). */
  writeLast(): Promise<void>;
}

/**
 * The replay itself, on whichever thread runs it: reads `$all` from the start up to `until`,
 * folds every event into the documents of `projections` in memory (see RebuildDocuments: a
 * document changed by many events is written once, not once per batch), and writes them in
 * large sorted batches with the shadow checkpoint, each batch fenced on the previous one so
 * two rebuilds cannot interleave.
 */
export async function replayProjections(options: ReplayProjectionsOptions): Promise<ReplayOutcome> {
  const { eventStore, store, tables, until } = options;
  const readBatchSize = positiveInteger(options.readBatchSize ?? DEFAULT_READ_BATCH, 'readBatchSize');
  const flushEvery = positiveInteger(options.flushEvery ?? DEFAULT_FLUSH_EVERY, 'flushEvery');
  const maxDocuments = positiveInteger(options.maxDocumentsInMemory ?? DEFAULT_MAX_DOCUMENTS, 'maxDocumentsInMemory');
  const keepColdBelow = Math.max(0, options.keepColdBelow ?? DEFAULT_KEEP_COLD_BELOW);
  const docs = new RebuildDocuments(store, tables);
  const handlers = handlersByType(options.projections, tables.collections.map(liveName));

  const withoutData = options.projections.every((p) => p.readsEventData === false);
  let after: Position = START;
  let last: RecordedEvent | null = null;
  let eventsDone = 0;
  let nextFlush = flushEvery;
  const plan = new BatchPlan();
  while (comparePositions(after, until) < 0) {
    const read = await eventStore.readAll({ after, maxCount: readBatchSize, withoutData });
    const events = upTo(read, until);
    if (events.length === 0) break;
    plan.build(events, handlers);
    if (docs.mayNeedReading) await docs.load(plan);
    for (let i = 0; i < plan.length; i++) docs.apply(plan.slots[i], plan.ids[i], plan.projections[i], plan.events[i]);
    last = events[events.length - 1];
    after = last.position;
    eventsDone += events.length;
    if (docs.size > maxDocuments) {
      await docs.spillAll(checkpointOf(last));
    } else if (eventsDone >= nextFlush) {
      await docs.flushCold(checkpointOf(last), docs.size >= keepColdBelow);
      nextFlush = eventsDone + flushEvery;
    }
    options.onBatch?.(eventsDone, encodePosition(last.position));
    // Fewer than asked (or past `until`) means the replay reached the end.
    if (events.length < readBatchSize) break;
  }
  const final = last;
  const writeLast = async (): Promise<void> => {
    if (final !== null) await docs.writeAll(checkpointOf(final));
  };
  if (!options.keepLastBatch) await writeLast();
  return {
    events: eventsDone,
    documents: tables.collections.map((_, slot) => docs.count(slot)),
    position: final ? encodePosition(final.position) : null,
    writeLast,
  };
}

/** The events of a batch at or before `until`. */
function upTo(events: readonly RecordedEvent[], until: Position): readonly RecordedEvent[] {
  let n = events.length;
  while (n > 0 && comparePositions(events[n - 1].position, until) > 0) n -= 1;
  return n === events.length ? events : events.slice(0, n);
}

export const shadowName = (name: string): string => `${name}${REBUILD_SUFFIX}`;
const liveName = (name: string): string => (name.endsWith(REBUILD_SUFFIX) ? name.slice(0, -REBUILD_SUFFIX.length) : name);

interface Entry {
  doc: Document | null;
  /** Events that changed it since it entered memory or since the last flush. */
  touches: number;
  dirty: boolean;
  /** Projection.isFinal of the document, or undefined when its projection cannot tell. */
  final: boolean | undefined;
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
 * The rebuild's documents in memory, per collection. Every `flushEvery` events the final ones
 * (a full timeline block) and the cold ones (changed at most once since the last flush: a
 * finished withdrawal, an idle shop) are written, sorted by id, and forgotten; the hot ones stay until the end, so
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
      entry = { doc: null, touches: 0, dirty: false, final: undefined };
      this.entries[slot].set(id, entry);
      this.inMemory += 1;
    }
    const after = projection.evolveInPlace ? projection.evolveInPlace(entry.doc, event, id) : projection.evolve(entry.doc, event, id);
    if ((entry.doc === null) !== (after === null)) this.existing[slot] += after === null ? -1 : 1;
    entry.doc = after;
    entry.touches += 1;
    entry.dirty = true;
    if (projection.isFinal !== undefined) entry.final = after !== null && projection.isFinal(after);
  }

  /** Reads back the forgotten documents a batch touches. */
  async load(plan: BatchPlan): Promise<void> {
    for (let i = 0; i < plan.length; i++) {
      const slot = plan.slots[i];
      const id = plan.ids[i];
      if (this.entries[slot].has(id) || !this.forgotten.mayHave(slot, id)) continue;
      const doc = await this.store.get(this.tables.collections[slot], id);
      this.entries[slot].set(id, { doc, touches: 0, dirty: false, final: undefined });
      this.inMemory += 1;
    }
  }

  /**
   * Writes and forgets the final documents and, of projections that cannot tell, the cold ones
   * when there are many (`forgetCold`); the others start a new round of counting. A document its projection says is not final stays:
   * another event will change it (a timeline block still filling is not written half-full and
   * read back).
   */
  async flushCold(checkpoint: Checkpoint, forgetCold: boolean): Promise<void> {
    await this.write(checkpoint, (entry) => entry.final ?? (forgetCold && entry.touches <= 1));
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
        // A final document is never touched again, so it need not be looked for (a rebuild of
        // only final-or-filling documents, the timeline's, never reads one back).
        if (entry.final !== true) this.forgotten.add(slot, id);
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
    if (slot < 0) throw new Error(`rebuild: nowhere to write "${projection.collection}" (collections: ${collections.join(', ')})`);
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
