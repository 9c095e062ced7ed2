import { Collection, MongoClient } from 'mongodb';
import { IDEMPOTENCY_RETENTION_MS, IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';
import {
  fromIdempotencyDocument,
  IDEMPOTENCY_RECORDS,
  IdempotencyDocument,
  idempotencyTtlIndex,
  isDuplicateKeyError,
  toIdempotencyDocument,
} from './mongodb-idempotency-records';

export interface MongoIdempotencyStoreOptions {
  /** Called by close() instead of closing the client, when the client is shared (the composition root passes one). */
  readonly release?: () => Promise<void>;
  /** Records older than this are not found and are deleted by a TTL index (default IDEMPOTENCY_RETENTION_MS). */
  readonly retentionMs?: number;
}

/**
 * The first answer to each Idempotency-Key, in MongoDB. Written at majority and read at majority,
 * so a retry reaching another API instance, even after a failover, finds the answer given first.
 * Kept for the retention window: a TTL index on `createdAt` deletes older records (created on the
 * first save; a failure is forgotten and the next save tries again), and `find` skips them meanwhile.
 */
export class MongoIdempotencyStore implements IdempotencyStore {
  private readonly records: Collection<IdempotencyDocument>;
  private closed = false;
  private indexed: Promise<unknown> | null = null;
  private readonly retentionMs: number;

  constructor(
    private readonly client: MongoClient,
    database: string,
    private readonly options: MongoIdempotencyStoreOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? IDEMPOTENCY_RETENTION_MS;
    this.records = client.db(database).collection<IdempotencyDocument>(IDEMPOTENCY_RECORDS, {
      readConcern: { level: 'majority' },
      writeConcern: { w: 'majority', journal: true },
    });
  }

  async find(key: string): Promise<IdempotencyRecord | null> {
    this.ensureOpen();
    const document = await this.records.findOne({ _id: key, createdAt: { $gte: new Date(Date.now() - this.retentionMs) } });
    return document ? fromIdempotencyDocument(document) : null;
  }

  /** The key is the _id: of two saves racing, the first insert wins and the second is ignored, as the port promises. */
  async save(record: IdempotencyRecord): Promise<void> {
    this.ensureOpen();
    await this.ensureTtlIndex();
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

  private ensureTtlIndex(): Promise<unknown> {
    const { key, options } = idempotencyTtlIndex(this.retentionMs);
    this.indexed ??= this.records.createIndex(key, options).catch((error: unknown) => {
      this.indexed = null;
      throw error;
    });
    return this.indexed;
  }

  private ensureOpen(): void {
    if (this.closed) throw new Error('MongoIdempotencyStore is closed');
  }
}
