import { SqliteDatabase } from './open-sqlite-database';

export interface GroupCommitOptions {
  /** Most units of work in one transaction; the rest wait for the next one (default 1000). */
  readonly maxBatch?: number;
}

export interface WorkOptions {
  /**
   * Whether the work needs its own savepoint (default true) so that, if it throws, only its own
   * writes are undone. Work that writes with a single statement after its checks can say false:
   * SQLite undoes a failed statement by itself, and a savepoint costs two statements more.
   */
  readonly savepoint?: boolean;
}

interface Pending {
  readonly work: () => unknown;
  readonly savepoint: boolean;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const DEFAULT_MAX_BATCH = 1000;

/**
 * Group commit on one connection: units of work queued in the same turn of the event loop run
 * in one `BEGIN IMMEDIATE … COMMIT`, so they share one fsync (synchronous=FULL) instead of
 * paying one each. Each unit keeps its own outcome: it runs in its own savepoint, and one that
 * throws is rolled back alone and rejected, while the others commit. Nothing is resolved before
 * COMMIT has returned, so an acknowledged write is a durable one; if BEGIN or COMMIT fails,
 * every unit of that transaction is rejected and none of its writes remain.
 *
 * better-sqlite3 is synchronous, so a transaction being committed blocks the thread: work that
 * arrives meanwhile (requests read off sockets) queues up in the next turn and goes into the next
 * transaction, which is what makes batches grow with load and stay at one unit when idle.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;
  private readonly maxBatch: number;
  private readonly commitBatch: (batch: Pending[]) => Outcome[];
  private readonly inSavepoint: (work: () => unknown) => unknown;

  constructor(
    readonly db: SqliteDatabase,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    // A transaction function called inside another becomes a SAVEPOINT (better-sqlite3).
    this.inSavepoint = db.transaction((work: () => unknown) => work());
    // IMMEDIATE takes the write lock up front: a deferred transaction that read first could not upgrade after another connection wrote.
    this.commitBatch = db.transaction((batch: Pending[]): Outcome[] =>
      batch.map((pending): Outcome => {
        try {
          return { ok: true, value: pending.savepoint ? this.inSavepoint(pending.work) : pending.work() };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    ).immediate;
  }

  /** Runs `work` inside the next shared write transaction; resolves with its result once that transaction is durable. */
  run<T>(work: () => T, options: WorkOptions = {}): Promise<T> {
    if (!this.db.open) return Promise.reject(new Error('the database connection is closed'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, savepoint: options.savepoint ?? true, resolve: resolve as (value: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // setImmediate, not a microtask: it runs after every socket read in this turn has queued its work.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits everything queued now (close() calls this so nothing queued is dropped). */
  flush(): void {
    this.scheduled = false;
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, this.maxBatch);
      this.queue = this.queue.slice(batch.length);
      let outcomes: Outcome[];
      try {
        outcomes = this.commitBatch(batch);
      } catch (error) {
        // BEGIN or COMMIT failed: the whole transaction was rolled back, so nobody's write is there.
        for (const pending of batch) pending.reject(error);
        continue;
      }
      outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(outcome.error)));
    }
  }
}
