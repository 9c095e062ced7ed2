import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionAt } from '@shoplink/event-store';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_LINKS_COLLECTION, ShopLinkDocument, shopLinkId } from '../projections/shop-links.projection';
import { SHOP_READ_MODELS } from '../projections/shop-read-models';
import { SHOP_STATUS_COLLECTION } from '../projections/shop-status.document';
import { ListPastLinks, ListPastLinksHandler, PastLinksKey, pastLinksPageQuery } from './list-past-links.query';

const link = (shopId: string, accountId: string, endedRevision: number | null): ShopLinkDocument => ({
  shopId,
  accountId,
  handle: accountId,
  role: 'marketing',
  state: endedRevision === null ? 'linked' : 'unlinked',
  reasons: [],
  requestedScopes: [],
  grantedScopes: [],
  requestedAt: null,
  authorizationExpiresAt: null,
  linkedAt: null,
  replacesAccountId: null,
  unlinked: null,
  updatedAt: '2026-01-05T08:00:00.000Z',
  endedRevision,
});

/** A shop's ended links page in the order they ended, through the declared index, whatever else the collection holds. */
describe('Past links on SQLite', () => {
  let dir: string;
  let store: SqliteReadModelStore;
  let handler: ListPastLinksHandler;
  const ENDED = 230;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'past-links-'));
    store = new SqliteReadModelStore(join(dir, 'shoplink.db'));
    await store.ensureIndexes(SHOP_READ_MODELS.indexes);
    const docs: ShopLinkDocument[] = [];
    // Account ids in another order than the ending revisions, and two links ended by one event.
    for (let i = 0; i < ENDED; i++) docs.push(link('big', `acct-${(ENDED - i) * 7}`, 10 + i - (i === 5 ? 1 : 0)));
    docs.push(link('big', 'acct-current', null), link('other', 'acct-1', 3), link('other', 'acct-2', null));
    await store.commitBatch('p', { position: positionAt(1), eventCreatedAt: new Date() }, [
      ...docs.map((doc) => ({ collection: SHOP_LINKS_COLLECTION, id: shopLinkId(doc.shopId, doc.accountId), doc })),
      { collection: SHOP_STATUS_COLLECTION, id: 'big', doc: { shopId: 'big' } },
    ]);
    handler = new ListPastLinksHandler(store);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('pages every ended link of the shop in ending order, ties by account, no current link, no other shop', async () => {
    const seen: string[] = [];
    let after: PastLinksKey | null = null;
    do {
      const page = await handler.execute(new ListPastLinks('big', after, 37));
      seen.push(...page.links.map((l) => `${l.endedRevision}:${l.accountId}`));
      after = page.last;
    } while (after !== null);
    const expected = Array.from({ length: ENDED }, (_, i) => ({ revision: 10 + i - (i === 5 ? 1 : 0), id: `acct-${(ENDED - i) * 7}` }))
      .sort((a, b) => a.revision - b.revision || (shopLinkId('big', a.id) < shopLinkId('big', b.id) ? -1 : 1))
      .map((e) => `${e.revision}:${e.id}`);
    expect(seen).toEqual(expected);
  });

  it('answers the link views without the fields that place them, and 404 for an unknown shop', async () => {
    const page = await handler.execute(new ListPastLinks('big', null, 1));
    expect(Object.keys(page.links[0])).not.toContain('shopId');
    expect(page.links[0]).toMatchObject({ accountId: expect.any(String), state: 'unlinked', endedRevision: 10 });
    await expect(handler.execute(new ListPastLinks('nobody', null, 10))).rejects.toMatchObject({ code: 'SHOP_NOT_FOUND' });
  });

  it('reads the first page and a deep one through the index, never scanning the documents', () => {
    for (const after of [null, { endedRevision: 200, accountId: 'acct-7' }]) {
      const plan = store.explainPage(SHOP_LINKS_COLLECTION, pastLinksPageQuery('big', after, 100)).join(' | ');
      expect(plan).toMatch(/USING (COVERING )?INDEX rmx_shop_links__/);
      expect(plan).not.toMatch(/\bSCAN\b|PRIMARY KEY/);
    }
  });
});
