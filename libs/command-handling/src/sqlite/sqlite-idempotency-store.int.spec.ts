import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IdempotencyRecord } from '../idempotency-store.port';
import { SqliteIdempotencyStore } from './sqlite-idempotency-store';

describe('SqliteIdempotencyStore', () => {
  let dir: string;
  let filename: string;
  let store: SqliteIdempotencyStore;

  const first: IdempotencyRecord = {
    key: '6f1c2a4e-7b0d-4d7e-9a51-2f3c8e1b0a99',
    requestHash: 'sha256:aaa',
    statusCode: 201,
    body: { streamId: 'shop-s-1', revision: 0, position: '18446744073709551615', events: [{ id: 'e-1', type: 'ShopRegistered' }] },
    createdAt: new Date('2025-03-01T10:00:00.123Z'),
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'idempotency-'));
    filename = join(dir, 'shoplink.db');
    store = new SqliteIdempotencyStore(filename);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds nothing for an unknown key', async () => {
    expect(await store.find('unknown')).toBeNull();
  });

  it('gives back the saved record as it was saved', async () => {
    await store.save(first);

    expect(await store.find(first.key)).toEqual(first);
  });

  it('keeps the first answer when the same key is saved again', async () => {
    await store.save(first);
    await store.save({ ...first, requestHash: 'sha256:bbb', statusCode: 409, body: { code: 'CONCURRENCY_CONFLICT' } });

    expect(await store.find(first.key)).toEqual(first);
  });

  it('tells an answer without body from a JSON null body', async () => {
    await store.save({ ...first, key: 'no-body', statusCode: 204, body: undefined });
    await store.save({ ...first, key: 'null-body', body: null });

    expect((await store.find('no-body'))?.body).toBeUndefined();
    expect((await store.find('null-body'))?.body).toBeNull();
  });

  it('keeps records when reopened, shared by every connection to the file', async () => {
    await store.save(first);
    const other = new SqliteIdempotencyStore(filename);
    await other.save({ ...first, statusCode: 500 });
    await other.close();
    await store.close();

    store = new SqliteIdempotencyStore(filename);
    expect(await store.find(first.key)).toEqual(first);
  });
});
