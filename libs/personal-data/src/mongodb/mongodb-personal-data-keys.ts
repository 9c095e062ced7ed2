import { randomBytes } from 'node:crypto';
import { Binary, Collection, MongoClient, MongoServerError } from 'mongodb';
import { DataKey, PersonalDataKeys } from '../personal-data-keys.port';

interface KeyDocument {
  _id: string;
  shopId: string;
  /** Present while the key is live; removed (with `live`) when destroyed. */
  key?: Binary;
  live?: true;
  createdAt: Date;
  destroyedAt?: Date;
}

export const PERSONAL_DATA_KEYS_COLLECTION = 'personal_data_keys';

/**
 * Keys in MongoDB, at majority. A unique partial index on live keys makes two API instances
 * creating a shop's first key at once agree on one. MongoDB may keep a destroyed key's old
 * bytes in its storage files and oplog until they are compacted and rolled over: operators
 * size the oplog window accordingly (docs/personal-data.md).
 */
export class MongoPersonalDataKeys implements PersonalDataKeys {
  private readonly keys: Collection<KeyDocument>;
  private indexed: Promise<unknown> | null = null;

  constructor(
    private readonly client: MongoClient,
    database: string,
    private readonly release?: () => Promise<void>,
  ) {
    this.keys = client.db(database).collection<KeyDocument>(PERSONAL_DATA_KEYS_COLLECTION, {
      readConcern: { level: 'majority' },
      writeConcern: { w: 'majority', journal: true },
    });
  }

  async activeKey(shopId: string): Promise<DataKey> {
    await this.ensureIndex();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const live = await this.keys.findOne({ shopId, live: true });
      if (live?.key !== undefined) return { keyId: live._id, key: Buffer.from(live.key.value()) };
      const created = { keyId: randomBytes(9).toString('base64url'), key: randomBytes(32) };
      try {
        await this.keys.insertOne({ _id: created.keyId, shopId, key: new Binary(created.key), live: true, createdAt: new Date() });
        return created;
      } catch (error) {
        // Another instance created the shop's key first: use that one.
        if (!(error instanceof MongoServerError && error.code === 11000)) throw error;
      }
    }
    throw new Error(`could not create or read the personal data key of shop ${shopId}`);
  }

  async findKey(keyId: string): Promise<Buffer | null> {
    const document = await this.keys.findOne({ _id: keyId });
    return document?.key === undefined ? null : Buffer.from(document.key.value());
  }

  async destroyKeys(shopId: string): Promise<number> {
    const { modifiedCount } = await this.keys.updateMany(
      { shopId, live: true },
      { $unset: { key: '', live: '' }, $set: { destroyedAt: new Date() } },
    );
    return modifiedCount;
  }

  async close(): Promise<void> {
    await (this.release ? this.release() : this.client.close());
  }

  /** Created once per process; a failure (MongoDB not reachable yet) is forgotten, so the next call tries again. */
  private ensureIndex(): Promise<unknown> {
    this.indexed ??= this.keys
      .createIndex({ shopId: 1 }, { unique: true, partialFilterExpression: { live: true }, name: 'one_live_key_per_shop' })
      .catch((error: unknown) => {
        this.indexed = null;
        throw error;
      });
    return this.indexed;
  }
}
