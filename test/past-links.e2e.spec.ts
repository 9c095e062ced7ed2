import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody } from './support/shop-fixtures';
import { eventTypes, ShopScenario } from './support/shop-scenarios';

/**
 * A shop with a long past: the status answer holds the current links, the last 10 that ended and
 * the counts; every ended link pages through GET /v1/shops/:shopId/links?state=past, in the order
 * they ended.
 */
describe('Past links: a bounded status answer, the rest paged', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  const SHOP = 'past-shop';
  const CANCELLED = 24;
  /** Every ended link, in the order it ended. */
  const ended: string[] = [];
  let last: Awaited<ReturnType<ShoplinkTestApp['command']>>;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);
    await scenario.verifiedShop(SHOP);
    for (const accountId of ['acct-m-a', 'acct-m-b']) {
      await scenario.link(SHOP, accountId, 'marketing');
      app.clock.advanceHours(25); // past the 24 hours a new link must stay
      await scenario.unlink(SHOP, accountId);
      ended.push(accountId);
    }
    for (let i = 0; i < CANCELLED; i++) {
      const accountId = `acct-o-${String(i).padStart(2, '0')}`;
      expect((await app.command('POST', `/v1/shops/${SHOP}/links`, linkBody(accountId, 'official'))).status).toBe(200);
      const cancelled = await app.command('POST', `/v1/shops/${SHOP}/links/${accountId}/cancellation`);
      expect(eventTypes(cancelled)).toEqual(['LinkRequestCancelled']);
      ended.push(accountId);
    }
    await scenario.link(SHOP, 'acct-m-live', 'marketing');
    last = await app.command('POST', `/v1/shops/${SHOP}/links`, linkBody('acct-o-waiting', 'official'));
    expect(last.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await app.destroy();
  });

  it('answers the status with the current links, the last 10 ended, and the counts', async () => {
    const status = await scenario.status(SHOP, last);
    expect(status.linkCounts).toEqual({ linked: 1, awaitingAuthorization: 1, past: ended.length });
    const states = new Map(status.links.map((l: { accountId: string; state: string }) => [l.accountId, l.state]));
    expect(states.get('acct-m-live')).toBe('linked');
    expect(states.get('acct-o-waiting')).toBe('awaiting_authorization');
    expect([...states.keys()].filter((id) => states.get(id) !== 'linked' && states.get(id) !== 'awaiting_authorization').sort()).toEqual(
      ended.slice(-10).sort(),
    );
    expect(status.links).toHaveLength(12);
    expect(status.marketingAccounts.map((l: { accountId: string }) => l.accountId)).toEqual(['acct-m-live']);
  });

  it('pages every ended link through state=past, in the order they ended, nothing missing or repeated', async () => {
    const seen: { accountId: string; state: string; endedRevision: number }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await app.query(`/v1/shops/${SHOP}/links?state=past&limit=7${cursor ? `&cursor=${cursor}` : ''}`, last);
      expect(page.status).toBe(200);
      expect(page.body.shopId).toBe(SHOP);
      seen.push(...page.body.links);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    expect(pages).toBe(Math.ceil(ended.length / 7));
    expect(seen.map((l) => l.accountId)).toEqual(ended);
    expect(seen.slice(0, 2).map((l) => l.state)).toEqual(['unlinked', 'unlinked']);
    expect(new Set(seen.slice(2).map((l) => l.state))).toEqual(new Set(['request_cancelled']));
    const revisions = seen.map((l) => l.endedRevision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    // Handles are sealed in the read model and opened as the route answers, as in the status answer.
    expect(seen[0]).toMatchObject({ role: 'marketing', handle: 'acct_m_a', unlinked: expect.objectContaining({ mode: 'confirmed' }) });
    expect(seen[2]).toMatchObject({ role: 'official', handle: 'acct_o_00', reasons: ['CANCELLED_BY_SHOP'] });
  });

  it('a link that ends meanwhile comes after the pages already read', async () => {
    const first = await app.query(`/v1/shops/${SHOP}/links?state=past&limit=${ended.length}`, last);
    expect(first.body.nextCursor).toBeNull();
    const cancelled = await app.command('POST', `/v1/shops/${SHOP}/links/acct-o-waiting/cancellation`);
    expect(cancelled.status).toBe(200);
    const again = await app.query(`/v1/shops/${SHOP}/links?state=past&limit=${ended.length}`, cancelled);
    expect(again.body.links.map((l: { accountId: string }) => l.accountId)).toEqual(ended);
    const next = await app.query(`/v1/shops/${SHOP}/links?state=past&cursor=${again.body.nextCursor}`, cancelled);
    expect(next.body.links.map((l: { accountId: string }) => l.accountId)).toEqual(['acct-o-waiting']);
    expect(next.body.nextCursor).toBeNull();
    expect((await scenario.status(SHOP, cancelled)).linkCounts).toEqual({ linked: 1, awaitingAuthorization: 0, past: ended.length + 1 });
  });

  it('refuses a missing state, a bad cursor and a limit past 500; an unknown shop is 404', async () => {
    const noState = await app.query(`/v1/shops/${SHOP}/links`);
    expect(noState.status).toBe(400);
    expect(noState.body.details).toEqual([expect.objectContaining({ field: 'query.state' })]);
    const badCursor = await app.query(`/v1/shops/${SHOP}/links?state=past&cursor=timeline-3`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.details).toEqual([expect.objectContaining({ field: 'query.cursor', code: 'INVALID_CURSOR' })]);
    const tooMany = await app.query(`/v1/shops/${SHOP}/links?state=past&limit=501`);
    expect(tooMany.status).toBe(400);
    const unknown = await app.query('/v1/shops/no-such-shop/links?state=past');
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('SHOP_NOT_FOUND');
  });
});
