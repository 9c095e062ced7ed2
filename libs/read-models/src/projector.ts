import { comparePositions, EventStore, Position, RecordedEvent, START } from '@shoplink/event-store';
import { Projection } from './projection';
import { CheckpointMovedError } from './read-model-store.errors';
import { Checkpoint, Document, DocumentWrite, ReadModelStore } from './read-model-store.port';

export interface ProjectorOptions {
  /** Names the checkpoint; renaming a projector makes it rebuild. */
  readonly name: string;
  readonly projections: readonly Projection[];
  readonly eventStore: EventStore;
  readonly store: ReadModelStore;
  /** Most events applied and committed together (default 500). */
  readonly batchSize?: number;
  /**
   * Least time between two commits (default 0). Within this long after a commit, the events that
   * arrive are gathered and committed together (until `batchSize`), instead of one commit per
   * append. An event after a quiet spell longer than this is committed at once, and so is what has
   * arrived whenever a read-your-writes query is waiting (`waitForPosition`): spacing saves work
   * only when nobody is waiting for it.
   */
  readonly minCommitIntervalMs?: number;
  /**
   * Documents kept in memory as last committed (default 0: none), most recently used first, so a
   * batch does not read and parse again what the previous ones wrote. Sound because this projector
   * is the only writer of its documents while its fenced commits succeed; any failure, restart or
   * rebuild drops them.
   */
  readonly documentCacheSize?: number;
  /** Pause after the first failure; it doubles with each failure in a row up to `maxRetryDelayMs`. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Told about every failure; the projector itself carries on and retries. */
  readonly onError?: (error: unknown) => void;
  /** Wraps each batch's fold and commit (the service times and traces it); nothing by default. */
  readonly observer?: ProjectorObserver;
}

/** The tuning part of ProjectorOptions: what a service sets once for every process that runs its projector. */
export type ProjectorSettings = Required<
  Pick<ProjectorOptions, 'batchSize' | 'minCommitIntervalMs' | 'documentCacheSize' | 'retryDelayMs' | 'maxRetryDelayMs'>
>;

/**
 * A port for whoever watches the projector (metrics, traces in apps/api), so this library
 * needs no metrics or tracing library.
 */
export interface ProjectorObserver {
  /** Runs one batch; must call `apply` once and pass its outcome on. */
  batch(projector: string, events: readonly RecordedEvent[], apply: () => Promise<void>): Promise<void>;
}

export interface ProjectorLag {
  /** Last committed position, or null when the projector has never committed. */
  readonly checkpoint: Position | null;
  readonly head: Position;
  readonly behind: boolean;
  /** Age of the oldest event not yet applied; 0 when caught up. */
  readonly seconds: number;
}

const DEFAULT_BATCH_SIZE = 500;
const DEFAULT_RETRY_DELAY_MS = 100;
const DEFAULT_MAX_RETRY_DELAY_MS = 5_000;
const STOP = Symbol('stop');
const IDLE = Symbol('idle');

interface Waiter {
  readonly position: Position;
  readonly timer: NodeJS.Timeout;
  settle(reached: boolean): void;
}

/** One start→stop span; a restart gets a new one, so a late wake-up of the old span cannot touch the new. */
interface Run {
  stopping: boolean;
  readonly stopRequested: Promise<typeof STOP>;
  requestStop(): void;
  loop: Promise<void>;
  failuresInARow: number;
}

/**
 * Keeps read models up to date: follows `$all` from the checkpoint, folds each batch of
 * events through the projections and commits the documents with the new checkpoint in
 * one write, so a crash or restart neither skips nor repeats an event.
 */
export class Projector {
  readonly name: string;
  private readonly eventStore: EventStore;
  private readonly store: ReadModelStore;
  private readonly batchSize: number;
  private readonly minCommitIntervalMs: number;
  private lastCommitAt = -Infinity;
  /** Wakes a batch that is waiting out `minCommitIntervalMs` when a read-your-writes query starts waiting. */
  private wakeForWaiter: (() => void) | null = null;
  private readonly documentCacheSize: number;
  private readonly documents = new Map<string, Document | null>();
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly onError: (error: unknown) => void;
  private readonly observer: ProjectorObserver | null;
  private readonly projectionsByType = new Map<string, Projection[]>();
  private readonly collections: string[];

