import { Position } from '@shoplink/event-store';
import { AnyBulkWriteOperation, ClientSession, Collection, Db, MongoClient, TransactionOptions } from 'mongodb';
import { CheckpointMovedError } from '../read-model-store.errors';
import {
  Checkpoint,
  Document,
  DocumentPage,
  DocumentWrite,
  IndexDeclaration,
  PageQuery,
  ProjectorTables,
  ReadModelStore,
  SkippedDocument,
  SkippedDocuments,
} from '../read-model-store.port';
import {
  CHECKPOINTS,
  CheckpointRecord,
  checkpointFromRecord,
  checkpointToRecord,
  checkReplaceable,
  DOCUMENTS,
  MONGODB_MAX_DOCUMENT_BYTES,
  positionOfRecord,
  samePosition,
  STORAGE,
  StorageRecord,
  StoredDocument,
  storedDocumentBytes,
  storedNamesOf,
  storedPatchOf,
  toStoredDocument,
} from './mongodb-documents';
import { pageOf, superseded, toMongoFindBy, toMongoIndex, toMongoPageQuery } from './mongodb-page-query';

export interface MongoReadModelStoreOptions {
  /** Called by close() instead of closing the client, when the client is shared (the composition root passes one). */
  readonly release?: () => Promise<void>;
  /**
   * Largest document written, in BSON bytes as stored (default MONGODB_MAX_DOCUMENT_BYTES, 16 MiB,
   * MongoDB's own limit; smaller in tests). A write of a larger document is skipped and reported
   * (see commitBatch), instead of failing the batch forever.
   */
  readonly maxDocumentBytes?: number;
  /** Told of each skipped write, once its batch has committed (default: a line on stderr). */
  readonly onSkippedDocument?: (skipped: SkippedDocument) => void;
}

/** Old documents removed per transaction after a switch (as on SQLite). */
const CLEAR_CHUNK = 5_000;

/**
 * Snapshot isolation and majority commit: a batch sees one state of the checkpoint and the
 * documents, and once committed survives the loss of the primary.
 */
