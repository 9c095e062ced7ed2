import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, registerShopBody } from './support/shop-fixtures';
import { CAMPAIGNS, detailCodes, eventTypes, logHead, ORDERS, ShopScenario } from './support/shop-scenarios';

const TRUST_AND_SAFETY = { actor: 'system:trust-and-safety' };

/**
 * Trust and safety unlinks an account for a policy violation (no code, no freeze, counted and
 * shown), restricts a shop (no new links, no campaigns) and lifts the restriction; support
 * deactivates on the seller's behalf with a ticket; a shop closes for good.
 */
describe('Enforcement by trust and safety', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('tns-shop');
    await shops.link('tns-shop', 'acct-tns-official', 'official');
    await shops.link('tns-shop', 'acct-tns-mkt', 'marketing');
    await shops.credit('tns-shop', 'settle-tns-1', 8_000);
    await shops.placeOrder('tns-shop', 'order-tns-1');
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('refuses an enforced unlink from anyone but trust and safety (FORBIDDEN_ROLE), recording nothing', async () => {
    const headBefore = await logHead(app);
    for (const actor of ['member:m-owner', 'system:security', 'support:agent-4']) {
      const refused = await app.command(
        'POST',
        '/v1/shops/tns-shop/links/acct-tns-official/enforced-unlink',
        { violation: 'x' },
        { actor },
      );
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    }
    expect(await logHead(app)).toBe(headBefore);
  });

  it('unlinks the official account at once for a policy violation: no code, no freeze, despite an order and 24 hours', async () => {
    const unlinked = await app.command(
      'POST',
      '/v1/shops/tns-shop/links/acct-tns-official/enforced-unlink',
      { violation: 'Counterfeit goods promoted in live streams' },
      TRUST_AND_SAFETY,
    );
    expect(unlinked.status).toBe(200);
    expect(eventTypes(unlinked)).toEqual(['AccountUnlinkedForPolicyViolation', 'AccountUnlinked']);
    expect(unlinked.body.confirmationCode).toBeUndefined();

    const status = await shops.status('tns-shop', unlinked);
    expect(status.officialAccount).toBeNull();
    expect(status.links.find((l: { accountId: string }) => l.accountId === 'acct-tns-official')).toMatchObject({
      state: 'unlinked',
      unlinked: { mode: 'enforced', reason: 'policy_violation' },
    });
    expect(status.officialUnlinkCount).toBe(1);
    expect(status.enforcement.policyViolationUnlinkCount).toBe(1);
    expect(status.money).toEqual({ currency: 'GBP', available: 8_000, pendingWithdrawal: 0, frozen: 0 });
    expect(status.moneyFrozen).toBe(false);

    const account = await app.query('/v1/accounts/acct-tns-official', unlinked);
    expect(account.body.linkedTo).toBeNull();
  });

  it('restricts the shop: new link requests and campaigns are refused with SHOP_RESTRICTED; shown in the status', async () => {
    const restricted = await app.command(
      'POST',
      '/v1/shops/tns-shop/restrictions',
      { restrictionId: 'restr-1', reason: 'Repeated counterfeit listings', scope: ['link_requests', 'campaigns'] },
      TRUST_AND_SAFETY,
    );
    expect(restricted.status).toBe(200);
    expect(eventTypes(restricted)).toEqual(['ShopRestricted']);
    const status = await shops.status('tns-shop', restricted);
    expect(status.enforcement.restrictions).toEqual([
      expect.objectContaining({ restrictionId: 'restr-1', scope: ['link_requests', 'campaigns'], reason: 'Repeated counterfeit listings' }),
    ]);

    const headBefore = await logHead(app);
    const link = await app.command('POST', '/v1/shops/tns-shop/links', linkBody('acct-tns-new', 'official'));
    expect(link.status).toBe(422);
    expect(link.body.code).toBe('SHOP_RESTRICTED');
    expect(detailCodes(link)).toEqual(['SHOP_RESTRICTED']);
    const campaign = await app.command(
      'POST',
      '/v1/shops/tns-shop/campaigns',
      { campaignId: 'camp-tns', accountId: 'acct-tns-mkt' },
      CAMPAIGNS,
    );
    expect(campaign.status).toBe(422);
    expect(campaign.body.code).toBe('SHOP_RESTRICTED');
    expect(await logHead(app)).toBe(headBefore);
  });

  it('a restriction without a scope is a validation error, naming the field', async () => {
    const invalid = await app.command(
      'POST',
      '/v1/shops/tns-shop/restrictions',
      { restrictionId: 'restr-2', reason: 'r', scope: [] },
      TRUST_AND_SAFETY,
    );
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.details)).toContain('scope');
  });

  it('lifts the restriction: campaigns run again; lifting it twice is RESTRICTION_NOT_FOUND', async () => {
    const lifted = await app.command(
      'POST',
      '/v1/shops/tns-shop/restrictions/restr-1/lifting',
      { reason: 'Appeal upheld' },
      TRUST_AND_SAFETY,
    );
    expect(lifted.status).toBe(200);
    expect(eventTypes(lifted)).toEqual(['ShopRestrictionLifted']);
    expect((await shops.status('tns-shop', lifted)).enforcement.restrictions).toEqual([]);
    await shops.startCampaign('tns-shop', 'camp-tns', 'acct-tns-mkt');

    const again = await app.command('POST', '/v1/shops/tns-shop/restrictions/restr-1/lifting', { reason: 'again' }, TRUST_AND_SAFETY);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('RESTRICTION_NOT_FOUND');
  });
});