  private committed: Checkpoint | null = null;
  private readonly waiters = new Set<Waiter>();
  private run: Run | null = null;

  /** How this projector batches, spaces and caches its commits, as configured (defaults applied). */
  get settings(): ProjectorSettings {
    return {
      batchSize: this.batchSize,
      minCommitIntervalMs: this.minCommitIntervalMs,
      documentCacheSize: this.documentCacheSize,
      retryDelayMs: this.retryDelayMs,
      maxRetryDelayMs: this.maxRetryDelayMs,
    };
  }

  constructor(options: ProjectorOptions) {
    this.name = options.name;
    this.eventStore = options.eventStore;
    this.store = options.store;
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1)
      throw new Error(`batchSize must be a positive integer, got ${this.batchSize}`);
    this.minCommitIntervalMs = options.minCommitIntervalMs ?? 0;
    this.documentCacheSize = options.documentCacheSize ?? 0;
    this.retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS;
    this.onError = options.onError ?? (() => undefined);
    this.observer = options.observer ?? null;
    for (const projection of options.projections) {
      for (const type of projection.handles) {
        const list = this.projectionsByType.get(type) ?? [];
        list.push(projection);
        this.projectionsByType.set(type, list);
      }
    }
    this.collections = [...new Set(options.projections.map((projection) => projection.collection))];
  }

  /**
   * Starts following `$all`; resolves once the checkpoint has been read and the
   * subscription opened, or the first attempt has failed (it is then retried).
   */
  async start(): Promise<void> {
    // A stop still in progress is let finish, so two runs never follow the log at once.
    while (this.run) {
      const current = this.run;
      if (!current.stopping) return;
      await current.loop;
      if (this.run === current) this.run = null;
    }
    let requestStop!: () => void;
    const stopRequested = new Promise<typeof STOP>((resolve) => (requestStop = () => resolve(STOP)));
    const run: Run = { stopping: false, stopRequested, requestStop, loop: Promise.resolve(), failuresInARow: 0 };
    this.run = run;
    let ready!: () => void;
    const firstAttempt = new Promise<void>((resolve) => (ready = resolve));
    run.loop = this.keepFollowing(run, ready);
    await firstAttempt;
  }

  /** Closes the subscription; resolves once the batch being applied has been committed (or has failed). */
  async stop(): Promise<void> {
    const run = this.run;
    if (!run) return;
    run.stopping = true;
    run.requestStop();
    await run.loop;
    if (this.run === run) this.run = null;
  }

  /** Drops the projector's documents and checkpoint and replays `$all` from the start. */
  async rebuild(): Promise<void> {
    await this.stop();
    await this.store.reset(this.name, this.collections);
    this.settle(null);
    await this.start();
  }

  /** Position of the last committed batch, as this projector knows it; null before anything is committed. */
  currentPosition(): Position | null {
    return this.committed?.position ?? null;
  }

  /**
   * True once this projector has committed `position` (read-your-writes: wait for the
   * position an append answered); false after `timeoutMs` without it.
   */
  waitForPosition(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.hasReached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        timer: setTimeout(() => waiter.settle(false), timeoutMs),
        settle: (reached) => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      this.waiters.add(waiter);
      this.wakeForWaiter?.();
    });
  }

  lag(now: Date = new Date()): Promise<ProjectorLag> {
    return projectorLag({ name: this.name, eventStore: this.eventStore, store: this.store, now });
  }

  private async keepFollowing(run: Run, ready: () => void): Promise<void> {
    while (!run.stopping) {
      let checkpointMoved = false;
      try {
        await this.follow(run, ready);
      } catch (error) {
        run.failuresInARow += 1;
        checkpointMoved = error instanceof CheckpointMovedError;
        this.report(error);
      } finally {
        ready();
      }
      if (run.stopping) return;
      // A rebuild switched in elsewhere: resume from its checkpoint at once (a second mover keeps the back-off).
      if (checkpointMoved && run.failuresInARow === 1) continue;
      const delay = Math.min(this.retryDelayMs * 2 ** Math.max(0, run.failuresInARow - 1), this.maxRetryDelayMs);
      await pause(delay, run.stopRequested);
    }
  }

  /**
   * One subscription's life: returns when asked to stop, throws on any failure. The
   * caller then starts over from the stored checkpoint, which is the only state that
   * survives a failure, so a batch that may or may not have committed is never guessed at.
   */
  private async follow(run: Run, ready: () => void): Promise<void> {
    // What is cached is only known to match what was committed until now: start from the store.
    this.documents.clear();
    const checkpoint = await this.store.getCheckpoint(this.name);
    // No checkpoint means no event has been applied: documents left over (a dropped
    // checkpoint, a renamed projector) would have every event applied to them twice.
    if (checkpoint === null) await this.store.reset(this.name, this.collections);
    this.settle(checkpoint);
    if (run.stopping) return;

    const subscription = this.eventStore.subscribeToAll(checkpoint ? { after: checkpoint.position } : {});
    ready();
    const events = subscription[Symbol.asyncIterator]();
    let pending: Promise<IteratorResult<RecordedEvent>> | null = null;
    try {
      while (!run.stopping) {
        const first = await Promise.race([pending ?? nextOf(events), run.stopRequested]);
        pending = null;
        if (first === STOP) return;
        if (first.done) throw new Error(`Projector ${this.name}: the $all subscription ended`);

        // Take what has already arrived and, within `minCommitIntervalMs` of the last commit,
        // what arrives until that span ends, unless a read-your-writes query is waiting: then
        // commit what is here at once. After a quiet spell a lone event is committed at once.
        const batch = [first.value];
        const commitNotBefore = this.lastCommitAt + this.minCommitIntervalMs;
        while (batch.length < this.batchSize) {
          const next = nextOf(events);
          let result: IteratorResult<RecordedEvent> | typeof IDLE | typeof STOP = await Promise.race([next, nextMacrotask()]);
          if (result === IDLE) {
            const wait = this.waiters.size > 0 ? 0 : commitNotBefore - performance.now();
            result = wait >= 1 ? await Promise.race([next, delay(wait), run.stopRequested, this.waiterArrives()]) : IDLE;
          }
          if (result === IDLE || result === STOP) {
            pending = next;
            break;
          }
          if (result.done) break;
          batch.push(result.value);
        }
        await this.applyAndCommit(batch);
        this.lastCommitAt = performance.now();
        run.failuresInARow = 0;
      }
    } finally {
      await subscription.close().catch((error: unknown) => this.report(error));
    }
  }

  /** Resolves (as IDLE: stop gathering) when a read-your-writes query starts waiting. */
  private waiterArrives(): Promise<typeof IDLE> {
    return new Promise((resolve) => {
      this.wakeForWaiter = () => {
        this.wakeForWaiter = null;
        resolve(IDLE);
      };
    });
  }

  private async applyAndCommit(received: readonly RecordedEvent[]): Promise<void> {
    // A subscription that redelivers after a reconnect must not have an event applied twice.
    const batch = received.filter((event) => !this.hasReached(event.position));
    if (batch.length === 0) return;
    if (this.observer) await this.observer.batch(this.name, batch, () => this.foldAndCommit(batch));
    else await this.foldAndCommit(batch);
  }

  private async foldAndCommit(batch: readonly RecordedEvent[]): Promise<void> {
    const touched = new Map<string, DocumentWrite>();
    /** Each touched document as read from the store before this batch: what its write is a change of. */
    const stored = new Map<string, Document | null>();
    for (const event of batch) {
      for (const projection of this.projectionsByType.get(event.type) ?? []) {
        for (const id of new Set(projection.documentIds(event))) {
          const key = `${projection.collection}\u0000${id}`;
          let current: Document | null;
          if (touched.has(key)) current = touched.get(key)!.doc;
          else if (this.documents.has(key)) {
            // Cached: what this projector last wrote, which a store may have skipped (MongoDB's size limit), so written whole.
            current = this.documents.get(key)!;
            stored.set(key, null);
          } else {
            current = await this.store.get(projection.collection, id);
            stored.set(key, current);
          }
          touched.set(key, { collection: projection.collection, id, doc: projection.evolve(current, event, id) });
        }
      }
    }
    const writes = [...touched].map(([key, write]) => withChangedFields(write, stored.get(key) ?? null));
    // Batches nothing handles are committed too, so the checkpoint (and the lag it
    // shows, and read-your-writes waits) keeps up with the head of the log.
    const last = batch[batch.length - 1];
    const checkpoint: Checkpoint = { position: last.position, eventCreatedAt: last.createdAt };
    // Fenced on the checkpoint this batch continues from: if a rebuild was switched in (or another
    // process runs this projector) nothing is written and follow() starts over from the stored one.
    try {
      await this.store.commitBatch(this.name, checkpoint, writes, this.committed?.position ?? null);
    } catch (error) {
      this.documents.clear();
      throw error;
    }
    this.remember(touched);
    this.settle(checkpoint);
  }

  /** Keeps the documents just committed, most recent last, dropping the least recently used beyond the cache's size. */
  private remember(written: Map<string, DocumentWrite>): void {
    if (this.documentCacheSize === 0) return;
    for (const [key, write] of written) {
      this.documents.delete(key);
      this.documents.set(key, write.doc);
    }
    for (const key of this.documents.keys()) {
      if (this.documents.size <= this.documentCacheSize) break;
      this.documents.delete(key);
    }
  }

  private hasReached(position: Position): boolean {
    return comparePositions(this.committed?.position ?? START, position) >= 0;
  }

  private settle(checkpoint: Checkpoint | null): void {
    this.committed = checkpoint;
    for (const waiter of this.waiters) if (this.hasReached(waiter.position)) waiter.settle(true);
  }

  private report(error: unknown): void {
    try {
      this.onError(error);
    } catch {
      // A failing error reporter must not stop the projector.
    }
  }
}

