import { MongoClient } from 'mongodb';
import { IDEMPOTENCY_RETENTION_MS } from '../idempotency-store.port';
import { MongoIdempotencyStore } from './mongodb-idempotency-store';

/** Unit tests over a small fake of the driver's collection object (no server); the contract suite runs against MONGODB_URI. */
function fakeCollection(createIndexFailures: number) {
  const calls = { createIndex: [] as unknown[][], findOne: [] as unknown[] };
  let failures = createIndexFailures;
  const collection = {
    createIndex: (...args: unknown[]) => {
      calls.createIndex.push(args);
      return failures-- > 0 ? Promise.reject(new Error('not reachable (fake)')) : Promise.resolve('expire_after_retention');
    },
    insertOne: () => Promise.resolve({ acknowledged: true }),
    findOne: (filter: unknown) => {
      calls.findOne.push(filter);
      return Promise.resolve(null);
    },
  };
  const client = { db: () => ({ collection: () => collection }) } as unknown as MongoClient;
  return { calls, store: new MongoIdempotencyStore(client, 'test', { release: async () => undefined }) };
}

const record = { key: 'k-1', requestHash: 'sha256:a', statusCode: 201, body: null, createdAt: new Date() };

describe('MongoIdempotencyStore over a fake collection (unit, no server)', () => {
  it('creates the TTL index on the first save, again after a failure, then never again', async () => {
    const { calls, store } = fakeCollection(1);
    await expect(store.save(record)).rejects.toThrow('not reachable');
    await store.save(record);
    await store.save(record);
    expect(calls.createIndex).toEqual([
      [{ createdAt: 1 }, { name: 'expire_after_retention', expireAfterSeconds: IDEMPOTENCY_RETENTION_MS / 1000 }],
      [{ createdAt: 1 }, { name: 'expire_after_retention', expireAfterSeconds: IDEMPOTENCY_RETENTION_MS / 1000 }],
    ]);
  });

  it('finds only records within the retention window (the TTL monitor deletes the others within about a minute)', async () => {
    const { calls, store } = fakeCollection(0);
    const before = Date.now();
    await store.find('k-1');
    const filter = calls.findOne[0] as { _id: string; createdAt: { $gte: Date } };
    expect(filter._id).toBe('k-1');
    expect(before - IDEMPOTENCY_RETENTION_MS - filter.createdAt.$gte.getTime()).toBeLessThanOrEqual(0);
    expect(Date.now() - IDEMPOTENCY_RETENTION_MS - filter.createdAt.$gte.getTime()).toBeGreaterThanOrEqual(0);
  });
});
