import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { TIMELINE_BLOCK_SIZE, TIMELINE_COLLECTION, TIMELINE_INDEXES, timelineBlockId, TimelineEntry } from './timeline.projection';
import { matchesTimelineFilter, timelineBlocksQuery } from './timeline-query';

/** The history reads a shop's timeline blocks through the timeline's one index, and a cursor deep in the history seeks. */
describe('Timeline queries on SQLite', () => {
  let dir: string;
  let store: SqliteReadModelStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'timeline-'));
    store = new SqliteReadModelStore(join(dir, 'shoplink.db'));
    await store.ensureIndexes(TIMELINE_INDEXES);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([null, 0, 41, 63, 64, 1_000])('reads the blocks after revision %p through the index', (after) => {
    const plan = store.explainPage(TIMELINE_COLLECTION, timelineBlocksQuery('shop-1', after, 8)).join(' | ');
    expect(plan).toMatch(/USING (COVERING )?INDEX rmx_shop_timeline_blocks__/);
    expect(plan).not.toMatch(/\bSCAN\b|PRIMARY KEY/);
  });

  it('starts at the block holding the revision after the cursor', async () => {
    const shop = 'starts';
    const writes = [0, 1, 2, 3].map((block) => ({
      collection: TIMELINE_COLLECTION,
      id: timelineBlockId(shop, block),
      doc: { shopId: shop, block, firstRevision: block * TIMELINE_BLOCK_SIZE, lastRevision: (block + 1) * TIMELINE_BLOCK_SIZE - 1, entries: [] },
    }));
    await store.commitBatch('seed-starts', { position: { commit: 1n, prepare: 1n }, eventCreatedAt: new Date() }, writes);
    const firstBlock = async (after: number | null) => (await store.findPage(TIMELINE_COLLECTION, timelineBlocksQuery(shop, after, 1))).documents[0]?.block;

    expect(await firstBlock(null)).toBe(0);
    expect(await firstBlock(0)).toBe(0);
    expect(await firstBlock(62)).toBe(0);
    expect(await firstBlock(63)).toBe(1);
    expect(await firstBlock(64)).toBe(1);
    expect(await firstBlock(255)).toBeUndefined();
  });

  it('filters entries by types, actor and a time window, from inclusive and to exclusive', () => {
    const entry = { type: 'AccountUnlinked', actor: 'member:m-17', occurredAt: '2026-11-01T10:00:00.000Z' } as unknown as TimelineEntry;
    expect(matchesTimelineFilter(entry, {})).toBe(true);
    expect(matchesTimelineFilter(entry, { types: ['AccountLinked', 'AccountUnlinked'] })).toBe(true);
    expect(matchesTimelineFilter(entry, { types: ['AccountLinked'] })).toBe(false);
    expect(matchesTimelineFilter(entry, { actor: 'member:m-17' })).toBe(true);
    expect(matchesTimelineFilter(entry, { actor: 'member:m-18' })).toBe(false);
    expect(matchesTimelineFilter(entry, { from: '2026-11-01T10:00:00.000Z' })).toBe(true);
    expect(matchesTimelineFilter(entry, { to: '2026-11-01T10:00:00.000Z' })).toBe(false);
    expect(matchesTimelineFilter(entry, { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' })).toBe(true);
    expect(matchesTimelineFilter({ ...entry, actor: null }, { actor: 'member:m-17' })).toBe(false);
  });

  it('reads blocks deep in a long history about as fast as the first: the cursor seeks, it does not walk', async () => {
    const revisions = 200_000;
    const blocks = revisions / TIMELINE_BLOCK_SIZE;
    for (let start = 0; start < blocks; start += 500) {
      const writes = [];
      for (let block = start; block < Math.min(start + 500, blocks); block += 1) {
        const doc = { shopId: 'long', block, firstRevision: block * TIMELINE_BLOCK_SIZE, lastRevision: (block + 1) * TIMELINE_BLOCK_SIZE - 1, entries: [] };
        writes.push({ collection: TIMELINE_COLLECTION, id: timelineBlockId('long', block), doc });
      }
      await store.commitBatch('seed', { position: { commit: BigInt(start), prepare: BigInt(start) }, eventCreatedAt: new Date() }, writes);
    }
    const timeOf = async (afterRevision: number | null) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20; i += 1) {
        const page = await store.findPage(TIMELINE_COLLECTION, timelineBlocksQuery('long', afterRevision, 8));
        expect(page.documents[0].firstRevision).toBe(afterRevision === null ? 0 : Math.floor((afterRevision + 1) / TIMELINE_BLOCK_SIZE) * TIMELINE_BLOCK_SIZE);
      }
      return Number(process.hrtime.bigint() - started) / 1e6;
    };

    await timeOf(null); // warm the statement cache and the pages
    const first = await timeOf(null);
    const deep = await timeOf(revisions - 1_000);

    expect(deep).toBeLessThan(first * 10 + 20);
  });
});
