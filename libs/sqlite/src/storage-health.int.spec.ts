import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteGroupCommit } from './group-commit';
import { openSqliteDatabase } from './open-sqlite-database';
import { checkPages, checkPagesOffThread } from './page-check';
import { StorageCorruptError, storageFailureOf, StorageFullError } from './storage-errors';
import { sqliteWriteProbe } from './write-probe';

/** A file with a table and an index of some pages, checkpointed, its index's root page number and the page size. */
function fileWithIndex(file: string): { root: number; pageSize: number } {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (k TEXT, n INTEGER, UNIQUE (k, n))');
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)');
  db.transaction(() => {
    for (let n = 0; n < 2_000; n++) insert.run(`stream-${n % 50}`, n);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index'").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  return { root: rootpage, pageSize };
}

function scribble(file: string, page: number, pageSize: number): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

describe('the data file fails: page check, typed errors, write probe', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sqlite-health-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('quick_check finds random bytes over an index page that an ordinary start never reads, on this thread and off it', async () => {
    const file = join(dir, 'data.db');
    const { root, pageSize } = fileWithIndex(file);
    expect(checkPages(file)).toMatchObject({ ok: true, problems: [] });
    scribble(file, root, pageSize);
    // Opening and reading the table alone does not notice.
    const db = new Database(file, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n).toBe(2_000);
    db.close();
    const here = checkPages(file);
    expect(here.ok).toBe(false);
    expect(here.problems.length).toBeGreaterThan(0);
    const offThread = await checkPagesOffThread(file);
    expect(offThread).toMatchObject({ ok: false, problems: here.problems });
  });

  it('answers the driver errors of a full disk and a malformed page as typed errors, and nothing else', () => {
    expect(storageFailureOf(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBeInstanceOf(
      StorageFullError,
    );
    expect(storageFailureOf(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBeInstanceOf(StorageFullError);
    expect(storageFailureOf(Object.assign(new Error('malformed'), { code: 'SQLITE_CORRUPT_INDEX' }))).toBeInstanceOf(StorageCorruptError);
    expect(storageFailureOf(Object.assign(new Error('unique'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
    expect(storageFailureOf(new Error('plain'))).toBeNull();
  });

  it.each([false, true])(
    'fails a whole batch when a unit leaves SQLite with its transaction rolled back (writer thread: %s)',
    async (worker) => {
      const db = openSqliteDatabase(join(dir, 'data.db'));
      db.exec('CREATE TABLE t (x TEXT)');
      const commit = new SqliteGroupCommit(db, { worker });
      const insert = commit.procedure('t.insert', (sql, x: string) => void sql.prepare('INSERT INTO t VALUES (?)').run(x));
      // What SQLite does by itself after SQLITE_FULL or SQLITE_IOERR: the transaction is gone when the error arrives.
      const rollback = commit.procedure('t.rollback', (sql) => {
        sql.db.exec('ROLLBACK');
        throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      });
      const outcomes = await Promise.allSettled([insert(['before']), rollback([], { savepoint: false }), insert(['after'])]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(StorageFullError);
      await commit.close();
      // Nothing answered as failed was kept, and nothing ran outside a transaction.
      expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
      db.close();
    },
  );

  it('probes with a tiny write when there is room, and refuses as full below the free-space margin', async () => {
    const db = openSqliteDatabase(join(dir, 'data.db'));
    const commit = new SqliteGroupCommit(db);
    await sqliteWriteProbe(commit)();
    expect(db.prepare('SELECT id FROM storage_probe').all()).toEqual([{ id: 1 }]);
    await sqliteWriteProbe(commit)();
    expect(db.prepare('SELECT count(*) AS n FROM storage_probe').get()).toEqual({ n: 1 });
    await expect(sqliteWriteProbe(commit, Number.MAX_SAFE_INTEGER)()).rejects.toBeInstanceOf(StorageFullError);
    await commit.close();
    db.close();
  });
});
