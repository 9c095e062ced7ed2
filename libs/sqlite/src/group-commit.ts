import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { SqliteDatabase } from './open-sqlite-database';
import { storageFailureOf } from './storage-errors';

export interface GroupCommitOptions {
  /** Most units of work in one transaction; the rest wait for the next one (default 1000). */
  readonly maxBatch?: number;
  /**
   * Commit on a worker thread with a connection of its own (default no; never for an in-memory
   * database, which no second connection can see). In-thread commits block the event loop for the
   * COMMIT and its fsync; on a worker the fsync no longer does, but every transaction costs two
   * thread hops and a structured clone of its arguments, which on a machine with fast fsyncs and
   * few cores costs more than it saves (docs/performance.md).
   */
  readonly worker?: boolean;
}

export interface WorkOptions {
  /**
   * Whether the work needs its own savepoint (default true) so that, if it throws, only its own
   * writes are undone. Work that writes with a single statement after its checks can say false:
   * SQLite undoes a failed statement by itself, and a savepoint costs two statements more.
   */
  readonly savepoint?: boolean;
}

/** What a procedure gets: the writing connection, and its statements prepared once and kept. */
export interface SqlContext {
  readonly db: SqliteDatabase;
  prepare(source: string): Database.Statement<unknown[], any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * A unit of work run inside the shared write transaction. It is shipped to the writer thread as
 * source text, so it must be self-contained: it may use its arguments (structured-cloneable
 * values), the context and JavaScript's globals, nothing imported or closed over. Errors it throws
 * come back as plain `Error`s carrying their own enumerable properties (`code`, a `kind` the caller
 * maps to its own error classes, …).
 */
export type Procedure<A extends unknown[], R> = (sql: SqlContext, ...args: A) => R;

interface Unit {
  readonly name: string;
  readonly args: unknown[];
  readonly savepoint: boolean;
}
interface Pending extends Unit {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}
interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly props: Record<string, unknown>;
}
type Outcome = { ok: true; value: unknown } | { ok: false; error: SerializedError };
type BatchResult = { outcomes: Outcome[] } | { failed: SerializedError };
interface BatchRunner {
  define(name: string, source: string): void;
  run(units: readonly Unit[]): BatchResult;
}

const DEFAULT_MAX_BATCH = 1000;
/** Transactions sent to the writer thread ahead of their answers (see mayDispatch). */
const MAX_IN_FLIGHT = 2;

/**
 * The transaction itself, the same in both modes. Shipped to the writer thread as source text
 * (see WORKER_SOURCE), so it is self-contained too.
 */
