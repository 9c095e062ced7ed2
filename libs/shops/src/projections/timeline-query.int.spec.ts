import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { TIMELINE_COLLECTION, TIMELINE_INDEXES, timelineEntryId } from './timeline.projection';
import { TimelineFilter, timelinePageQuery } from './timeline-query';

/** Every history query shape reads through one of the timeline's indexes rather than the whole collection. */
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

  const FROM = '2026-11-01T00:00:00.000Z';
  const TO = '2026-11-02T00:00:00.000Z';
  const shapes: Record<string, TimelineFilter> = {
    none: {},
    'one type': { types: ['AccountUnlinked'] },
    'several types': { types: ['AccountUnlinked', 'UnlinkRequested'] },
    actor: { actor: 'member:m-17' },
    from: { from: FROM },
    to: { to: TO },
    window: { from: FROM, to: TO },
    everything: { types: ['AccountUnlinked', 'UnlinkRequested'], actor: 'member:m-17', from: FROM, to: TO },
  };

  it.each(Object.entries(shapes))('%s, first page and next pages', (_, filter) => {
    for (const after of [null, 41]) {
      const plan = store.explainPage(TIMELINE_COLLECTION, timelinePageQuery('shop-1', filter, after, 100)).join(' | ');
      expect(plan).toMatch(/USING (COVERING )?INDEX rmx_shop_timeline__/);
      expect(plan).not.toMatch(/\bSCAN\b|PRIMARY KEY/);
    }
  });

  it('reads a page deep in a long history about as fast as the first: the cursor seeks, it does not walk', async () => {
    const entries = 50_000;
    for (let start = 0; start < entries; start += 5_000) {
      const writes = [];
      for (let revision = start; revision < start + 5_000; revision += 1) {
        const doc = { shopId: 'long', revision, type: 'OrderPlaced', actor: 'system:orders', occurredAt: new Date(Date.UTC(2026, 0, 1) + revision * 1000).toISOString() };
        writes.push({ collection: TIMELINE_COLLECTION, id: timelineEntryId('long', revision), doc });
      }
      await store.commitBatch('seed', { position: { commit: BigInt(start), prepare: BigInt(start) }, eventCreatedAt: new Date() }, writes);
    }
    const timeOf = async (afterRevision: number | null) => {
      const started = process.hrtime.bigint();
      for (let i = 0; i < 20; i += 1) {
        const page = await store.findPage(TIMELINE_COLLECTION, timelinePageQuery('long', {}, afterRevision, 100));
        expect(page.documents[0].revision).toBe(afterRevision === null ? 0 : afterRevision + 1);
      }
      return Number(process.hrtime.bigint() - started) / 1e6;
    };

    await timeOf(null); // warm the statement cache and the pages
    const first = await timeOf(null);
    const deep = await timeOf(entries - 200);

    // Walking 50,000 entries per page would cost about a hundred times more.
    expect(deep).toBeLessThan(first * 10 + 20);
  });
});
