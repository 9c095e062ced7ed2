import { openSqliteDatabase, SqliteGroupCommit } from '@shoplink/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from '../contract/idempotency-store.contract';
import { IDEMPOTENCY_RETENTION_MS, IdempotencyStore } from '../idempotency-store.port';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';
import { closingAll } from '@shoplink/event-store/testing/closing-all';

describeIdempotencyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const filename = join(dir, 'shoplink.db');
  const stores = closingAll((): IdempotencyStore => new SqliteIdempotencyStore(filename));
  return {
    store: stores.open(),
    openAnother: async () => stores.open(),
    cleanup: async () => {
      await stores.closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The same records written through a group commit whose transactions run on a worker thread.
describeIdempotencyStoreContract('SQLite, through a group commit on a worker thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const filename = join(dir, 'shoplink.db');
  const groupCommits: SqliteGroupCommit[] = [];
  const stores = closingAll((): IdempotencyStore => {
    const groupCommit = new SqliteGroupCommit(openSqliteDatabase(filename), { worker: true });
    groupCommits.push(groupCommit);
    return new SqliteIdempotencyStore(filename, { groupCommit });
  });
  return {
    store: stores.open(),
    openAnother: async () => stores.open(),
    cleanup: async () => {
      await stores.closeAll();
      for (const groupCommit of groupCommits) {
        await groupCommit.close();
        groupCommit.db.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteIdempotencyStore retention', () => {
  it('deletes records older than the retention window after a save, and keeps recent ones', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
    const filename = join(dir, 'shoplink.db');
    const store = new SqliteIdempotencyStore(filename, { pruneIntervalMs: 0 });
    const record = (key: string, ageMs: number) => ({
      key,
      requestHash: 'sha256:aaa',
      statusCode: 201,
      body: { ok: true },
      createdAt: new Date(Date.now() - ageMs),
    });
    try {
      await store.save(record('old-1', IDEMPOTENCY_RETENTION_MS + 86_400_000));
      await store.save(record('old-2', IDEMPOTENCY_RETENTION_MS + 1_000));
      await store.save(record('recent', 60_000));

      const db = openSqliteDatabase(filename);
      try {
        const keys = db.prepare<[], { key: string }>('SELECT key FROM idempotency_records ORDER BY key').all();
        expect(keys.map((row) => row.key)).toEqual(['recent']);
      } finally {
        db.close();
      }
      expect(await store.find('recent')).not.toBeNull();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