function createBatchRunner(db: SqliteDatabase): BatchRunner {
  const statements = new Map<string, Database.Statement<unknown[], any>>(); // eslint-disable-line @typescript-eslint/no-explicit-any
  const context: SqlContext = {
    db,
    prepare(source: string) {
      let statement = statements.get(source);
      if (statement === undefined) {
        statement = db.prepare(source);
        statements.set(source, statement);
      }
      return statement;
    },
  };
  const procedures = new Map<string, (sql: SqlContext, ...args: unknown[]) => unknown>();
  const serialize = (error: unknown): SerializedError => {
    // Not `instanceof Error`: an error made in another realm (a test sandbox, a native addon's
    // context) fails that test and would lose its `code`.
    if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
      const props: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(error)) props[key] = value;
      const { name, message } = error as { name?: unknown; message: string };
      return { name: typeof name === 'string' ? name : 'Error', message, props };
    }
    return { name: 'Error', message: String(error), props: {} };
  };
  const call = (unit: Unit): unknown => {
    const procedure = procedures.get(unit.name);
    if (procedure === undefined) throw new Error(`no procedure named ${unit.name} was defined`);
    return procedure(context, ...unit.args);
  };
  // A transaction function called inside another becomes a SAVEPOINT (better-sqlite3).
  const inSavepoint = db.transaction((unit: Unit) => call(unit));
  // IMMEDIATE takes the write lock up front: a deferred transaction that read first could not upgrade after another connection wrote.
  const commitBatch = db.transaction((units: readonly Unit[]): Outcome[] =>
    units.map((unit): Outcome => {
      try {
        return { ok: true, value: unit.savepoint ? inSavepoint(unit) : call(unit) };
      } catch (error) {
        // After some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM) SQLite rolls the whole transaction
        // back by itself: the units before this one are undone, and those after would run outside any
        // transaction. The batch then fails whole, so no unit is answered as committed that is not.
        if (!db.inTransaction) throw error;
        return { ok: false, error: serialize(error) };
      }
    }),
  ).immediate;
  return {
    define(name, source) {
      procedures.set(name, new Function(`return (${source});`)());
    },
    run(units) {
      try {
        return { outcomes: commitBatch(units) };
      } catch (error) {
        // BEGIN or COMMIT failed: the whole transaction was rolled back, so nobody's write is there.
        return { failed: serialize(error) };
      }
    },
  };
}

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = 5000');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
// No table declares a foreign key today; the writer enforces any that one would (the stricter choice).
db.pragma('foreign_keys = ON');
const createBatchRunner = ${createBatchRunner.toString()};
const runner = createBatchRunner(db);
parentPort.on('message', (message) => {
  if (message.type === 'define') runner.define(message.name, message.source);
  else if (message.type === 'batch') parentPort.postMessage(runner.run(message.units));
  else if (message.type === 'close') {
    db.close();
    parentPort.close();
  }
});
`;

/** The error as thrown on the writer's side; a full disk or a malformed page as its typed error (storage-errors.ts). */
function deserialize(error: SerializedError): Error {
  const revived = Object.assign(new Error(error.message), error.props);
  if (error.name !== 'Error') Object.defineProperty(revived, 'name', { value: error.name, configurable: true, writable: true });
  return storageFailureOf(revived) ?? revived;
}

/**
 * Group commit: units of work queued while the previous transaction commits (or, when idle, in
 * the same turn of the event loop) run in one `BEGIN IMMEDIATE … COMMIT`, so they share one fsync
 * (synchronous=FULL) instead of paying one each. Each unit keeps its own outcome: it runs in its
 * own savepoint, and one that throws is rolled back alone and rejected, while the others commit.
 * Nothing is resolved before COMMIT has returned, so an acknowledged write is a durable one; if
 * BEGIN or COMMIT fails, every unit of that transaction is rejected and none of its writes remain.
 *
 * With `worker: true` the transaction runs on a worker thread with its own connection to the same
 * file, so the COMMIT and its fsync no longer block the event loop; `db` (the caller's connection)
 * stays for reads (WAL readers see every committed transaction) and schema. Otherwise it runs on
 * `db`, blocking this thread. Either way, what arrives while a transaction commits forms the next
 * batch, so batches grow with load and stay at one unit when idle. Work is named procedures (see
 * `Procedure`), defined once and then called with arguments, since a closure cannot cross threads.
 */
export class SqliteGroupCommit {
  private queue: Pending[] = [];
  /** Transactions sent to the writer and not yet answered, oldest first (the writer runs them in order). */
  private inFlight: Pending[][] = [];
  private scheduled = false;
  private broken: Error | null = null;
  private closing: Promise<void> | null = null;
  private idleWaiters: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly worker: Worker | null;
  private readonly local: BatchRunner | null;
  private readonly defined = new Set<string>();

  constructor(
    readonly db: SqliteDatabase,
    options: GroupCommitOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
    if ((options.worker ?? false) && !db.memory) {
      this.local = null;
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { filename: db.name, driver: require.resolve('better-sqlite3') },
      });
      this.worker.on('message', (result: BatchResult) => this.settle(result));
      this.worker.on('error', (error) => this.fail(error));
      this.worker.on('exit', (code) => {
        if (this.closing === null) this.fail(new Error(`the group commit's writer thread exited (code ${code})`));
      });
      // Idle, the writer thread does not keep the process alive; it does while a transaction is in flight.
      this.worker.unref();
    } else {
      this.worker = null;
      this.local = createBatchRunner(db);
    }
  }

  /**
   * Defines a named unit of work (see `Procedure`) and returns its caller: each call runs it in the
   * next shared write transaction, and resolves with its result once that transaction is durable.
   */
  procedure<A extends unknown[], R>(name: string, procedure: Procedure<A, R>): (args: A, options?: WorkOptions) => Promise<R> {
    if (!this.defined.has(name)) {
      this.defined.add(name);
      const source = procedure.toString();
      if (this.worker) this.worker.postMessage({ type: 'define', name, source });
      else this.local!.define(name, source);
    }
    return (args, options = {}) => this.run(name, args, options.savepoint ?? true) as Promise<R>;
  }

  /**
   * Runs `work` synchronously on this thread while no transaction of the group commit is in flight
   * (at once if none is), before the next one starts: another writer on the same file then never
   * waits for the group commit's lock, nor it for theirs.
   */
  whenIdle<T>(work: () => T): Promise<T> {
    if (this.inFlight.length === 0) return Promise.resolve().then(() => (this.inFlight.length === 0 ? work() : this.whenIdle(work)));
    return new Promise<T>((resolve, reject) =>
      this.idleWaiters.push(() => {
        try {
          resolve(work());
        } catch (error) {
          reject(error);
        }
      }),
    );
  }

  /** Resolves once everything queued now has been committed and answered. */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight.length > 0) {
      if (this.inFlight.length === 0) this.dispatch();
      else await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }
  }

  /** Commits and answers what is queued, then stops the writer thread (the caller closes `db`). */
  close(): Promise<void> {
    if (this.closing === null) {
      this.closing = (async () => {
        await this.flush();
        this.broken ??= new Error('the group commit is closed');
        if (this.worker) {
          const exited = new Promise<void>((resolve) => this.worker!.once('exit', () => resolve()));
          this.worker.ref();
          this.worker.postMessage({ type: 'close' });
          await exited;
        }
      })();
    }
    return this.closing;
  }

  private run(name: string, args: unknown[], savepoint: boolean): Promise<unknown> {
    if (this.broken) return Promise.reject(this.broken);
    if (!this.db.open) return Promise.reject(new Error('the database connection is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ name, args, savepoint, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || !this.mayDispatch()) return;
    this.scheduled = true;
    // setImmediate, not a microtask: it runs after every socket read in this turn has queued its work.
    setImmediate(() => {
      this.scheduled = false;
      this.dispatch();
    });
  }

  /**
   * The next transaction may be sent while one is in flight (the writer then starts it as soon as
   * the previous one has committed, without waiting for this thread to hear of it), but no more
   * than one ahead, and none while someone waits for a quiet moment (whenIdle, flush).
   */
  private mayDispatch(): boolean {
    if (this.queue.length === 0) return false;
    if (this.local) return this.inFlight.length === 0;
    return this.inFlight.length === 0 || (this.inFlight.length < MAX_IN_FLIGHT && this.idleWaiters.length === 0);
  }

  private dispatch(): void {
    if (!this.mayDispatch()) return;
    const batch = this.queue.slice(0, this.maxBatch);
    this.queue = this.queue.slice(batch.length);
    this.inFlight.push(batch);
    const units: Unit[] = batch.map(({ name, args, savepoint }) => ({ name, args, savepoint }));
    if (this.local) {
      this.settle(this.local.run(units));
      return;
    }
    this.worker!.ref();
    try {
      this.worker!.postMessage({ type: 'batch', units });
    } catch (error) {
      // An argument that cannot be cloned: nothing was sent, so nothing was written.
      this.settle({ failed: { name: 'Error', message: (error as Error).message, props: {} } });
    }
  }

  private settle(result: BatchResult): void {
    const batch = this.inFlight.shift();
    if (batch === undefined) return;
    if (this.worker && this.queue.length === 0 && this.inFlight.length === 0) this.worker.unref();
    if ('failed' in result) {
      for (const pending of batch) pending.reject(deserialize(result.failed));
    } else {
      result.outcomes.forEach((outcome, i) => (outcome.ok ? batch[i].resolve(outcome.value) : batch[i].reject(deserialize(outcome.error))));
    }
    // Other writers waiting for a quiet moment go now, before the next transaction starts.
    if (this.inFlight.length === 0) for (const waiter of this.idleWaiters.splice(0)) waiter();
    this.schedule();
  }

  private fail(error: Error): void {
    this.broken ??= error;
    const pendings = [...this.inFlight.splice(0).flat(), ...this.queue.splice(0)];
    for (const pending of pendings) pending.reject(error);
    for (const waiter of this.idleWaiters.splice(0)) waiter();
  }
}