/**
 * How far a projector trails the log, read from the stores so any process can ask.
 * The lag is the age of the oldest event not yet applied: the age of the checkpointed
 * event would report an hour of lag for a projector that was idle for an hour and has
 * just been handed one new event.
 */
export async function projectorLag(args: {
  name: string;
  eventStore: EventStore;
  store: ReadModelStore;
  now?: Date;
}): Promise<ProjectorLag> {
  const [stored, head] = await Promise.all([args.store.getCheckpoint(args.name), args.eventStore.headPosition()]);
  const checkpoint = stored?.position ?? null;
  const behind = comparePositions(head, checkpoint ?? START) > 0;
  if (!behind) return { checkpoint, head, behind, seconds: 0 };
  const [oldestPending] = await args.eventStore.readAll({ after: checkpoint ?? START, maxCount: 1 });
  const now = args.now ?? new Date();
  const seconds = oldestPending ? Math.max(0, (now.getTime() - oldestPending.createdAt.getTime()) / 1000) : 0;
  return { checkpoint, head, behind, seconds };
}

/** The iterator's next event; a result abandoned on stop must not surface as an unhandled rejection. */
function nextOf(events: AsyncIterator<RecordedEvent>): Promise<IteratorResult<RecordedEvent>> {
  const next = events.next();
  next.catch(() => undefined);
  return next;
}

