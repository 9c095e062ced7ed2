import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';

/** Refused: another process holds the data file's writer lock. */
export class WriterLockHeldError extends Error {
  constructor(
    readonly lockFile: string,
    /** What the holder wrote beside the lock ("pid 123, api, started 2026-…"), or null when it wrote nothing readable. */
    readonly holder: string | null,
  ) {
    super(`another process holds the writer lock ${lockFile}${holder ? ` (${holder})` : ' (holder unknown)'}`);
    this.name = 'WriterLockHeldError';
  }
}

/**
 * The connections holding locks: kept reachable here, so a caller that drops the WriterLock (a main
 * that only takes it) does not lose the lock when the garbage collector closes the connection.
 */
const HELD = new Set<Database.Database>();

export interface WriterLock {
  readonly lockFile: string;
  /** Lets go of the lock (the OS also does when the process ends, however it ends). */
  release(): void;
}

/** The lock file of a data file: `<data file>.writer-lock`; the holder's pid and start time are in `<lock file>.holder`. */
export function writerLockFileOf(dataFile: string): string {
  return `${dataFile}.writer-lock`;
}

/**
 * One writer process per data file: an exclusive lock held until release() or the end of the
 * process. The lock is a small SQLite database beside the data file, opened in exclusive locking
 * mode with a write transaction begun and never ended: SQLite then holds an fcntl write lock on
 * it, which a second process (or a second connection in this one) cannot take, and which the
 * kernel drops when the process exits, even by kill -9, so no stale lock is ever left. Nothing
 * is written to the lock database. `role` ("api", "projector") goes into the holder's note.
 *
 * Throws WriterLockHeldError when another holds it; other errors (a directory that cannot be
 * written, say) as SQLite or the file system raise them.
 */
export function acquireWriterLock(dataFile: string, role: string): WriterLock {
  const lockFile = writerLockFileOf(dataFile);
  const db = new Database(lockFile);
  try {
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    // Nothing is ever written: no journal file beside it (an exclusive transaction would otherwise create one).
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if (isBusy(error)) throw new WriterLockHeldError(lockFile, holderOf(lockFile));
    throw error;
  }
  const holderFile = `${lockFile}.holder`;
  try {
    writeFileSync(holderFile, `pid ${process.pid}, ${role}, started ${new Date().toISOString()}\n`);
  } catch (error) {
    db.close();
    throw error;
  }
  HELD.add(db);
  let held = true;
  return {
    lockFile,
    release: () => {
      if (!held) return;
      held = false;
      HELD.delete(db);
      // Closing the connection ends the transaction and lets go of the fcntl lock. The holder note stays: it
      // is only read to name the holder when the lock is refused.
      db.close();
    },
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function holderOf(lockFile: string): string | null {
  try {
    const text = readFileSync(`${lockFile}.holder`, 'utf8').trim();
    return text === '' ? null : text.slice(0, 200);
  } catch {
    return null;
  }
}
