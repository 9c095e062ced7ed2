import { openSqliteDatabase, SqliteGroupCommit } from '@shoplink/sqlite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from '../contract/idempotency-store.contract';
import { IdempotencyStore } from '../idempotency-store.port';
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
