import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody } from './support/shop-fixtures';
import { bearer } from './support/service-tokens';
import { eventTypes, ShopScenario } from './support/shop-scenarios';

/**
 * GET /v1/shops/:shopId/history: the timeline an auditor reads, its filters, and cursor
 * pages that stay put while the shop keeps changing.
 */
describe('Shop history', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  const shop = '/v1/shops/history-shop';
  /** The answer of the last command, for read-your-writes. */
  let last: HttpAnswer;
  /** When each step ran (the test clock), to cut time windows on. */
  const times: Record<string, string> = {};

  async function history(query = '', after: HttpAnswer = last): Promise<HttpAnswer> {
    const separator = query === '' ? '' : '&';
    return app.request('GET', `${shop}/history?minPosition=${after.body.position}${separator}${query}`);
  }

  const types = (answer: HttpAnswer): string[] => answer.body.entries.map((e: { type: string }) => e.type);

  async function allPages(query: string, limit: number): Promise<{ entries: any[]; pages: number }> {
    const entries: any[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const answer = await history(`limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      entries.push(...answer.body.entries);
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor !== null);
    return { entries, pages };
  }

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);
    const step = async (name: string, command: () => Promise<HttpAnswer>) => {
      app.clock.advanceHours(1);
      times[name] = app.clock.now().toISOString();
      last = await command();
      expect(last.status).toBeLessThan(300);
    };
    await step('open', () => scenario.verifiedShop('history-shop'));
    await step('grant m-17', () => scenario.grant('history-shop', 'm-17', 'admin'));
    await step('grant m-9', () => scenario.grant('history-shop', 'm-9', 'finance'));
    await step('link brand', () => scenario.link('history-shop', 'brand', 'official'));
    await step('rejected link', async () => {
      const refused = await app.command('POST', `${shop}/links`, linkBody('teen-x', 'marketing', { ownerAge: 15, region: 'DE' }), {
        headers: { 'x-correlation-id': 'corr-rejected-link', ...(await bearer({ service: 'seller-center' })) },
      });
      expect(refused.status).toBe(422);
      return { ...refused, status: 200 };
    });
    await step('credit', () => scenario.credit('history-shop', 'settle-1', 4500));
    await step('withdraw', () => scenario.withdraw('history-shop', 'wd-1', 4500, 'member:m-9'));
    await step('paid out', () => scenario.completeWithdrawal('history-shop', 'wd-1'));
    app.clock.advanceHours(24);
    await step('unlink', async () => {
      const m17 = { actor: 'member:m-17' };
      const requested = await app.command('POST', `${shop}/links/brand/unlink-requests`, { reason: 'closure' }, m17);
      expect(requested.status).toBe(200);
      const { requestId, confirmationCode } = requested.body;
      return app.command('POST', `${shop}/links/brand/unlink-requests/${requestId}/confirmation`, { code: confirmationCode }, m17);
    });
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('lists one entry per event, oldest first, with who, why, the ids and a summary', async () => {
    const answer = await history();

    expect(answer.status).toBe(200);
    expect(answer.body.shopId).toBe('history-shop');
    expect(answer.body.nextCursor).toBeNull();
    expect(types(answer)).toEqual([
      'ShopRegistered',
      'BusinessVerificationSubmitted',
      'BusinessVerified',
      'ShopGraduatedFromProbation',
      'AccessGranted',
      'AccessGranted',
      'AccountLinkRequested',
      'AccountLinkAuthorized',
      'AccountLinked',
      'AccountLinkRejected',
      'FundsCredited',
      'FundsWithdrawalRequested',
      'FundsWithdrawn',
      'UnlinkRequested',
      'AccountUnlinked',
    ]);
    const entries = answer.body.entries;
    expect(entries.map((e: { revision: number }) => e.revision)).toEqual(entries.map((_: unknown, i: number) => i));
    const byType = (type: string) => entries.filter((e: { type: string }) => e.type === type).at(-1);

    expect(byType('AccountUnlinked')).toEqual({
      shopId: 'history-shop',
      revision: 14,
      position: last.body.position,
      eventId: last.body.events[0].id,
      type: 'AccountUnlinked',
      occurredAt: times.unlink,
      actor: 'member:m-17',
      callingService: 'test-suite',
      // The member was proven with a password and a one-time code (the test app's assertion).
      authMethods: 'pwd otp',
      authTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
      authIssuer: null,
      assertionId: expect.any(String),
      reason: 'closure',
      correlationId: expect.any(String),
      causationId: last.body.commandId,
      commandId: last.body.commandId,
      summary: 'Official account @brand unlinked by member m-17: business closure',
    });
    expect(byType('AccountLinkRejected')).toMatchObject({
      actor: 'member:m-owner',
      callingService: 'seller-center',
      correlationId: 'corr-rejected-link',
      reason: 'OWNER_UNDERAGE, REGION_MISMATCH',
      summary: 'Link of @teen_x as marketing rejected: OWNER_UNDERAGE, REGION_MISMATCH',
    });
    expect(byType('FundsWithdrawalRequested').summary).toBe('Withdrawal wd-1 of 45.00 GBP requested by member m-9');
    expect(byType('FundsCredited').summary).toBe('Settlement settle-1 of 45.00 GBP for order order-settled credited');
    expect(byType('BusinessVerified')).toMatchObject({ actor: 'system:kyb', reason: null, summary: 'Business verified by system kyb' });
  });

  it('filters by one or several event types', async () => {
    expect(types(await history('type=AccessGranted'))).toEqual(['AccessGranted', 'AccessGranted']);
    expect(types(await history('type=AccountUnlinked,AccountLinked,AccountLinked'))).toEqual(['AccountLinked', 'AccountUnlinked']);
    expect(types(await history('type=ShopDeactivated'))).toEqual([]);
  });

  it('filters by time, from inclusive and to exclusive', async () => {
    const answer = await history(`from=${times.credit}&to=${times['paid out']}`);

    expect(types(answer)).toEqual(['FundsCredited', 'FundsWithdrawalRequested']);
    expect(answer.body.entries[0].occurredAt).toBe(times.credit);
    // An offset names the same instant as Z; a date alone means UTC midnight.
    const sameInstantAtPlusOne = new Date(Date.parse(times.credit) + 3_600_000).toISOString().replace('Z', '+01:00');
    expect(types(await history(`from=${encodeURIComponent(sameInstantAtPlusOne)}&to=${times['paid out']}`))).toEqual([
      'FundsCredited',
      'FundsWithdrawalRequested',
    ]);
    expect(types(await history(`to=${times.open.slice(0, 10)}`))).toEqual([]);
  });

  it('filters by actor, alone or with the other filters', async () => {
    expect(types(await history('actor=member:m-17'))).toEqual(['UnlinkRequested', 'AccountUnlinked']);
    expect(types(await history('actor=system:kyb'))).toEqual(['BusinessVerified']);
    expect(types(await history(`actor=member:m-17&type=AccountUnlinked&from=${times.unlink}`))).toEqual(['AccountUnlinked']);
  });

  it('pages with an opaque cursor, every entry once, and a filtered walk too', async () => {
    const everything = (await history()).body.entries;

    const walked = await allPages('', 4);
    expect(walked.pages).toBe(4);
    expect(walked.entries).toEqual(everything);

    const grants = await allPages('&type=AccessGranted,AccountLinked', 1);
    expect(grants.entries.map((e) => e.type)).toEqual(['AccessGranted', 'AccessGranted', 'AccountLinked']);
    expect(grants.pages).toBe(3);
  });

  it('keeps pages in place while events are appended between them', async () => {
    const first = await history('limit=5');
    expect(first.body.entries.map((e: { revision: number }) => e.revision)).toEqual([0, 1, 2, 3, 4]);

    last = await scenario.placeOrder('history-shop', 'order-during-paging');
    const second = await history(`limit=100&cursor=${first.body.nextCursor}`);

    expect(second.body.entries[0].revision).toBe(5);
    expect(second.body.entries.at(-1)).toMatchObject({
      type: 'OrderPlaced',
      summary: 'Order order-during-paging of 25.99 GBP placed by system orders',
    });
    expect(second.body.nextCursor).toBeNull();
    expect(first.body.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('waits for the position of a command answer (read your writes)', async () => {
    last = await scenario.placeOrder('history-shop', 'order-just-placed');

    const answer = await history('type=OrderPlaced');

    expect(types(answer)).toEqual(['OrderPlaced', 'OrderPlaced']);
    expect(answer.body.entries.at(-1).position).toBe(last.body.position);
  });

  it('answers 404 SHOP_NOT_FOUND for a shop it has never seen', async () => {
    const answer = await app.request('GET', '/v1/shops/never-registered/history');

    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('SHOP_NOT_FOUND');
  });

  it('names every bad query field in one 400', async () => {
    const answer = await app.request(
      'GET',
      `${shop}/history?type=AccountUnlinked,Bogus&from=yesterday&to=2026-11-01T10:00&actor=boss&limit=501&cursor=not-a-cursor&minPosition=x&colour=red`,
    );

    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    const fields = answer.body.details.map((d: { field: string }) => d.field);
    expect(new Set(fields)).toEqual(
      new Set(['query.type', 'query.from', 'query.to', 'query.actor', 'query.limit', 'query.cursor', 'query.minPosition', 'query.colour']),
    );
    expect(answer.body.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'query.type', code: 'UNKNOWN_EVENT_TYPE' })]),
    );
  });

  it('refuses a limit of 0, a window that ends before it starts, and a repeated type', async () => {
    const answer = await app.request(
      'GET',
      `${shop}/history?limit=0&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z&type=OrderPlaced&type=AccountLinked`,
    );

    expect(answer.status).toBe(400);
    expect(answer.body.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual(
      expect.arrayContaining(['query.limit MATCHES', 'query.to EMPTY_TIME_WINDOW', 'query.type IS_STRING']),
    );
  });

  it('pages 100 entries by default and up to 500 when asked', async () => {
    for (let i = 0; i < 90; i += 1) last = await scenario.placeOrder('history-shop', `bulk-order-${i}`);

    const byDefault = await history();
    const most = await history('limit=500');

    expect(byDefault.body.entries).toHaveLength(100);
    expect(byDefault.body.nextCursor).not.toBeNull();
    expect(most.body.entries).toHaveLength(107);
    expect(most.body.nextCursor).toBeNull();
    expect(eventTypes(last)).toEqual(['OrderPlaced']);
  });
});
