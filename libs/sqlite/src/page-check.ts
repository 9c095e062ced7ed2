import Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** What SQLite's `PRAGMA quick_check` found in a data file. */
export interface PageCheck {
  /** True when SQLite answered `ok`: every page of every table and index is well formed. */
  readonly ok: boolean;
  /** SQLite's own lines naming what is malformed (at most `maxProblems`); empty when ok. */
  readonly problems: readonly string[];
  readonly durationMs: number;
}

/** At most this many lines are asked of SQLite: the first few say enough, and the check then stops early. */
const DEFAULT_MAX_PROBLEMS = 10;

/**
 * `PRAGMA quick_check` on its own read-only connection: the b-tree structure of every page (the
 * damage random bytes over a page do), without the slower cross-check of every index against its
 * table that `integrity_check` adds. A file so damaged that SQLite refuses to read it at all
 * (SQLITE_CORRUPT, SQLITE_NOTADB) is reported as malformed too; any other error (the file is
 * missing, locked too long) is thrown, since it says nothing about the pages.
 * Synchronous: for tools (the audit CLI); a service runs `checkPagesOffThread`.
 */
export function checkPages(file: string, maxProblems = DEFAULT_MAX_PROBLEMS): PageCheck {
  return runPageCheck(Database, file, maxProblems);
}

/**
 * The same check on a worker thread, so a large file (seconds: docs/reliability.md) does not hold
 * the event loop while the service answers liveness and readiness.
 */
export function checkPagesOffThread(file: string, maxProblems = DEFAULT_MAX_PROBLEMS): Promise<PageCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, maxProblems, driver: require.resolve('better-sqlite3') },
    });
    let settled = false;
    worker.once('message', (message: { check?: PageCheck; error?: { message: string; code?: string } }) => {
      settled = true;
      if (message.check) resolve(message.check);
      else reject(Object.assign(new Error(message.error?.message ?? 'the page check failed'), { code: message.error?.code }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the page check's thread exited (code ${code}) without an answer`));
    });
  });
}

/** Shipped to the worker as source text, so it is self-contained. */
function runPageCheck(Driver: typeof Database, file: string, maxProblems: number): PageCheck {
  const started = performance.now();
  const malformed = (error: unknown): boolean => {
    const code = (error as { code?: unknown } | null)?.code;
    return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
  };
  let db: Database.Database | null = null;
  try {
    db = new Driver(file, { readonly: true, fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    const rows = db.pragma(`quick_check(${Math.max(1, Math.floor(maxProblems))})`) as { quick_check: string }[];
    const lines = rows.map((row) => row.quick_check);
    const ok = lines.length === 1 && lines[0] === 'ok';
    return { ok, problems: ok ? [] : lines, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    if (!malformed(error)) throw error;
    return { ok: false, problems: [(error as Error).message], durationMs: Math.round(performance.now() - started) };
  } finally {
    db?.close();
  }
}

const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const runPageCheck = ${runPageCheck.toString()};
try {
  parentPort.postMessage({ check: runPageCheck(require(workerData.driver), workerData.file, workerData.maxProblems) });
} catch (error) {
  parentPort.postMessage({ error: { message: String(error && error.message), code: error && error.code } });
}
`;
