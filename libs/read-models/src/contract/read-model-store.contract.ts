import { Position, positionAt } from '@shoplink/event-store';
import { CheckpointMovedError } from '../read-model-store.errors';
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
          { collection: 'shops', id: 's-3', doc: { amount: 10n } },
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
          links: [
            { accountId: 'a-1', role: 'official' },
            { accountId: 'a-2', role: 'marketing', scopes: [] },
          ],
          nested: { deeper: { deepest: [1, [2, [3]]] } },
        };
        await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc }]);

        expect(await store.get('shops', 's-1')).toEqual(doc);
      });

      describe('a write listing its changed fields', () => {
        const stored: Document = {
          shopId: 's-1',
          status: 'active',
          links: [{ accountId: 'a-1', state: 'linked' }],
          money: { available: 5, frozen: 0 },
          name: 'Ünïcödé "quoted" \\ back',
          closedAt: null,
          revision: 3,
        };

        it('reads back as the whole document, its fields in order, the unlisted ones as stored', async () => {
          await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: stored }]);
          const doc = { ...stored, money: { available: 7.5, frozen: 0 }, closedAt: '2026-01-01T00:00:00.000Z', revision: 4 };
          await store.commitBatch('p', checkpointAt(2), [
            { collection: 'shops', id: 's-1', doc, changedFields: ['money', 'closedAt', 'revision'] },
          ]);

          const read = await store.get('shops', 's-1');
          expect(read).toEqual(doc);
          expect(Object.keys(read!)).toEqual(Object.keys(doc));
          expect(await store.getCheckpoint('p')).toEqual(checkpointAt(2));
        });

        it('writes null, strings that need escaping, arrays and objects as values', async () => {
          await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: stored }]);
          const doc = { ...stored, status: 'a "b" \\ 店 🛍️', links: [], money: { nested: [1, [2]], none: null }, closedAt: null };
          await store.commitBatch('p', checkpointAt(2), [
            { collection: 'shops', id: 's-1', doc, changedFields: ['status', 'links', 'money', 'closedAt'] },
          ]);

          expect(await store.get('shops', 's-1')).toEqual(doc);
        });

        it('changes nothing for an empty list, and still moves the checkpoint', async () => {
          await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: stored }]);
          await store.commitBatch('p', checkpointAt(2), [{ collection: 'shops', id: 's-1', doc: stored, changedFields: [] }]);

          expect(await store.get('shops', 's-1')).toEqual(stored);
          expect(await store.getCheckpoint('p')).toEqual(checkpointAt(2));
        });

        it('writes the whole document when none is stored', async () => {
          await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-9', doc: stored, changedFields: ['revision'] }]);

          expect(await store.get('shops', 's-9')).toEqual(stored);
        });

        it('is seen by findBy and findPage, declared indexes included', async () => {
          await store.ensureIndexes([{ collection: 'shops', fields: ['status', 'revision'] }]);
          await store.commitBatch('p', checkpointAt(1), [
            { collection: 'shops', id: 's-1', doc: stored },
            { collection: 'shops', id: 's-2', doc: { ...stored, shopId: 's-2', revision: 1 } },
          ]);
          await store.commitBatch('p', checkpointAt(2), [
            {
              collection: 'shops',
              id: 's-1',
              doc: { ...stored, status: 'deactivated', revision: 9 },
              changedFields: ['status', 'revision'],
            },
            { collection: 'shops', id: 's-2', doc: { ...stored, shopId: 's-2', revision: 0 }, changedFields: ['revision'] },
          ]);

          expect((await store.findBy('shops', 'status', 'deactivated')).map((d) => d.shopId)).toEqual(['s-1']);
          const page = await store.findPage('shops', { where: { status: 'active' }, orderBy: 'revision', limit: 5 });
          expect(page.documents.map((d) => [d.shopId, d.revision])).toEqual([['s-2', 0]]);
        });

        it('changes neither documents nor checkpoint when a listed field cannot be stored', async () => {
          await store.commitBatch('p', checkpointAt(1), [{ collection: 'shops', id: 's-1', doc: stored }]);
          const failing = store.commitBatch('p', checkpointAt(2), [
            { collection: 'shops', id: 's-1', doc: { ...stored, revision: 4 }, changedFields: ['revision'] },
            { collection: 'shops', id: 's-2', doc: { ...stored, revision: 10n }, changedFields: ['revision'] },
          ]);

          await expect(failing).rejects.toThrow();
          expect(await store.all('shops')).toEqual([stored]);
          expect(await store.getCheckpoint('p')).toEqual(checkpointAt(1));
        });
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

    // --- rebuild-projections: fenced commits and switching a rebuilt copy in ---
    describe('fenced commitBatch', () => {
      it('commits when the stored checkpoint is the expected one (none, then the last)', async () => {
        await store.commitBatch('p', checkpointAt(3), [{ collection: 'shops', id: 's-1', doc: { v: 1 } }], null);
        await store.commitBatch('p', checkpointAt(5), [{ collection: 'shops', id: 's-1', doc: { v: 2 } }], positionAt(3));

        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(5));
        expect(await store.get('shops', 's-1')).toEqual({ v: 2 });
      });

      it('writes nothing and throws CheckpointMovedError when the checkpoint moved', async () => {
        await store.commitBatch('p', checkpointAt(3), [{ collection: 'shops', id: 's-1', doc: { v: 1 } }]);

        const stale = store.commitBatch('p', checkpointAt(9), [{ collection: 'shops', id: 's-1', doc: { v: 9 } }], positionAt(2));
        await expect(stale).rejects.toBeInstanceOf(CheckpointMovedError);
        await expect(
          store.commitBatch('p', checkpointAt(9), [{ collection: 'shops', id: 's-2', doc: { v: 9 } }], null),
        ).rejects.toMatchObject({
          name: 'CheckpointMovedError',
          projector: 'p',
          expected: null,
          actual: positionAt(3),
        });
        await expect(store.commitBatch('fresh', checkpointAt(1), [], positionAt(1))).rejects.toBeInstanceOf(CheckpointMovedError);

        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(3));
        expect(await store.all('shops')).toEqual([{ v: 1 }]);
        expect(await store.getCheckpoint('fresh')).toBeNull();
      });
    });

    describe('replaceProjector', () => {
      const live = { projector: 'p', collections: ['shops', 'links'] };
      const rebuilt = { projector: 'p~rebuild', collections: ['shops~rebuild', 'links~rebuild'] };

      it('puts the rebuilt documents and checkpoint in place of the live ones in one step', async () => {
        await store.commitBatch('p', checkpointAt(4), [
          { collection: 'shops', id: 's-1', doc: { v: 'old' } },
          { collection: 'shops', id: 'gone', doc: { v: 'old' } },
          { collection: 'links', id: 'l-1', doc: { v: 'old' } },
        ]);
        await store.commitBatch('q', checkpointAt(7), [{ collection: 'audit', id: 'a-1', doc: { v: 1 } }]);
        await store.commitBatch('p~rebuild', checkpointAt(6, '2025-03-02T00:00:00.000Z'), [
          { collection: 'shops~rebuild', id: 's-1', doc: { v: 'new' } },
          { collection: 'shops~rebuild', id: 's-2', doc: { v: 'new' } },
        ]);

        await store.replaceProjector(live, rebuilt);

        expect(await store.all('shops')).toEqual([{ v: 'new' }, { v: 'new' }]);
        expect(await store.get('shops', 'gone')).toBeNull();
        expect(await store.all('links')).toEqual([]);
        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(6, '2025-03-02T00:00:00.000Z'));
        expect(await store.getCheckpoint('p~rebuild')).toBeNull();
        expect(await store.all('shops~rebuild')).toEqual([]);
        expect(await store.getCheckpoint('q')).toEqual(checkpointAt(7));
        expect(await store.all('audit')).toEqual([{ v: 1 }]);
      });

      it('leaves the live projector without a checkpoint when the rebuilt one had none (an empty log)', async () => {
        await store.commitBatch('p', checkpointAt(4), [{ collection: 'shops', id: 's-1', doc: { v: 'old' } }]);

        await store.replaceProjector(live, rebuilt);

        expect(await store.getCheckpoint('p')).toBeNull();
        expect(await store.all('shops')).toEqual([]);
      });

      it('makes a live projector continuing from its old checkpoint fail its next fenced commit', async () => {
        await store.commitBatch('p', checkpointAt(4), []);
        await store.commitBatch('p~rebuild', checkpointAt(6), []);
        await store.replaceProjector(live, rebuilt);

        await expect(store.commitBatch('p', checkpointAt(5), [], positionAt(4))).rejects.toBeInstanceOf(CheckpointMovedError);
        await store.commitBatch('p', checkpointAt(7), [], positionAt(6));
        expect(await store.getCheckpoint('p')).toEqual(checkpointAt(7));
      });

      it('refuses mismatched or overlapping tables', async () => {
        await expect(store.replaceProjector(live, { projector: 'x', collections: ['x'] })).rejects.toThrow();
        await expect(store.replaceProjector(live, { projector: 'x', collections: ['shops', 'y'] })).rejects.toThrow();
      });
    });

    // --- pages and indexes: history timelines and operational lists ---
    describe('findPage', () => {
      const entry = (shopId: string, revision: number, extra: Document = {}): Document => ({
        shopId,
        revision,
        type: revision % 2 === 0 ? 'FundsCredited' : 'OrderPlaced',
        actor: revision % 3 === 0 ? 'member:m-17' : 'system:orders',
        occurredAt: `2026-01-01T00:00:${String(revision).padStart(2, '0')}.000Z`,
        ...extra,
      });
      const id = (shopId: string, revision: number) => `${shopId}/${String(revision).padStart(4, '0')}`;
      const revisions = (page: { documents: Document[] }) => page.documents.map((d) => d.revision);

      beforeEach(async () => {
        const writes = [];
        for (let r = 0; r < 10; r += 1) writes.push({ collection: 'timeline', id: id('s-1', r), doc: entry('s-1', r) });
        for (let r = 0; r < 3; r += 1) writes.push({ collection: 'timeline', id: id('s-2', r), doc: entry('s-2', r) });
        writes.push({ collection: 'elsewhere', id: id('s-1', 99), doc: entry('s-1', 99) });
        // Inserted out of order, so order comes from the query, not from the writes.
        await store.commitBatch('p', checkpointAt(1), writes.reverse());
      });

      it('pages through one filter in order, each page starting strictly after the last, without gaps or repeats', async () => {
        const seen: unknown[] = [];
        let after = null;
        let pages = 0;
        do {
          const page: Awaited<ReturnType<ReadModelStore['findPage']>> = await store.findPage('timeline', {
            where: { shopId: 's-1' },
            orderBy: 'revision',
            after,
            limit: 3,
          });
          seen.push(...revisions(page));
          after = page.next;
          pages += 1;
        } while (after !== null);

        expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        expect(pages).toBe(4);
      });

      it('answers the key of the last document as next, and null when nothing matched beyond the page', async () => {
        const first = await store.findPage('timeline', { where: { shopId: 's-2' }, orderBy: 'revision', limit: 2 });
        expect(revisions(first)).toEqual([0, 1]);
        expect(first.next).toEqual({ value: 1, id: id('s-2', 1) });

        const exact = await store.findPage('timeline', { where: { shopId: 's-2' }, orderBy: 'revision', after: first.next, limit: 1 });
        expect(revisions(exact)).toEqual([2]);
        expect(exact.next).toBeNull();
      });

      it('combines equalities, any-of lists and one range, within one collection', async () => {
        const page = await store.findPage('timeline', {
          where: { shopId: 's-1', type: ['OrderPlaced', 'NeverRecorded'], actor: 'member:m-17' },
          range: { field: 'occurredAt', gte: '2026-01-01T00:00:03.000Z', lt: '2026-01-01T00:00:09.000Z' },
          orderBy: 'revision',
          limit: 50,
        });
        expect(revisions(page)).toEqual([3]);

        const numeric = await store.findPage('timeline', {
          where: { shopId: 's-1' },
          range: { field: 'revision', gt: 6, lte: 8 },
          orderBy: 'revision',
          limit: 50,
        });
        expect(revisions(numeric)).toEqual([7, 8]);
        expect(await store.findPage('timeline', { where: { type: [] }, orderBy: 'revision', limit: 50 })).toEqual({
          documents: [],
          next: null,
        });
      });

      it('respects the JSON type of values and range bounds', async () => {
        await store.commitBatch('p', checkpointAt(2), [
          { collection: 'typed', id: 'a', doc: { k: 'a', v: 1, flag: true } },
          { collection: 'typed', id: 'b', doc: { k: 'b', v: '1', flag: 'true' } },
          { collection: 'typed', id: 'c', doc: { k: 'c', v: true, flag: 1 } },
          { collection: 'typed', id: 'd', doc: { k: 'd', v: { nested: 1 }, flag: false } },
        ]);
        const keys = async (where: Record<string, string | number | boolean | null>, range?: { field: string; gte: string | number }) =>
          (await store.findPage('typed', { where, range, orderBy: 'k', limit: 10 })).documents.map((d) => d.k);

        expect(await keys({ v: 1 })).toEqual(['a']);
        expect(await keys({ v: '1' })).toEqual(['b']);
        expect(await keys({ v: true })).toEqual(['c']);
        expect(await keys({ flag: true })).toEqual(['a']);
        expect(await keys({ flag: false })).toEqual(['d']);
        expect(await keys({ flag: 1 })).toEqual(['c']);
        expect(await keys({ v: '{"nested":1}' })).toEqual([]);
        expect(await keys({}, { field: 'v', gte: 0 })).toEqual(['a']);
        expect(await keys({}, { field: 'v', gte: '' })).toEqual(['b']);
      });

      it('matches null to a field that is null or absent', async () => {
        await store.commitBatch('p', checkpointAt(2), [
          { collection: 'nullable', id: 'a', doc: { k: 'a', closedAt: null } },
          { collection: 'nullable', id: 'b', doc: { k: 'b' } },
          { collection: 'nullable', id: 'c', doc: { k: 'c', closedAt: '2026-01-01T00:00:00.000Z' } },
        ]);
        const page = await store.findPage('nullable', { where: { closedAt: null }, orderBy: 'k', limit: 10 });
        expect(page.documents.map((d) => d.k)).toEqual(['a', 'b']);
      });

      it('breaks ties of the order field by document id, across pages, and leaves out documents without it', async () => {
        await store.commitBatch('p', checkpointAt(2), [
          { collection: 'ties', id: 'x-3', doc: { n: 'x-3', status: 'active' } },
          { collection: 'ties', id: 'x-1', doc: { n: 'x-1', status: 'active' } },
          { collection: 'ties', id: 'x-2', doc: { n: 'x-2', status: 'active' } },
          { collection: 'ties', id: 'a-0', doc: { n: 'a-0', status: 'deactivated' } },
          { collection: 'ties', id: 'z-9', doc: { n: 'z-9' } },
        ]);
        const first = await store.findPage('ties', { orderBy: 'status', limit: 2 });
        const second = await store.findPage('ties', { orderBy: 'status', after: first.next, limit: 2 });

        expect(first.documents.map((d) => d.n)).toEqual(['x-1', 'x-2']);
        expect(first.next).toEqual({ value: 'active', id: 'x-2' });
        expect(second.documents.map((d) => d.n)).toEqual(['x-3', 'a-0']);
        expect(second.next).toBeNull();
      });

      it('keeps a page boundary fixed when documents are added before and after it', async () => {
        const first = await store.findPage('timeline', { where: { shopId: 's-2' }, orderBy: 'revision', limit: 2 });
        await store.commitBatch('p', checkpointAt(2), [
          { collection: 'timeline', id: id('s-2', 3), doc: entry('s-2', 3) },
          { collection: 'timeline', id: 's-2/late-early', doc: entry('s-2', -1) },
        ]);
        const rest = await store.findPage('timeline', { where: { shopId: 's-2' }, orderBy: 'revision', after: first.next, limit: 10 });

        expect(revisions(rest)).toEqual([2, 3]);
      });

      it('answers the same pages once the indexes are declared, and declaring them again is harmless', async () => {
        const query = { where: { shopId: 's-1', type: 'OrderPlaced' }, orderBy: 'revision', limit: 3 } as const;
        const before = await store.findPage('timeline', query);
        const indexes = [
          { collection: 'timeline', fields: ['shopId', 'revision'] },
          { collection: 'timeline', fields: ['shopId', 'type', 'revision'] },
        ];
        await store.ensureIndexes(indexes);
        await store.ensureIndexes(indexes);

        expect(await store.findPage('timeline', query)).toEqual(before);
        expect(revisions(before)).toEqual([1, 3, 5]);
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
