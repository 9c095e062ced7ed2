import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionAt } from '@shoplink/event-store';
import { DocumentWrite } from '../read-model-store.port';
import { SqliteReadModelStore } from './sqlite-read-model-store';

/**
 * How the SQLite adapter switches a rebuilt copy in: by exchanging stored names, so the
 * switch costs the same for ten documents or a million, and the indexes follow.
 */
describe('SqliteReadModelStore: switching a rebuilt copy in', () => {
  let dir: string;
  let file: string;
  const opened: SqliteReadModelStore[] = [];
  const open = (options?: ConstructorParameters<typeof SqliteReadModelStore>[1]): SqliteReadModelStore => {
    const store = new SqliteReadModelStore(file, options);
    opened.push(store);
    return store;
  };
  const live = { projector: 'p', collections: ['timeline', 'status'] };
  const rebuilt = { projector: 'p~rebuild', collections: ['timeline~rebuild', 'status~rebuild'] };
  const at = (n: number) => ({ position: positionAt(n), eventCreatedAt: new Date('2025-03-01T10:00:00.000Z') });
  const entries = (collection: string, count: number, generation: string): DocumentWrite[] =>
    Array.from({ length: count }, (_, i) => ({
      collection,
      id: `shop-${i % 7}/${String(i).padStart(6, '0')}`,
      doc: { shopId: `shop-${i % 7}`, revision: i, type: i % 2 ? 'OrderPlaced' : 'FundsCredited', generation },
    }));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rebuild-switch-'));
    file = join(dir, 'shoplink.db');
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('switches in round after round; every reader, on any connection, sees only the newest copy, and old documents are cleared', async () => {
    const writer = open({ synchronous: 'NORMAL' });
    const reader = open();
    await writer.commitBatch('p', at(1), [
      ...entries('timeline', 12_000, 'g0'),
      { collection: 'status', id: 's', doc: { generation: 'g0' } },
    ]);

    for (const [round, generation] of ['g1', 'g2', 'g3'].entries()) {
      await writer.reset(rebuilt.projector, rebuilt.collections);
      await writer.commitBatch(
        'p~rebuild',
        at(10 + round),
        [...entries('timeline~rebuild', 300 + round, generation), { collection: 'status~rebuild', id: 's', doc: { generation } }],
        null,
      );

      await writer.replaceProjector(live, rebuilt);

      const timeline = await reader.all('timeline');
      expect(timeline).toHaveLength(300 + round);
      expect(new Set(timeline.map((doc) => doc.generation))).toEqual(new Set([generation]));
      expect(await reader.get('status', 's')).toEqual({ generation });
      expect((await reader.findBy('timeline', 'type', 'OrderPlaced')).every((doc) => doc.generation === generation)).toBe(true);
      expect(await reader.getCheckpoint('p')).toEqual(at(10 + round));
      expect(await reader.all('timeline~rebuild')).toEqual([]);
      expect(await reader.getCheckpoint('p~rebuild')).toBeNull();
    }
    // Nothing but the newest copy is left in the file.
    const raw = new Database(file, { readonly: true });
    expect((raw.prepare('SELECT COUNT(*) AS n FROM read_model_documents').get() as { n: number }).n).toBe(302 + 1);
    raw.close();
  });

  it('stores the rebuilt rows where they were written: the switch moves no document', async () => {
    const store = open();
    await store.commitBatch('p~rebuild', at(3), entries('timeline~rebuild', 50, 'new'), null);

    await store.replaceProjector(live, rebuilt);

    const raw = new Database(file, { readonly: true });
    const storage = raw.prepare('SELECT collection, stored_as FROM read_model_storage ORDER BY collection').all();
    const rows = raw.prepare(`SELECT collection, COUNT(*) AS n FROM read_model_documents GROUP BY collection`).all();
    raw.close();
    expect(storage).toEqual([
      { collection: 'status', stored_as: 'status~rebuild' },
      { collection: 'status~rebuild', stored_as: 'status' },
      { collection: 'timeline', stored_as: 'timeline~rebuild' },
      { collection: 'timeline~rebuild', stored_as: 'timeline' },
    ]);
    expect(rows).toEqual([{ collection: 'timeline~rebuild', n: 50 }]);
    expect(await store.all('timeline')).toHaveLength(50);
  });

  it('gives the switched-in copy every index declared for the live collection, declared before writing or not', async () => {
    const store = open();
    const query = { where: { shopId: 'shop-3' }, orderBy: 'revision', limit: 5 };
    await store.ensureIndexes([{ collection: 'timeline', fields: ['shopId', 'revision'] }]);
    await store.commitBatch('p', at(1), entries('timeline', 100, 'g0'));
    expect(store.explainPage('timeline', query).join(' ')).toMatch(/USING INDEX/);

    // This copy was written without declaring the index: the switch builds it.
    await store.commitBatch('p~rebuild', at(2), entries('timeline~rebuild', 100, 'g1'), null);
    await store.replaceProjector(live, rebuilt);
    expect(store.explainPage('timeline', query).join(' ')).toMatch(/USING INDEX/);
    expect((await store.findPage('timeline', query)).documents.map((doc) => doc.revision)).toEqual([3, 10, 17, 24, 31]);

    // And back again, to the stored name that had it from the first declaration.
    await store.commitBatch('p~rebuild', at(3), entries('timeline~rebuild', 40, 'g2'), null);
    await store.replaceProjector(live, rebuilt);
    expect(store.explainPage('timeline', query).join(' ')).toMatch(/USING INDEX/);
    expect((await store.findPage('timeline', query)).documents.every((doc) => doc.generation === 'g2')).toBe(true);
  });

  it('forgets which name a collection is stored under when its documents table was dropped', async () => {
    const store = open();
    await store.commitBatch('p~rebuild', at(3), entries('timeline~rebuild', 5, 'new'), null);
    await store.replaceProjector(live, rebuilt);
    await store.close();

    const raw = new Database(file);
    raw.exec('DROP TABLE read_model_documents');
    raw.close();

    const reopened = open();
    await reopened.commitBatch('p', at(1), entries('timeline', 3, 'fresh'));
    expect(await reopened.all('timeline')).toHaveLength(3);
    expect(await reopened.getCheckpoint('p')).toEqual(at(1));
  });
});
