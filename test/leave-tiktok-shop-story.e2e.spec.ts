import { ShoplinkTestApp, HttpAnswer } from './support/shoplink-test-app';
import { linkBody, MARKETING_SCOPES, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';

const SYSTEM = {
  kyb: { actor: 'system:kyb' },
  oauth: { actor: 'system:oauth-relay' },
  orders: { actor: 'system:orders' },
  payouts: { actor: 'system:payouts' },
};
const codes = (answer: HttpAnswer) => answer.body.details.map((d: { code: string }) => d.code);
const types = (answer: HttpAnswer) => answer.body.events.map((e: { type: string }) => e.type);

/**
 * A shop from registration to leaving TikTok Shop and back, following the creators'
 * "leave TikTok Shop" checklist: fulfil orders, withdraw funds, unlink, deactivate.
 * Every status answer on the way is checked.
 */
describe('A seller leaves TikTok Shop and comes back', () => {
  let app: ShoplinkTestApp;
  const shop = '/v1/shops/leaving-shop';

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  async function status(after: HttpAnswer) {
    const answer = await app.query(shop, after);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  async function ok(answer: Promise<HttpAnswer>, expectedTypes?: string[]): Promise<HttpAnswer> {
    const settled = await answer;
    if (settled.status >= 300) throw new Error(`unexpected ${settled.status}: ${JSON.stringify(settled.body)}`);
    if (expectedTypes) expect(types(settled)).toEqual(expectedTypes);
    return settled;
  }

  async function unlinkWithCode(accountId: string) {
    const requested = await ok(app.command('POST', `${shop}/links/${accountId}/unlink-requests`, { reason: 'closure' }), [
      'UnlinkRequested',
    ]);
    expect(requested.body.confirmationCode).toMatch(/^[0-9]{8}$/);
    const pending = await status(requested);
    expect(pending.openUnlinkRequests).toEqual([
      expect.objectContaining({ accountId, requestId: requested.body.requestId, failedAttempts: 0 }),
    ]);
    expect(JSON.stringify(pending)).not.toContain(requested.body.confirmationCode);
    return ok(
      app.command('POST', `${shop}/links/${accountId}/unlink-requests/${requested.body.requestId}/confirmation`, {
        code: requested.body.confirmationCode,
      }),
    );
  }

  it('opens, trades, clears every blocker, leaves, and comes back', async () => {
    // Opening: registered, verified, official and one marketing account linked.
    let last = await ok(app.command('POST', '/v1/shops', registerShopBody('leaving-shop')), ['ShopRegistered']);
    expect(await status(last)).toMatchObject({
      status: 'active',
      verification: { status: 'unverified' },
      money: { available: 0, pendingWithdrawal: 0, frozen: 0 },
    });
    await ok(app.command('POST', `${shop}/verification`, { documents: ['doc:kyb'] }));
    last = await ok(app.command('POST', `${shop}/verification/decision`, { outcome: 'verified' }, SYSTEM.kyb));
    expect((await status(last)).verification.status).toBe('verified');
    await ok(app.command('POST', `${shop}/links`, linkBody('acct-brand', 'official')));
    await ok(
      app.command('POST', `${shop}/links/acct-brand/authorization`, { decision: 'granted', grantedScopes: OFFICIAL_SCOPES }, SYSTEM.oauth),
    );
    await ok(app.command('POST', `${shop}/links`, linkBody('acct-ads', 'marketing')));
    last = await ok(
      app.command('POST', `${shop}/links/acct-ads/authorization`, { decision: 'granted', grantedScopes: MARKETING_SCOPES }, SYSTEM.oauth),
    );
    let s = await status(last);
    expect(s.officialAccount.accountId).toBe('acct-brand');
    expect(s.marketingAccounts.map((l: { accountId: string }) => l.accountId)).toEqual(['acct-ads']);

    // Trading: two orders, one settled, a campaign through the marketing account.
    await ok(app.command('POST', `${shop}/orders`, { orderId: 'order-1', amount: 4500 }, SYSTEM.orders));
    await ok(app.command('POST', `${shop}/orders`, { orderId: 'order-2', amount: 1500 }, SYSTEM.orders));
    await ok(app.command('POST', `${shop}/credits`, { settlementId: 'settle-1', orderId: 'order-1', amount: 4500 }, SYSTEM.payouts), [
      'FundsCredited',
    ]);
    last = await ok(app.command('POST', `${shop}/campaigns`, { campaignId: 'spring-sale', accountId: 'acct-ads' }), ['CampaignStarted']);
    s = await status(last);
    expect(s.money).toEqual({ currency: 'GBP', available: 4500, pendingWithdrawal: 0, frozen: 0 });
    expect(s.ordersAwaitingFulfilment).toEqual({ count: 2, orderIds: ['order-1', 'order-2'] });
    expect(s.activeCampaigns).toEqual([expect.objectContaining({ campaignId: 'spring-sale', accountId: 'acct-ads' })]);
    expect(s.blockers.unlinkOfficialAccount.map((b: { code: string }) => b.code)).toEqual(
      expect.arrayContaining(['ORDERS_AWAITING_FULFILMENT', 'TOO_SOON_AFTER_LINKING']),
    );

    // Wanting to leave: every blocker is named at once.
    const refused = await app.command('POST', `${shop}/deactivation`);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('DEACTIVATION_BLOCKED');
    expect(codes(refused)).toEqual(
      expect.arrayContaining(['ACCOUNTS_STILL_LINKED', 'CAMPAIGNS_ACTIVE', 'ORDERS_AWAITING_FULFILMENT', 'FUNDS_AVAILABLE']),
    );
    expect(s.blockers.deactivation.map((b: { code: string }) => b.code)).toEqual(codes(refused));

    // Checklist 1: fulfil (or cancel) every order.
    await ok(app.command('POST', `${shop}/orders/order-1/fulfilment`, undefined, SYSTEM.orders), ['OrderFulfilled']);
    last = await ok(app.command('POST', `${shop}/orders/order-2/cancellation`, undefined, SYSTEM.orders), ['OrderCancelled']);
    expect((await status(last)).ordersAwaitingFulfilment).toEqual({ count: 0, orderIds: [] });

    // Checklist 2: withdraw the funds.
    await ok(app.command('POST', `${shop}/withdrawals`, { withdrawalId: 'wd-1', amount: 4500 }), ['FundsWithdrawalRequested']);
    s = await status(await ok(app.command('POST', `${shop}/campaigns/spring-sale/end`), ['CampaignEnded']));
    expect(s.money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 4500, frozen: 0 });
    expect(s.blockers.unlinkOfficialAccount.map((b: { code: string }) => b.code)).toEqual(expect.arrayContaining(['WITHDRAWAL_IN_FLIGHT']));
    last = await ok(app.command('POST', `${shop}/withdrawals/wd-1/completion`, undefined, SYSTEM.payouts), ['FundsWithdrawn']);
    expect((await status(last)).money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 0, frozen: 0 });
    const withdrawals = await app.query(`${shop}/withdrawals`, last);
    expect(withdrawals.body.withdrawals).toEqual([expect.objectContaining({ withdrawalId: 'wd-1', amount: 4500, state: 'withdrawn' })]);

    // Checklist 3: unlink every account (a day after linking), each with its one-time code.
    app.clock.advanceHours(25);
    expect((await status(last)).blockers.unlinkOfficialAccount).toEqual([]);
    last = await unlinkWithCode('acct-ads');
    expect(types(last)).toEqual(['AccountUnlinked']);
    last = await unlinkWithCode('acct-brand');
    expect(types(last)).toEqual(['AccountUnlinked']);
    s = await status(last);
    expect(s.officialAccount).toBeNull();
    expect(s.marketingAccounts).toEqual([]);
    expect(s.officialUnlinkCount).toBe(1);
    expect((await app.query('/v1/accounts/acct-brand', last)).body.linkedTo).toBeNull();

    // Only the cooling period is left: 90 days after the last order closed.
    expect(s.blockers.deactivation.map((b: { code: string }) => b.code)).toEqual(['COOLING_PERIOD']);
    const cooling = await app.command('POST', `${shop}/deactivation`);
    expect(cooling.status).toBe(422);
    expect(codes(cooling)).toEqual(['COOLING_PERIOD']);

    // Checklist 4: deactivate.
    app.clock.advanceHours(90 * 24);
    last = await ok(app.command('POST', `${shop}/deactivation`), ['ShopDeactivated']);
    s = await status(last);
    expect(s.status).toBe('deactivated');
    expect(s.blockers.deactivation).toEqual([]);

    // And back.
    last = await ok(app.command('POST', `${shop}/reactivation`), ['ShopReactivated']);
    s = await status(last);
    expect(s.status).toBe('active');
    expect(s.deactivatedAt).toBeNull();
    // Nothing comes back silently: a relink starts from a new request and authorization.
    const relink = await ok(app.command('POST', `${shop}/links`, linkBody('acct-brand', 'official')), ['AccountLinkRequested']);
    expect((await status(relink)).officialAccount).toBeNull();
  });
});
