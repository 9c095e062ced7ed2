import { Collection, MongoClient } from 'mongodb';
import { IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';
import {
  fromIdempotencyDocument,
  IDEMPOTENCY_RECORDS,
  IdempotencyDocument,
  isDuplicateKeyError,
  toIdempotencyDocument,
} from './mongodb-idempotency-records';

export interface MongoIdempotencyStoreOptions {
  /** Called by close() instead of closing the client, when the client is shared (the composition root passes one). */
  readonly release?: () => Promise<void>;
}

/**
 * The first answer to each Idempotency-Key, in MongoDB. Written at majority and read at majority,
 * so a retry reaching another API instance, even after a failover, finds the answer given first.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<IdempotencyDocument>;
  private closed = false;

  constructor(
    private readonly client: MongoClient,
    database: string,
    private readonly options: MongoIdempotencyStoreOptions = {},
  ) {
    this.records = client.db(database).collection<IdempotencyDocument>(IDEMPOTENCY_RECORDS, {
      readConcern: { level: 'majority' },
      writeConcern: { w: 'majority', journal: true },
    });
  }

  async find(key: string): Promise<IdempotencyRecord | null> {
    this.ensureOpen();
    const document = await this.records.findOne({ _id: key });
    return document ? fromIdempotencyDocument(document) : null;
  }

  /** The key is the _id: of two saves racing, the first insert wins and the second is ignored, as the port promises. */
  async save(record: IdempotencyRecord): Promise<void> {
    this.ensureOpen();
    try {
      await this.records.insertOne(toIdempotencyDocument(record));
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await (this.options.release ? this.options.release() : this.client.close());
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('MongoIdempotencyStore is closed');
  }
}
