import { Position, positionAt } from '@shoplink/event-store';
import { Checkpoint, Document, ReadModelStore } from '../read-model-store.port';

export interface ReadModelStoreFixture {
  readonly store: ReadModelStore;
  /** Closes the store and opens a new one over the same data; the one returned is the store `cleanup` closes. */
  readonly reopen?: () => Promise<ReadModelStore>;
  /** Closes whatever store is still open and deletes the data. */
  cleanup(): Promise<void>;
}

export interface ReadModelStoreContractOptions {
  /** False for a store without durable storage; it then need not offer `reopen`. */
  readonly durable?: boolean;
}

function checkpointAt(sequence: number, createdAt = '2025-03-01T10:00:00.000Z'): Checkpoint {
  return { position: positionAt(sequence), eventCreatedAt: new Date(createdAt) };
}

/**
 * What every ReadModelStore adapter promises the projector: the same behaviour on
 * SQLite and on any later adapter (MongoDB), so projections never depend on which one runs.
 */
export function describeReadModelStoreContract(
  name: string,
  create: () => Promise<ReadModelStoreFixture>,
  options: ReadModelStoreContractOptions = {},
): void {
  describe(`ReadModelStore contract: ${name}`, () => {
    let fixture: ReadModelStoreFixture;
    let store: ReadModelStore;

    beforeEach(async () => {
      fixture = await create();
      store = fixture.store;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    describe('checkpoints', () => {
      it('has no checkpoint for a projector that never ran', async () => {
        expect(await store.getCheckpoint('shop-status')).toBeNull();
      });

      it('keeps the checkpoint of each projector apart', async () => {
        await store.commitBatch('a', checkpointAt(3), []);
        await store.commitBatch('b', checkpointAt(9), []);

        expect(await store.getCheckpoint('a')).toEqual(checkpointAt(3));
        expect(await store.getCheckpoint('b')).toEqual(checkpointAt(9));
      });

      it('keeps positions beyond 2^63 and distinct commit/prepare parts without loss', async () => {
        const position: Position = { commit: 18446744073709551615n, prepare: 18446744073709551000n };
        const eventCreatedAt = new Date('2025-03-01T10:00:00.123Z');
        await store.commitBatch('p', { position, eventCreatedAt }, []);

        expect(await store.getCheckpoint('p')).toEqual({ position, eventCreatedAt });
      });

      it('moves the checkpoint forward with each batch', async () => {
        await store.commitBatch('p', checkpointAt(1), []);
        await store.commitBatch('p', checkpointAt(2, '2025-03-02T00:00:00.000Z'), []);

        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(2, '2025-03-02T00:00:00.000Z'));
      });
    });

    describe('commitBatch', () => {
      it('writes the documents and the checkpoint together', async () => {
        await store.commitBatch('p', checkpointAt(5), [
          { collection: 'shops', id: 's-1', doc: { shopId: 's-1', status: 'active' } },
          { collection: 'links', id: 'l-1', doc: { linkId: 'l-1' } },
        ]);

        expect(await store.get('shops', 's-1')).toEqual({ shopId: 's-1', status: 'active' });
        expect(await store.get('links', 'l-1')).toEqual({ linkId: 'l-1' });
        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(5));
      });

      it('replaces a document written earlier', async () => {
        await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: { v: 1, old: true } }]);
        await store.commitBatch('p', checkpointAt(2), [{ collection: 'shops', id: 's-1', doc: { v: 2 } }]);

        expect(await store.get('shops', 's-1')).toEqual({ v: 2 });
      });

      it('deletes a document written as null', async () => {
        await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: { v: 1 } }]);
        await store.commitBatch('p', checkpointAt(2), [
          { collection: 'shops', id: 's-1', doc: null },
          { collection: 'shops', id: 'never-written', doc: null },
        ]);

        expect(await store.get('shops', 's-1')).toBeNull();
        expect(await store.all('shops')).toEqual([]);
        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(2));
      });

      it('changes neither documents nor checkpoint when one write of the batch fails', async () => {
        await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: { v: 1 } }]);

        const failing = store.commitBatch('p', checkpointAt(2), [
          { collection: 'shops', id: 's-1', doc: { v: 2 } },
          { collection: 'shops', id: 's-2', doc: { v: 2 } },
          { collection: 'shops', id: 's-3', doc: { amount: 10n } as Document },
        ]);

        await expect(failing).rejects.toThrow();
        expect(await store.all('shops')).toEqual([{ v: 1 }]);
        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(1));
      });

      it('reads a document back exactly as it was written', async () => {
        const doc: Document = {
          shopId: 's-1',
          name: 'Ünïcödé 店舗 🛍️ "quoted" \\ back',
          empty: '',
          balance: { available: 1250, pendingWithdrawal: 0, frozen: -3, currency: 'EUR' },
          ratio: 0.125,
          big: Number.MAX_SAFE_INTEGER,
          verified: false,
          active: true,
          closedAt: null,
          links: [{ accountId: 'a-1', role: 'official' }, { accountId: 'a-2', role: 'marketing', scopes: [] }],
          nested: { deeper: { deepest: [1, [2, [3]]] } },
        };
        await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc }]);

        expect(await store.get('shops', 's-1')).toEqual(doc);
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        await store.commitBatch('p', checkpointAt(1), [
          { collection: 'shops', id: 's-3', doc: { id: 's-3', region: 'GB', count: 1, active: true } },
          { collection: 'shops', id: 's-1', doc: { id: 's-1', region: 'GB', count: '1', active: 'true' } },
          { collection: 'shops', id: 's-2', doc: { id: 's-2', region: 'DE', count: 1.5, active: false } },
          { collection: 'shops', id: 's-4', doc: { id: 's-4', region: 'GB', count: 1, active: 1 } },
          { collection: 'other', id: 's-1', doc: { id: 'other-s-1', region: 'GB' } },
        ]);
      });

      it('gets a document by collection and id, and null when absent', async () => {
        expect(await store.get('shops', 's-1')).toMatchObject({ id: 's-1' });
        expect(await store.get('other', 's-1')).toEqual({ id: 'other-s-1', region: 'GB' });
        expect(await store.get('shops', 'missing')).toBeNull();
        expect(await store.get('missing', 's-1')).toBeNull();
      });

      it('finds by a string field, ordered by id, within one collection', async () => {
        const found = await store.findBy('shops', 'region', 'GB');
        expect(found.map((d) => d.id)).toEqual(['s-1', 's-3', 's-4']);
      });

      it('respects the JSON type of the value', async () => {
        expect((await store.findBy('shops', 'count', 1)).map((d) => d.id)).toEqual(['s-3', 's-4']);
        expect((await store.findBy('shops', 'count', '1')).map((d) => d.id)).toEqual(['s-1']);
        expect((await store.findBy('shops', 'count', 1.5)).map((d) => d.id)).toEqual(['s-2']);
        expect((await store.findBy('shops', 'active', true)).map((d) => d.id)).toEqual(['s-3']);
        expect((await store.findBy('shops', 'active', 1)).map((d) => d.id)).toEqual(['s-4']);
        expect((await store.findBy('shops', 'active', false)).map((d) => d.id)).toEqual(['s-2']);
        expect((await store.findBy('shops', 'active', 'true')).map((d) => d.id)).toEqual(['s-1']);
      });

      it('finds nothing for a field no document has', async () => {
        expect(await store.findBy('shops', 'nope', 'GB')).toEqual([]);
      });

      it('stops at the limit', async () => {
        expect((await store.findBy('shops', 'region', 'GB', 2)).map((d) => d.id)).toEqual(['s-1', 's-3']);
      });

      it('lists a whole collection ordered by id', async () => {
        expect((await store.all('shops')).map((d) => d.id)).toEqual(['s-1', 's-2', 's-3', 's-4']);
        expect(await store.all('empty')).toEqual([]);
      });
    });

    describe('reset', () => {
      it("removes the projector's collections and checkpoint and nothing else", async () => {
        await store.commitBatch('p', checkpointAt(4), [
          { collection: 'shops', id: 's-1', doc: { v: 1 } },
          { collection: 'links', id: 'l-1', doc: { v: 1 } },
        ]);
        await store.commitBatch('q', checkpointAt(7), [{ collection: 'audit', id: 'a-1', doc: { v: 1 } }]);

        await store.reset('p', ['shops', 'links']);

        expect(await store.getCheckpoint('p')).toBeNull();
        expect(await store.all('shops')).toEqual([]);
        expect(await store.all('links')).toEqual([]);
        expect(await store.getCheckpoint('q')).toEqual(checkpointAt(7));
        expect(await store.all('audit')).toEqual([{ v: 1 }]);
      });
    });

    if (options.durable ?? true) {
      describe('durability', () => {
        it('keeps documents and checkpoints when reopened', async () => {
          if (!fixture.reopen) throw new Error(`${name}: a durable store's fixture must offer reopen()`);
          await store.commitBatch('p', checkpointAt(12), [{ collection: 'shops', id: 's-1', doc: { v: 1 } }]);

          const reopened = await fixture.reopen();

          expect(await reopened.getCheckpoint('p')).toEqual(checkpointAt(12));
          expect(await reopened.get('shops', 's-1')).toEqual({ v: 1 });
        });
      });
    }
  });
}
