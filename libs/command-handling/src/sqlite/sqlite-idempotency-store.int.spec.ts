import { openSqliteDatabase, SqliteGroupCommit } from '@shoplink/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from '../contract/idempotency-store.contract';
import { IdempotencyStore } from '../idempotency-store.port';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describeIdempotencyStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const filename = join(dir, 'shoplink.db');
  const opened: IdempotencyStore[] = [];
  const open = (): IdempotencyStore => {
    const store = new SqliteIdempotencyStore(filename);
    opened.push(store);
    return store;
  };
  return {
    store: open(),
    openAnother: async () => open(),
    cleanup: async () => {
      for (const store of opened) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// The same records written through a group commit whose transactions run on a worker thread.
describeIdempotencyStoreContract('SQLite, through a group commit on a worker thread', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
  const filename = join(dir, 'shoplink.db');
  const groupCommits: SqliteGroupCommit[] = [];
  const opened: IdempotencyStore[] = [];
  const open = (): IdempotencyStore => {
    const groupCommit = new SqliteGroupCommit(openSqliteDatabase(filename), { worker: true });
    groupCommits.push(groupCommit);
    const store = new SqliteIdempotencyStore(filename, { groupCommit });
    opened.push(store);
    return store;
  };
  return {
    store: open(),
    openAnother: async () => open(),
    cleanup: async () => {
      for (const store of opened) await store.close();
      for (const groupCommit of groupCommits) {
        await groupCommit.close();
        groupCommit.db.close();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