describe('Support deactivation and closure', () => {
  let app: ShoplinkTestApp;

  const post = (path: string, body: unknown, actor?: string) => app.command('POST', path, body, { actor });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('a support agent deactivates on the seller’s behalf with a ticket, recorded in ShopDeactivated; not without one', async () => {
    expect((await app.command('POST', '/v1/shops', registerShopBody('assisted-leave'))).status).toBe(201);
    const noTicket = await post('/v1/shops/assisted-leave/deactivation', {}, 'support:agent-4');
    expect(noTicket.status).toBe(422);
    expect(noTicket.body.code).toBe('TICKET_REQUIRED');

    const left = await post('/v1/shops/assisted-leave/deactivation', { ticketId: 'TCK-7' }, 'support:agent-4');
    expect(left.status).toBe(200);
    expect(eventTypes(left)).toEqual(['ShopDeactivated']);
    const events = await app.query('/v1/audit/streams/shop-assisted-leave/events');
    expect(events.body.events.at(-1)).toMatchObject({ type: 'ShopDeactivated', data: { ticketId: 'TCK-7' } });
  });

  it('the seller closes a shop for good: reactivation is refused with SHOP_CLOSED, and so is every other command', async () => {
    expect((await app.command('POST', '/v1/shops', registerShopBody('closing-shop'))).status).toBe(201);
    const closed = await post('/v1/shops/closing-shop/closure', { reason: 'The business is retiring' });
    expect(closed.status).toBe(200);
    expect(eventTypes(closed)).toEqual(['ShopClosed']);
    const status = (await app.query('/v1/shops/closing-shop', closed)).body;
    expect(status.status).toBe('closed');
    expect(status.enforcement).toMatchObject({ closedBy: 'seller', closedAt: expect.any(String) });

    const headBefore = await logHead(app);
    const reactivated = await post('/v1/shops/closing-shop/reactivation', undefined);
    expect(reactivated.status).toBe(409);
    expect(reactivated.body.code).toBe('SHOP_CLOSED');
    const deactivated = await post('/v1/shops/closing-shop/deactivation', undefined);
    expect(deactivated.body.code).toBe('SHOP_CLOSED');
    expect(await logHead(app)).toBe(headBefore);
  });

  it('closure is blocked like deactivation, every blocker at once (CLOSURE_BLOCKED)', async () => {
    const shops = new ShopScenario(app);
    await shops.verifiedShop('busy-shop');
    await shops.link('busy-shop', 'acct-busy', 'official');
    await shops.placeOrder('busy-shop', 'order-busy');
    const refused = await post('/v1/shops/busy-shop/closure', { reason: 'r' }, 'system:trust-and-safety');
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('CLOSURE_BLOCKED');
    expect([...detailCodes(refused)].sort()).toEqual(['ACCOUNTS_STILL_LINKED', 'ORDERS_AWAITING_FULFILMENT']);
  });

  it('open refunds, returns and disputes block closure until the order service settles them', async () => {
    const shops = new ShopScenario(app);
    await shops.verifiedShop('refund-shop');
    await shops.placeOrder('refund-shop', 'order-rf');
    await app.command('POST', '/v1/shops/refund-shop/orders/order-rf/cancellation', undefined, ORDERS);
    app.clock.advanceHours(91 * 24); // past the cooling period after the cancelled order
    const opened = await post(
      '/v1/shops/refund-shop/after-sales-cases',
      { caseId: 'dp-1', kind: 'dispute', orderId: 'order-rf' },
      ORDERS.actor,
    );
    expect(opened.status).toBe(200);
    expect(eventTypes(opened)).toEqual(['AfterSalesCaseOpened']);
    expect((await app.query('/v1/shops/refund-shop', opened)).body.enforcement.openAfterSalesCases).toEqual([
      { caseId: 'dp-1', kind: 'dispute', orderId: 'order-rf' },
    ]);

    const blocked = await post('/v1/shops/refund-shop/closure', { reason: 'r' });
    expect(blocked.status).toBe(422);
    expect(detailCodes(blocked)).toEqual(['DISPUTES_OPEN']);

    const bySeller = await post('/v1/shops/refund-shop/after-sales-cases/dp-1/settlement', undefined);
    expect(bySeller.body.code).toBe('FORBIDDEN_ROLE');
    const settled = await post('/v1/shops/refund-shop/after-sales-cases/dp-1/settlement', undefined, ORDERS.actor);
    expect(eventTypes(settled)).toEqual(['AfterSalesCaseSettled']);
    expect((await post('/v1/shops/refund-shop/closure', { reason: 'r' })).status).toBe(200);
  });

  it('trust and safety closes a shop too; a shop whose personal data was erased cannot be reactivated', async () => {
    expect((await app.command('POST', '/v1/shops', registerShopBody('tns-closed'))).status).toBe(201);
    const closed = await post('/v1/shops/tns-closed/closure', { reason: 'Fraud ring' }, 'system:trust-and-safety');
    expect(closed.status).toBe(200);
    expect((await app.query('/v1/shops/tns-closed', closed)).body.enforcement.closedBy).toBe('trust_and_safety');

    expect((await app.command('POST', '/v1/shops', registerShopBody('erased-shop'))).status).toBe(201);
    expect((await post('/v1/shops/erased-shop/deactivation', undefined)).status).toBe(200);
    const erased = await post('/v1/shops/erased-shop/personal-data/erasure', { ticketId: 'TCK-9' }, 'support:privacy-desk');
    expect(erased.status).toBe(200);
    const reactivated = await post('/v1/shops/erased-shop/reactivation', undefined);
    expect(reactivated.status).toBe(409);
    expect(reactivated.body.code).toBe('PERSONAL_DATA_ERASED');
  });
});

