import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { SHOP_STATUS_COLLECTION } from '../projections/shop-status.document';
import { SHOP_LIST_INDEXES, ShopListFilter, shopListQueries } from './shop-list-queries';

/** Every query GET /v1/shops sends, for every filter combination, reads through one of the declared indexes. */
describe('Shop list queries on SQLite', () => {
  let dir: string;
  let store: SqliteReadModelStore;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shop-lists-'));
    store = new SqliteReadModelStore(join(dir, 'shoplink.db'));
    await store.ensureIndexes(SHOP_LIST_INDEXES);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const values = { status: [undefined, 'active', 'deactivated'], flag: [undefined, true, false] } as const;
  const filters: ShopListFilter[] = [];
  for (const status of values.status)
    for (const frozen of values.flag)
      for (const awaitingConfirmation of values.flag)
        for (const blocked of values.flag) filters.push({ status, frozen, awaitingConfirmation, blocked });

  it.each(filters.map((filter) => [JSON.stringify(filter), filter] as const))(
    '%s: every query, first page or next, uses an index and none scans the documents',
    (_, filter) => {
      for (const after of [null, { value: 'shop-1', id: 'shop-1' }]) {
        const { queries } = shopListQueries(filter, after, 100, new Date('2026-11-01T00:00:00Z'), DEFAULT_SHOP_POLICY);
        for (const query of queries) {
          const plan = store.explainPage(SHOP_STATUS_COLLECTION, query).join(' | ');
          expect(plan).toMatch(/USING (COVERING )?INDEX rmx_shop_status__/);
          expect(plan).not.toMatch(/\bSCAN\b|PRIMARY KEY/);
        }
      }
    },
  );
});
