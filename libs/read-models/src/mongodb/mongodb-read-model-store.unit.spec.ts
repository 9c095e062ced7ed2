import { positionAt } from '@shoplink/event-store';
import { MongoClient } from 'mongodb';
import { SkippedDocument } from '../read-model-store.port';
import { MONGODB_MAX_DOCUMENT_BYTES, storedDocumentBytes } from './mongodb-documents';
import { MongoReadModelStore } from './mongodb-read-model-store';

/**
 * Unit tests over small fakes of the driver's client, session and collection objects (no MongoDB
 * server): what commitBatch sends. The store against a real server is in the contract suite
 * (libs/storage/src/server-contracts.int.spec.ts, with MONGODB_URI).
 */
function fakeMongo() {
  const sent = { bulkWrites: [] as unknown[][], checkpoints: [] as unknown[] };
  const collection = (name: string) => ({
    createIndex: async () => 'collection_id',
    find: () => ({ toArray: async () => [] }), // read_model_storage: every collection under its own name
    bulkWrite: async (operations: unknown[]) => {
      sent.bulkWrites.push(operations);
      return {};
    },
    replaceOne: async (_filter: unknown, replacement: unknown) => {
      if (name === 'read_model_checkpoints') sent.checkpoints.push(replacement);
      return {};
    },
  });
  const session = { withTransaction: async (work: () => Promise<unknown>) => work(), endSession: async () => undefined };
  const client = { db: () => ({ collection }), startSession: () => session, close: async () => undefined } as unknown as MongoClient;
  return { client, sent };
}

const checkpoint = { position: positionAt(5), eventCreatedAt: new Date('2026-01-01T00:00:00Z') };

describe('MongoReadModelStore.commitBatch: documents over the size limit (unit, fake driver objects)', () => {
  it('skips the write of a document over the limit, commits the rest and the checkpoint, and reports it', async () => {
    const { client, sent } = fakeMongo();
    const reported: SkippedDocument[] = [];
    const store = new MongoReadModelStore(client, 'test', { maxDocumentBytes: 200, onSkippedDocument: (d) => reported.push(d) });
    const big = { accounts: Array.from({ length: 20 }, (_, i) => `account-${i}`) };

    await store.commitBatch('p', checkpoint, [
      { collection: 'shop_status', id: 's-1', doc: { status: 'active' } },
      { collection: 'shop_status', id: 's-2', doc: big },
      { collection: 'accounts', id: 'a-1', doc: null },
    ]);

    expect(sent.bulkWrites).toEqual([
      [
        {
          replaceOne: {
            filter: { c: 'shop_status', i: 's-1' },
            replacement: { c: 'shop_status', i: 's-1', d: { status: 'active' } },
            upsert: true,
          },
        },
        { deleteOne: { filter: { c: 'accounts', i: 'a-1' } } },
      ],
    ]);
    expect(sent.checkpoints).toHaveLength(1);
    const bytes = storedDocumentBytes('shop_status', 's-2', big);
    expect(bytes).toBeGreaterThan(200);
    expect(reported).toEqual([{ collection: 'shop_status', id: 's-2', bytes, limitBytes: 200, at: expect.any(Date) }]);
    expect(store.skippedDocuments()).toEqual({ count: 1, last: reported[0] });
  });

  it('writes a document exactly at the limit, and logs a skip naming the read model and document when no reporter is given', async () => {
    const { client, sent } = fakeMongo();
    const doc = { status: 'active' };
    const exact = storedDocumentBytes('shop_status', 's-1', doc);
    const store = new MongoReadModelStore(client, 'test', { maxDocumentBytes: exact });
    await store.commitBatch('p', checkpoint, [{ collection: 'shop_status', id: 's-1', doc }]);
    expect(sent.bulkWrites[0]).toHaveLength(1);

    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await store.commitBatch('p', checkpoint, [{ collection: 'shop_status', id: 's-9', doc: { status: 'active', more: 'x' } }]);
      expect(errors).toHaveBeenCalledTimes(1);
      expect(String(errors.mock.calls[0][0])).toMatch(/read model shop_status, document s-9, \d+ bytes > \d+/);
    } finally {
      errors.mockRestore();
    }
    expect(sent.bulkWrites).toHaveLength(1); // nothing left to write in the second batch
    expect(sent.checkpoints).toHaveLength(2);
    expect(store.skippedDocuments().count).toBe(1);
  });

  it("defaults to MongoDB's 16 MiB", () => {
    expect(MONGODB_MAX_DOCUMENT_BYTES).toBe(16 * 1024 * 1024);
  });
});