const TRANSACTION: TransactionOptions = { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority', journal: true } };

/**
 * Read models in MongoDB (a replica set: transactions need one). Layout and encodings are in
 * mongodb-documents.ts, query translation in mongodb-page-query.ts.
 *
 * Checkpoint and documents in one transaction: every commitBatch writes its documents and moves
 * the projector's checkpoint in one multi-document transaction, so a crash between writes leaves
 * either all of the batch or none of it, and the projector resumes from the checkpoint that
 * matches the documents: nothing skipped, nothing applied twice. The transaction also reads the
 * checkpoint first (the fence): a second projector or a rebuild switched in meanwhile makes the
 * commit either conflict (MongoDB aborts one of two transactions writing the same checkpoint, and
 * the retry sees the new one) or find another checkpoint, and nothing is written.
 *
 * Reads resolve the stored name and read the documents in one snapshot session, so a rebuild
 * switched in meanwhile is seen entirely or not at all.
 */
export class MongoReadModelStore implements ReadModelStore {
  private readonly documents: Collection<StoredDocument>;
  private readonly checkpoints: Collection<CheckpointRecord>;
  /** The same collection read at majority outside transactions: a checkpoint read from here is durable, as are the documents it covers. */
  private readonly checkpointsDurable: Collection<CheckpointRecord>;
  private readonly storage: Collection<StorageRecord>;
  private ready: Promise<void> | null = null;
  private closed = false;
  private readonly maxDocumentBytes: number;
  private skipped: SkippedDocuments = { count: 0, last: null };

  constructor(
    private readonly client: MongoClient,
    database: string,
    private readonly options: MongoReadModelStoreOptions = {},
  ) {
    this.maxDocumentBytes = options.maxDocumentBytes ?? MONGODB_MAX_DOCUMENT_BYTES;
    const db: Db = client.db(database);
    this.documents = db.collection<StoredDocument>(DOCUMENTS);
    this.checkpoints = db.collection<CheckpointRecord>(CHECKPOINTS);
    this.checkpointsDurable = db.collection<CheckpointRecord>(CHECKPOINTS, { readConcern: { level: 'majority' } });
    this.storage = db.collection<StorageRecord>(STORAGE);
  }

  async getCheckpoint(projector: string): Promise<Checkpoint | null> {
    await this.ensureReady();
    const record = await this.checkpointsDurable.findOne({ _id: projector });
    return record ? checkpointFromRecord(record) : null;
  }

  /**
   * A document larger than `maxDocumentBytes` is not written: the rest of the batch and the
   * checkpoint commit, the document keeps its previous version (or stays absent), and the skip is
   * reported (a log line naming the read model and the document, and `skippedDocuments()` for
   * readiness). MongoDB would refuse it on every retry, so failing the batch would stop every read
   * model for good on one document. docs/production-path.md (Read-model documents over the size limit).
   */
  async commitBatch(
    projector: string,
    checkpoint: Checkpoint,
    writes: readonly DocumentWrite[],
    expected?: Position | null,
  ): Promise<void> {
    // Every document is checked and encoded before the transaction: a bad one writes nothing.
    const encoded = writes.map((write) => ({ ...write, doc: write.doc === null ? null : toStoredDocument(write.doc) }));
    const record = checkpointToRecord(projector, checkpoint);
    await this.ensureReady();
    let skipped: SkippedDocument[] = [];
    await this.inTransaction(async (session) => {
      skipped = []; // withTransaction may run this again
      if (expected !== undefined) await this.checkFence(projector, expected, session);
      const storedAs = await this.storedNames([...new Set(encoded.map((write) => write.collection))], session);
      const operations: AnyBulkWriteOperation<StoredDocument>[] = [];
      const patches: { key: { c: string; i: string }; doc: Document }[] = [];
      for (const write of encoded) {
        const key = { c: storedAs.get(write.collection)!, i: write.id };
        if (write.doc === null) {
          operations.push({ deleteOne: { filter: key } });
          continue;
        }
        const bytes = storedDocumentBytes(key.c, key.i, write.doc);
        if (bytes > this.maxDocumentBytes) {
          skipped.push({ collection: write.collection, id: write.id, bytes, limitBytes: this.maxDocumentBytes, at: new Date() });
          continue;
        }
        const patch = storedPatchOf(write.doc, write.changedFields);
        if (patch !== null) {
          if (Object.keys(patch).length === 0) continue; // nothing changed
          patches.push({ key, doc: write.doc });
          operations.push({ updateOne: { filter: key, update: { $set: patch } } });
        } else operations.push({ replaceOne: { filter: key, replacement: { ...key, d: write.doc }, upsert: true } });
      }
      if (operations.length > 0) {
        const result = await this.documents.bulkWrite(operations, { session, ordered: true });
        // A patch whose document is not stored (which the port rules out) must not be lost: the whole documents then.
        const replaced = operations.length - patches.length - operations.filter((op) => 'deleteOne' in op).length;
        if (patches.length > 0 && result.matchedCount + result.upsertedCount < patches.length + replaced) {
          const whole = patches.map(({ key, doc }) => ({ replaceOne: { filter: key, replacement: { ...key, d: doc }, upsert: true } }));
          await this.documents.bulkWrite(whole, { session, ordered: true });
        }
      }
      await this.checkpoints.replaceOne({ _id: projector }, record, { session, upsert: true });
    });
    for (const document of skipped) this.reportSkipped(projector, document);
  }

  skippedDocuments(): SkippedDocuments {
    return this.skipped;
  }

  async get(collection: string, id: string): Promise<Document | null> {
    await this.ensureReady();
    return this.inSnapshot(async (session) => {
      const c = await this.storedName(collection, session);
      const row = await this.documents.findOne({ c, i: id }, { session, projection: { _id: 0, d: 1 } });
      return row ? row.d : null;
    });
  }

  async findBy(collection: string, field: string, value: string | number | boolean, limit?: number): Promise<Document[]> {
    if (limit === 0) return [];
    await this.ensureReady();
    return this.inSnapshot(async (session) => {
      const find = toMongoFindBy(await this.storedName(collection, session), field, value, limit);
      const rows = await this.documents
        .find(find.filter, { session, sort: find.sort, limit: find.limit, projection: { _id: 0, d: 1 } })
        .toArray();
      return rows.map((row) => row.d);
    });
  }

  async all(collection: string): Promise<Document[]> {
    await this.ensureReady();
    return this.inSnapshot(async (session) => {
      const c = await this.storedName(collection, session);
      const rows = await this.documents.find({ c }, { session, sort: { i: 1 }, projection: { _id: 0, d: 1 } }).toArray();
      return rows.map((row) => row.d);
    });
  }

  /**
   * The checkpoint goes first, then the documents (in as many deletes as MongoDB likes, not one
   * transaction, which a large collection would outgrow): if the process dies between the two,
   * the projector finds no checkpoint and resets again before applying anything.
   */
  async reset(projector: string, collections: readonly string[]): Promise<void> {
    await this.ensureReady();
    await this.checkpoints.deleteOne({ _id: projector });
    const storedAs = await this.storedNames(collections);
    await this.documents.deleteMany({ c: { $in: [...new Set(storedAs.values())] } });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await (this.options.release ? this.options.release() : this.client.close());
  }

  // --- rebuild-projections: switching a rebuilt copy in ---
  /**
   * In one transaction, the live and rebuilt collections exchange their stored names (a few
   * small records, whatever the number of documents) and the rebuilt checkpoint replaces the
   * live one. The old documents, now under the rebuilt names, are then deleted a chunk per
   * transaction, unless a new rebuild has started writing there (it has a checkpoint).
   */
  async replaceProjector(live: ProjectorTables, rebuilt: ProjectorTables): Promise<void> {
    checkReplaceable(live, rebuilt);
    await this.ensureReady();
    await this.inTransaction(async (session) => {
      const names = await this.storedNames([...live.collections, ...rebuilt.collections], session);
      for (const [i, collection] of live.collections.entries()) {
        await this.setStoredName(collection, names.get(rebuilt.collections[i])!, session);
        await this.setStoredName(rebuilt.collections[i], names.get(collection)!, session);
      }
      const rebuiltCheckpoint = await this.checkpoints.findOne({ _id: rebuilt.projector }, { session });
      await this.checkpoints.deleteOne({ _id: live.projector }, { session });
      if (rebuiltCheckpoint) await this.checkpoints.insertOne({ ...rebuiltCheckpoint, _id: live.projector }, { session });
      await this.checkpoints.deleteOne({ _id: rebuilt.projector }, { session });
    });
    for (const collection of rebuilt.collections) {
      for (;;) {
        const deleted = await this.inTransaction(async (session) => {
          if (await this.checkpoints.findOne({ _id: rebuilt.projector }, { session })) return 0;
          const c = await this.storedName(collection, session);
          const ids = (await this.documents.find({ c }, { session, projection: { _id: 1 }, limit: CLEAR_CHUNK }).toArray()).map(
            (row) => row._id,
          );
          if (ids.length > 0) await this.documents.deleteMany({ _id: { $in: ids } }, { session });
          return ids.length;
        });
        if (deleted < CLEAR_CHUNK) break;
      }
    }
  }

  // --- pages and indexes: history timelines and operational lists ---
  async findPage(collection: string, query: PageQuery): Promise<DocumentPage> {
    await this.ensureReady();
    return this.inSnapshot(async (session) => {
      const find = toMongoPageQuery(await this.storedName(collection, session), query);
      const rows = await this.documents
        .find(find.filter, { session, sort: find.sort, limit: find.limit, projection: { _id: 0, i: 1, d: 1 } })
        .toArray();
      return pageOf(rows, query);
    });
  }

  /**
   * createIndex is idempotent; each index is partial on its collection's two stored names, so a
   * rebuilt copy is served by it too (toMongoIndex). Non-partial indexes of earlier versions are
   * then dropped (superseded).
   */
  async ensureIndexes(indexes: readonly IndexDeclaration[]): Promise<void> {
    const specs = new Map(indexes.map((index) => toMongoIndex(index)).map((spec) => [spec.name, spec]));
    await this.ensureReady();
    for (const spec of specs.values()) {
      await this.documents.createIndex(spec.key, { name: spec.name, partialFilterExpression: spec.partialFilterExpression });
    }
    for (const name of superseded(await this.documents.listIndexes().toArray())) {
      await this.documents.dropIndex(name).catch((error: unknown) => {
        if ((error as { code?: unknown }).code !== 27) throw error; // IndexNotFound: another process dropped it first
      });
    }
  }

  private reportSkipped(projector: string, document: SkippedDocument): void {
    this.skipped = { count: this.skipped.count + 1, last: document };
    if (this.options.onSkippedDocument) return this.options.onSkippedDocument(document);
    console.error(
      `read model document over the size limit, write skipped (previous version kept): projector ${projector}, read model ${document.collection}, document ${document.id}, ${document.bytes} bytes > ${document.limitBytes}`,
    );
  }

  /** The (collection, id) key every write and read goes through; created once per store, idempotently. */
  private ensureReady(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('MongoReadModelStore is closed'));
    this.ready ??= this.documents
      .createIndex({ c: 1, i: 1 }, { name: 'collection_id', unique: true })
      .then(() => undefined)
      .catch((error: unknown) => {
        this.ready = null; // not reachable yet: the next call tries again
        throw error;
      });
    return this.ready;
  }

  private async checkFence(projector: string, expected: Position | null, session: ClientSession): Promise<void> {
    const actual = positionOfRecord(await this.checkpoints.findOne({ _id: projector }, { session }));
    if (!samePosition(actual, expected)) throw new CheckpointMovedError(projector, expected, actual);
  }

  private async storedName(collection: string, session?: ClientSession): Promise<string> {
    return (await this.storedNames([collection], session)).get(collection)!;
  }

  private async storedNames(collections: readonly string[], session?: ClientSession): Promise<Map<string, string>> {
    if (collections.length === 0) return new Map();
    const records = await this.storage.find({ _id: { $in: [...collections] } }, { session }).toArray();
    return storedNamesOf(collections, records);
  }

  private async setStoredName(collection: string, storedAs: string, session: ClientSession): Promise<void> {
    if (storedAs === collection) await this.storage.deleteOne({ _id: collection }, { session });
    else await this.storage.replaceOne({ _id: collection }, { storedAs }, { session, upsert: true });
  }

  /** withTransaction retries the whole of `work` on transient errors (write conflicts included), so `work` only reads and writes. */
  private async inTransaction<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession();
    try {
      return await session.withTransaction(() => work(session), TRANSACTION);
    } finally {
      await session.endSession();
    }
  }

  private async inSnapshot<T>(read: (session: ClientSession) => Promise<T>): Promise<T> {
    const session = this.client.startSession({ snapshot: true });
    try {
      return await read(session);
    } finally {
      await session.endSession();
    }
  }
}
