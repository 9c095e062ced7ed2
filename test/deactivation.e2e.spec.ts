import { ShoplinkTestApp, HttpAnswer } from './support/shoplink-test-app';
import { registerShopBody } from './support/shop-fixtures';
import { CAMPAIGNS, detailCodes, eventTypes, logHead, ORDERS, ShopScenario } from './support/shop-scenarios';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * Deactivation is blocked while any order awaits fulfilment, any money is available
 * or in a withdrawal, any account is still linked, any campaign runs, or the last order closed
 * less than the cooling period (90 days) ago; the answer lists every blocker.
 */
describe('Leaving TikTok Shop', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  const deactivate = (shopId: string, actor?: string) => app.command('POST', `/v1/shops/${shopId}/deactivation`, undefined, { actor });
  const reactivate = (shopId: string, actor?: string) => app.command('POST', `/v1/shops/${shopId}/reactivation`, undefined, { actor });

  /**
   * Deactivation is refused with exactly these blockers (any order), records nothing, and the
   * status shows the very same list live.
   */
  async function expectBlockedBy(expected: string[], after?: HttpAnswer): Promise<HttpAnswer> {
    const headBefore = await logHead(app);
    const refused = await deactivate('leaving-shop');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DEACTIVATION_BLOCKED');
    expect([...detailCodes(refused)].sort()).toEqual([...expected].sort());
    for (const detail of refused.body.details) expect(detail.message).toEqual(expect.any(String));
    expect(refused.body.events).toBeUndefined();
    expect(await logHead(app)).toBe(headBefore);
    const status = await shops.status('leaving-shop', after);
    expect(status.status).toBe('active');
    expect(status.blockers.deactivation).toEqual(refused.body.details);
    return refused;
  }

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('leaving-shop');
    await shops.link('leaving-shop', 'acct-leave-official', 'official');
    await shops.link('leaving-shop', 'acct-leave-mkt', 'marketing');
    await shops.startCampaign('leaving-shop', 'camp-leave', 'acct-leave-mkt');
    await shops.placeOrder('leaving-shop', 'order-leave-1');
    await shops.credit('leaving-shop', 'settle-leave-1', 10_000);
    await shops.withdraw('leaving-shop', 'wd-leave-1', 4_000);
    await shops.grant('leaving-shop', 'm-fin', 'finance');
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('a shop with nothing left leaves at once, and comes back', async () => {
    expect((await app.command('POST', '/v1/shops', registerShopBody('empty-shop'))).status).toBe(201);
    const left = await deactivate('empty-shop');
    expect(left.status).toBe(200);
    expect(eventTypes(left)).toEqual(['ShopDeactivated']);
    expect((await shops.status('empty-shop', left)).status).toBe('deactivated');
    const back = await reactivate('empty-shop');
    expect(back.status).toBe(200);
    expect((await shops.status('empty-shop', back)).status).toBe('active');
  });

  it('only an admin may take the shop out (a finance member is refused 403 FORBIDDEN_ROLE)', async () => {
    const byFinance = await deactivate('leaving-shop', 'member:m-fin');
    expect(byFinance.status).toBe(403);
    expect(byFinance.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('is refused listing every blocker at once: linked accounts, a running campaign, an order awaiting fulfilment, money available, a withdrawal in flight', async () => {
    const refused = await expectBlockedBy([
      'ACCOUNTS_STILL_LINKED',
      'CAMPAIGNS_ACTIVE',
      'ORDERS_AWAITING_FULFILMENT',
      'FUNDS_AVAILABLE',
      'WITHDRAWAL_IN_FLIGHT',
    ]);
    const message = (code: string) => refused.body.details.find((d: { code: string }) => d.code === code).message;
    expect(message('ACCOUNTS_STILL_LINKED')).toContain('acct-leave-official');
    expect(message('ACCOUNTS_STILL_LINKED')).toContain('acct-leave-mkt');
    expect(message('CAMPAIGNS_ACTIVE')).toContain('camp-leave');
    expect(message('ORDERS_AWAITING_FULFILMENT')).toContain('order-leave-1');
    expect(message('WITHDRAWAL_IN_FLIGHT')).toContain('wd-leave-1');
  });

  it('the blockers clear one by one; fulfilling the last order starts the 90-day cooling period', async () => {
    const fulfilled = await shops.fulfil('leaving-shop', 'order-leave-1');
    const fulfilledAt = app.clock.now().toISOString();
    await expectBlockedBy(
      ['ACCOUNTS_STILL_LINKED', 'CAMPAIGNS_ACTIVE', 'FUNDS_AVAILABLE', 'WITHDRAWAL_IN_FLIGHT', 'COOLING_PERIOD'],
      fulfilled,
    );

    const ended = await app.command('POST', '/v1/shops/leaving-shop/campaigns/camp-leave/end', undefined, CAMPAIGNS);
    expect(ended.status).toBe(200);
    expect(eventTypes(ended)).toEqual(['CampaignEnded']);
    await expectBlockedBy(['ACCOUNTS_STILL_LINKED', 'FUNDS_AVAILABLE', 'WITHDRAWAL_IN_FLIGHT', 'COOLING_PERIOD'], ended);

    const paidOut = await shops.completeWithdrawal('leaving-shop', 'wd-leave-1');
    await expectBlockedBy(['ACCOUNTS_STILL_LINKED', 'FUNDS_AVAILABLE', 'COOLING_PERIOD'], paidOut);

    // Withdrawing the rest: no longer available, but in flight until paid out.
    const rest = await shops.withdraw('leaving-shop', 'wd-leave-2', 6_000, 'member:m-fin');
    await expectBlockedBy(['ACCOUNTS_STILL_LINKED', 'WITHDRAWAL_IN_FLIGHT', 'COOLING_PERIOD'], rest);
    const restPaidOut = await shops.completeWithdrawal('leaving-shop', 'wd-leave-2');
    expect((await shops.status('leaving-shop', restPaidOut)).money).toEqual({
      currency: 'GBP',
      available: 0,
      pendingWithdrawal: 0,
      frozen: 0,
    });
    await expectBlockedBy(['ACCOUNTS_STILL_LINKED', 'COOLING_PERIOD'], restPaidOut);

    // Accounts go after the 24 hours since linking: the marketing one, then the official one.
    app.clock.advanceHours(25);
    const marketingGone = await shops.unlink('leaving-shop', 'acct-leave-mkt', 'closure');
    await expectBlockedBy(['ACCOUNTS_STILL_LINKED', 'COOLING_PERIOD'], marketingGone);
    const officialGone = await shops.unlink('leaving-shop', 'acct-leave-official', 'closure');
    const status = await shops.status('leaving-shop', officialGone);
    expect(status.officialAccount).toBeNull();
    expect(status.marketingAccounts).toEqual([]);
    expect(status.lastOrderClosedAt).toBe(fulfilledAt);

    // Refused now only for the cooling period, which names when the shop may leave.
    const onlyCooling = await expectBlockedBy(['COOLING_PERIOD'], officialGone);
    expect(onlyCooling.body.details[0].message).toContain(new Date(Date.parse(fulfilledAt) + 90 * DAY_MS).toISOString());
  });

  it('one hour before 90 days since the last order closed it is still refused for the cooling period; at 90 days it leaves', async () => {
    const { lastOrderClosedAt } = await shops.status('leaving-shop');
    expect(lastOrderClosedAt).toEqual(expect.any(String));
    const coolingEndsAt = Date.parse(lastOrderClosedAt) + 90 * DAY_MS;

    app.clock.advanceHours((coolingEndsAt - app.clock.now().getTime()) / HOUR_MS - 1);
    await expectBlockedBy(['COOLING_PERIOD']);

    app.clock.advanceHours(1);
    expect((await shops.status('leaving-shop')).blockers.deactivation).toEqual([]);
    const left = await deactivate('leaving-shop');
    expect(left.status).toBe(200);
    expect(eventTypes(left)).toEqual(['ShopDeactivated']);

    const status = await shops.status('leaving-shop', left);
    expect(status.status).toBe('deactivated');
    expect(status.deactivatedAt).toBe(app.clock.now().toISOString());
    expect(status.blockers.deactivation).toEqual([]);
  });

  it('a deactivated shop cannot leave again, takes no new order, and may come back', async () => {
    const again = await deactivate('leaving-shop');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SHOP_ALREADY_DEACTIVATED');

    const order = await app.command('POST', '/v1/shops/leaving-shop/orders', { orderId: 'order-after-leaving', amount: 100 }, ORDERS);
    expect(order.status).toBe(422);
    expect(order.body.code).toBe('SHOP_NOT_ACTIVE');

    const back = await reactivate('leaving-shop');
    expect(back.status).toBe(200);
    expect(eventTypes(back)).toEqual(['ShopReactivated']);
    const status = await shops.status('leaving-shop', back);
    expect(status.status).toBe('active');
    expect(status.deactivatedAt).toBeNull();
    // Nothing of the old links is silently restored.
    expect(status.officialAccount).toBeNull();
    expect(status.marketingAccounts).toEqual([]);

    const twice = await reactivate('leaving-shop');
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SHOP_NOT_DEACTIVATED');
  });
});
