import { Binary, MongoClient } from 'mongodb';
import { MongoPersonalDataKeys } from './mongodb-personal-data-keys';

/**
 * Unit tests over a small fake of the driver's collection object (no MongoDB server): what the
 * adapter does with the driver's answers. The behaviour against a real server is in the
 * contract suite (libs/storage/src/server-contracts.int.spec.ts, with MONGODB_URI).
 */
class FakeKeyCollection {
  readonly documents = new Map<string, Record<string, unknown>>();
  createIndexCalls = 0;
  constructor(private readonly createIndexFailures: number) {}

  createIndex(): Promise<string> {
    this.createIndexCalls += 1;
    if (this.createIndexCalls <= this.createIndexFailures) return Promise.reject(new Error('connect ECONNREFUSED (fake)'));
    return Promise.resolve('one_live_key_per_shop');
  }

  findOne(filter: { _id?: string; shopId?: string }): Promise<Record<string, unknown> | null> {
    for (const document of this.documents.values()) {
      if (filter._id !== undefined && document._id === filter._id) return Promise.resolve(document);
      if (filter.shopId !== undefined && document.shopId === filter.shopId && document.live === true) return Promise.resolve(document);
    }
    return Promise.resolve(null);
  }

  insertOne(document: Record<string, unknown>): Promise<unknown> {
    this.documents.set(document._id as string, document);
    return Promise.resolve({ acknowledged: true });
  }
}

function keysOver(collection: FakeKeyCollection): MongoPersonalDataKeys {
  const client = { db: () => ({ collection: () => collection }) } as unknown as MongoClient;
  return new MongoPersonalDataKeys(client, 'test', async () => undefined);
}

describe('MongoPersonalDataKeys over a fake collection (unit, no server)', () => {
  it('tries the index again after a createIndex that failed, instead of failing every later call until a restart', async () => {
    const collection = new FakeKeyCollection(1);
    const keys = keysOver(collection);

    await expect(keys.activeKey('shop-1')).rejects.toThrow('ECONNREFUSED');
    const key = await keys.activeKey('shop-1');

    expect(key.key).toHaveLength(32);
    expect(collection.createIndexCalls).toBe(2);
    // Once created, the index is not asked for again.
    await keys.activeKey('shop-1');
    expect(collection.createIndexCalls).toBe(2);
  });

  it('reads the key bytes through Binary.value(): exactly the stored bytes, even from a Binary with spare capacity', async () => {
    const collection = new FakeKeyCollection(0);
    const bytes = Buffer.alloc(32, 7);
    const binary = new Binary(Buffer.alloc(64, 1)); // 64 bytes allocated ...
    binary.position = 0;
    binary.write(bytes, 0); // ... 32 of them written
    collection.documents.set('k-1', { _id: 'k-1', shopId: 'shop-1', key: binary, live: true, createdAt: new Date() });
    const keys = keysOver(collection);

    expect(await keys.findKey('k-1')).toEqual(bytes);
    expect((await keys.activeKey('shop-1')).key).toEqual(bytes);
  });
});
