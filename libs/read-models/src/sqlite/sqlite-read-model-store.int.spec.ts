import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionAt } from '@shoplink/event-store';
import { describeReadModelStoreContract } from '../contract/read-model-store.contract';
import { SqliteReadModelStore } from './sqlite-read-model-store';

function temporaryDatabaseFile(): { filename: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'read-models-'));
  return { filename: join(dir, 'shoplink.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

describeReadModelStoreContract('SQLite', async () => {
  const file = temporaryDatabaseFile();
  let store = new SqliteReadModelStore(file.filename);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = new SqliteReadModelStore(file.filename);
      return store;
    },
    cleanup: async () => {
      await store.close();
      file.remove();
    },
  };
});

describe('SqliteReadModelStore', () => {
  let file: ReturnType<typeof temporaryDatabaseFile>;
  const checkpoint = { position: positionAt(41), eventCreatedAt: new Date('2025-03-01T10:00:00.000Z') };

  beforeEach(() => {
    file = temporaryDatabaseFile();
  });

  afterEach(() => {
    file.remove();
  });

  it('forgets every checkpoint when the documents table was dropped, so projectors rebuild', async () => {
    const store = new SqliteReadModelStore(file.filename);
    await store.commitBatch('shop-status', checkpoint, [{ collection: 'shops', id: 's-1', doc: { v: 1 } }]);
    await store.close();

    const raw = new Database(file.filename);
    raw.exec('DROP TABLE read_model_documents');
    raw.close();

    const reopened = new SqliteReadModelStore(file.filename);
    expect(await reopened.getCheckpoint('shop-status')).toBeNull();
    expect(await reopened.all('shops')).toEqual([]);
    await reopened.close();
  });

  it('keeps checkpoints when reopened with its tables intact', async () => {
    const store = new SqliteReadModelStore(file.filename);
    await store.commitBatch('shop-status', checkpoint, []);
    const second = new SqliteReadModelStore(file.filename);

    expect(await second.getCheckpoint('shop-status')).toEqual(checkpoint);
    await Promise.all([store.close(), second.close()]);
  });

  it('refuses a number JSON would silently turn into null', async () => {
    const store = new SqliteReadModelStore(file.filename);

    await expect(store.commitBatch('p', checkpoint, [{ collection: 'shops', id: 's-1', doc: { ratio: Number.NaN } }])).rejects.toThrow(
      TypeError,
    );
    expect(await store.getCheckpoint('p')).toBeNull();
    await store.close();
  });

  it('treats a dotted field name as one top-level key', async () => {
    const store = new SqliteReadModelStore(file.filename);
    await store.commitBatch('p', checkpoint, [
      { collection: 'shops', id: 's-1', doc: { 'a.b': 'x' } },
      { collection: 'shops', id: 's-2', doc: { a: { b: 'x' } } },
    ]);

    expect(await store.findBy('shops', 'a.b', 'x')).toEqual([{ 'a.b': 'x' }]);
    await store.close();
  });
});
