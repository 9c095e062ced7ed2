import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody } from './support/shop-fixtures';
import { SECURITY, ShopScenario } from './support/shop-scenarios';

/**
 * GET /v1/shops: the operational lists (frozen money, unlinks awaiting their code, shops
 * blocked from deactivation), paginated, and in agreement with each shop's own status.
 */
describe('Operational lists of shops', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  let last: HttpAnswer;

  async function list(query = ''): Promise<HttpAnswer> {
    const answer = await app.request('GET', `/v1/shops?minPosition=${last.body.position}${query ? `&${query}` : ''}`);
    expect(answer.status).toBe(200);
    return answer;
  }

  const ids = (answer: HttpAnswer): string[] => answer.body.shops.map((s: { shopId: string }) => s.shopId);

  async function ok(answer: Promise<HttpAnswer>): Promise<HttpAnswer> {
    const settled = await answer;
    if (settled.status >= 300) throw new Error(`unexpected ${settled.status}: ${JSON.stringify(settled.body)}`);
    return settled;
  }

  /** Every shop whose own status answer lists a deactivation blocker now. */
  async function blockedByStatus(shopIds: readonly string[]): Promise<string[]> {
    const blocked: string[] = [];
    for (const shopId of shopIds) {
      const status = await scenario.status(shopId, last);
      if (status.blockers.deactivation.length > 0) blocked.push(shopId);
    }
    return blocked;
  }

  const ALL = ['lst-cooling', 'lst-frozen', 'lst-gone', 'lst-idle', 'lst-pending-auth', 'lst-unlinking'];

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);

    // Nothing blocks it: never traded, nothing linked.
    last = await scenario.verifiedShop('lst-idle');
    // Left TikTok Shop.
    await scenario.verifiedShop('lst-gone');
    last = await ok(app.command('POST', '/v1/shops/lst-gone/deactivation'));
    // A security incident froze its money.
    await scenario.verifiedShop('lst-frozen');
    await scenario.credit('lst-frozen', 'settle-f', 1_000);
    last = await ok(
      app.command('POST', '/v1/shops/lst-frozen/security-incidents', { incidentId: 'inc-1', description: 'Phishing' }, SECURITY),
    );
    // Only a cooling period: its one order was fulfilled.
    await scenario.verifiedShop('lst-cooling');
    await scenario.placeOrder('lst-cooling', 'o-1');
    last = await scenario.fulfil('lst-cooling', 'o-1');
    // Only a link request awaiting the owner's authorization (48 hours).
    await scenario.verifiedShop('lst-pending-auth');
    last = await ok(app.command('POST', '/v1/shops/lst-pending-auth/links', linkBody('acct-pending', 'official')));
    // An unlink awaiting its confirmation code (a day after linking).
    await scenario.verifiedShop('lst-unlinking');
    await scenario.link('lst-unlinking', 'acct-unlinking', 'official');
    app.clock.advanceHours(25);
    last = await ok(app.command('POST', '/v1/shops/lst-unlinking/links/acct-unlinking/unlink-requests', { reason: 'privacy' }));
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('lists every shop in shopId order without filters, each with what an operator acts on', async () => {
    const answer = await list();

    expect(ids(answer)).toEqual(ALL);
    expect(answer.body.nextCursor).toBeNull();
    expect(answer.body.shops.find((s: { shopId: string }) => s.shopId === 'lst-frozen')).toEqual({
      shopId: 'lst-frozen',
      name: 'Shop lst-frozen',
      region: 'GB',
      status: 'active',
      stage: 'graduated',
      verification: 'verified',
      money: { currency: 'GBP', available: 0, pendingWithdrawal: 0, frozen: 1_000 },
      moneyFrozen: true,
      awaitingConfirmation: false,
      openUnlinkRequests: 0,
      blockedFromDeactivation: true,
      coolingPeriodEndsAt: null,
      revision: expect.any(Number),
      updatedAt: expect.any(String),
    });
  });

  it('filters by status, frozen money and unlinks awaiting confirmation, alone and together', async () => {
    expect(ids(await list('status=deactivated'))).toEqual(['lst-gone']);
    expect(ids(await list('status=active'))).toEqual(ALL.filter((id) => id !== 'lst-gone'));
    expect(ids(await list('frozen=true'))).toEqual(['lst-frozen']);
    expect(ids(await list('frozen=false&status=active'))).toEqual(['lst-cooling', 'lst-idle', 'lst-pending-auth', 'lst-unlinking']);
    expect(ids(await list('awaitingConfirmation=true'))).toEqual(['lst-unlinking']);
    expect(ids(await list('awaitingConfirmation=true&frozen=true'))).toEqual([]);
    expect(ids(await list('awaitingConfirmation=false&status=deactivated'))).toEqual(['lst-gone']);
  });

  it('lists as blocked from deactivation exactly the shops whose status shows a blocker, and the others as not blocked', async () => {
    const blocked = ids(await list('blocked=true'));

    expect(blocked).toEqual(['lst-cooling', 'lst-frozen', 'lst-pending-auth', 'lst-unlinking']);
    expect(blocked).toEqual(await blockedByStatus(ALL));
    expect(ids(await list('blocked=false'))).toEqual(['lst-idle']);
    expect(ids(await list('blocked=true&frozen=false'))).toEqual(['lst-cooling', 'lst-pending-auth', 'lst-unlinking']);
    expect(ids(await list('blocked=true&status=deactivated'))).toEqual([]);
  });

  it('lets time lift the time-bound blockers with no event: the authorization window, then the cooling period', async () => {
    app.clock.advanceHours(24); // 49 hours after the link request: its authorization window has closed.
    expect(ids(await list('blocked=true'))).toEqual(['lst-cooling', 'lst-frozen', 'lst-unlinking']);
    expect(ids(await list('blocked=true'))).toEqual(await blockedByStatus(ALL));

    const cooling = (await list('blocked=true')).body.shops[0];
    app.clock.advanceHours(90 * 24);
    expect(ids(await list('blocked=true'))).toEqual(['lst-frozen', 'lst-unlinking']);
    expect(ids(await list('blocked=true'))).toEqual(await blockedByStatus(ALL));
    expect(ids(await list('blocked=false'))).toEqual(['lst-cooling', 'lst-idle', 'lst-pending-auth']);
    expect(Date.parse(cooling.coolingPeriodEndsAt)).toBeLessThanOrEqual(app.clock.now().getTime());
  });

  it('pages with an opaque cursor, every shop once, also across the union behind blocked=true', async () => {
    const walk = async (query: string, limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const answer = await list(`limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(answer.body.shops.length).toBeGreaterThan(0);
        seen.push(...ids(answer));
        cursor = answer.body.nextCursor;
      } while (cursor !== null);
      return seen;
    };

    expect(await walk('', 4)).toEqual(ALL);
    expect(await walk('', 1)).toEqual(ALL);
    expect(await walk('&blocked=true', 1)).toEqual(ids(await list('blocked=true')));
    expect(await walk('&blocked=false', 1)).toEqual(ids(await list('blocked=false')));
  });

  it('keeps the next page in place when shops are registered before and after the cursor', async () => {
    const first = await list('limit=2');
    expect(ids(first)).toEqual(['lst-cooling', 'lst-frozen']);

    await scenario.verifiedShop('lst-aaa-early');
    last = await scenario.verifiedShop('lst-zzz-late');
    const second = await list(`limit=100&cursor=${first.body.nextCursor}`);

    expect(ids(second)).toEqual(['lst-gone', 'lst-idle', 'lst-pending-auth', 'lst-unlinking', 'lst-zzz-late']);
  });

  it('names every bad query field in one 400', async () => {
    const answer = await app.request(
      'GET',
      '/v1/shops?status=paused&frozen=yes&awaitingConfirmation=1&blocked=maybe&limit=501&cursor=nope&sort=name',
    );

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(new Set(answer.body.details.map((d: { field: string }) => d.field))).toEqual(
      new Set(['query.status', 'query.frozen', 'query.awaitingConfirmation', 'query.blocked', 'query.limit', 'query.cursor', 'query.sort']),
    );
  });
});