describe('One business, one shop per market', () => {
  let app: ShoplinkTestApp;

  const register = (shopId: string, overrides: Record<string, unknown>) =>
    app.command('POST', '/v1/shops', registerShopBody(shopId, overrides));

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('a registration number is recorded; the same business (however spelled) is refused a second shop in that market', async () => {
    const first = await register('biz-first', { registrationNumber: 'SC 123-456' });
    expect(first.status).toBe(201);
    const events = await app.query('/v1/audit/streams/shop-biz-first/events');
    expect(events.body.events[0]).toMatchObject({ type: 'ShopRegistered', data: { registrationNumber: 'SC 123-456' } });

    const headBefore = await logHead(app);
    const again = await register('biz-second', { registrationNumber: 'sc123456' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BUSINESS_ALREADY_REGISTERED');
    expect(detailCodes(again)).toEqual(['BUSINESS_ALREADY_REGISTERED']);
    expect(await logHead(app)).toBe(headBefore);
    expect((await app.query('/v1/shops/biz-second')).status).toBe(404);
    const claims = await app.query('/v1/audit/streams/business-GB-SC123456/events');
    expect(claims.body.events.map((e: { type: string; data: { shopId: string } }) => [e.type, e.data.shopId])).toEqual([
      ['BusinessRegistrationClaimed', 'biz-first'],
    ]);
  });

  it('once its shop is closed, the business may never register there again (detail BUSINESS_CLOSED_IN_MARKET); another market is another registration', async () => {
    expect((await app.command('POST', '/v1/shops/biz-first/closure', { reason: 'Retiring' })).status).toBe(200);
    const again = await register('biz-third', { registrationNumber: 'SC123456' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('BUSINESS_ALREADY_REGISTERED');
    expect(detailCodes(again)).toEqual(['BUSINESS_CLOSED_IN_MARKET']);

    const elsewhere = await register('biz-de', { registrationNumber: 'SC123456', region: 'DE', currency: 'EUR' });
    expect(elsewhere.status).toBe(201);
  });

  it('shops registered without a number (as before it was asked) are not claimed', async () => {
    expect((await register('no-number-1', {})).status).toBe(201);
    expect((await register('no-number-2', {})).status).toBe(201);
  });
});