/** Resolves after the microtasks queued so far: events an iterator already holds arrive before it. */
function nextMacrotask(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(resolve, IDLE));
}

function delay(ms: number): Promise<typeof IDLE> {
  return new Promise((resolve) => setTimeout(resolve, ms, IDLE).unref());
}

function pause(ms: number, interrupted: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([elapsed, interrupted]).then(() => clearTimeout(timer));
}

/**
 * A write as the change it is: the top-level fields whose value is another one than in the stored
 * document, so the store can write those alone and a commit costs what the batch changed, not
 * what the document has accumulated. Projections are pure (`evolve` never changes the document it
 * is given and copies only what it changes), so a field holding the same value as before is
 * unchanged; a changed one may be listed without need, never missed. Written whole when there was
 * no stored document, when it is deleted, or when its fields are not the same in the same order
 * (a patch would move or leave them, and a rebuild writes documents in their own field order).
 */
export function withChangedFields(write: DocumentWrite, before: Document | null): DocumentWrite {
  const after = write.doc;
  if (before === null || after === null) return write;
  if (before === after) return { ...write, changedFields: [] };
  const fields = Object.keys(after);
  const beforeFields = Object.keys(before);
  if (fields.length !== beforeFields.length || fields.some((field, i) => field !== beforeFields[i])) return write;
  const changedFields = fields.filter((field) => after[field] !== before[field]);
  return changedFields.length === fields.length && fields.length > 0 ? write : { ...write, changedFields };
}
