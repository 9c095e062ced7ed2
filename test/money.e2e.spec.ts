import { ShoplinkTestApp } from './support/shoplink-test-app';
import { registerShopBody } from './support/shop-fixtures';
import { detailCodes, eventTypes, logHead, PAYOUTS, ShopScenario } from './support/shop-scenarios';

/**
 * Money: credit (idempotent by settlement id) → withdrawal to the verified bank
 * account (amount ≤ available, not frozen) → withdrawn | failed (money returns to available).
 * Integer minor units, never floating point; finance withdraws.
 */
describe("A shop's money", () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  const credit = (body: Record<string, unknown>, shopId = 'money-shop') =>
    app.command('POST', `/v1/shops/${shopId}/credits`, body, PAYOUTS);
  const withdraw = (body: Record<string, unknown>, actor = 'member:m-fin', shopId = 'money-shop') =>
    app.command('POST', `/v1/shops/${shopId}/withdrawals`, body, { actor });
  const withdrawals = async (after?: Parameters<ShoplinkTestApp['query']>[1]) => {
    const list = await app.query('/v1/shops/money-shop/withdrawals', after);
    expect(list.status).toBe(200);
    expect(list.body.shopId).toBe('money-shop');
    return list.body.withdrawals as any[];
  };
  const money = async (after?: Parameters<ShoplinkTestApp['query']>[1]) => (await shops.status('money-shop', after)).money;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('money-shop');
    await shops.grant('money-shop', 'm-fin', 'finance');
    await shops.grant('money-shop', 'm-ops', 'operator');
    await shops.grant('money-shop', 'm-view', 'viewer');
  });

  afterAll(async () => {
    await app.destroy();
  });

  describe('credits', () => {
    it('a settlement is credited to available, in the shop’s currency', async () => {
      const credited = await credit({ settlementId: 'settle-1', orderId: 'order-1', amount: 10_000 });
      expect(credited.status).toBe(200);
      expect(eventTypes(credited)).toEqual(['FundsCredited']);
      expect(await money(credited)).toEqual({ currency: 'GBP', available: 10_000, pendingWithdrawal: 0, frozen: 0 });
    });

    it('the same settlement again (another Idempotency-Key) succeeds, appends no event, and the balance does not double', async () => {
      const revisionBefore = (await shops.status('money-shop')).revision;
      const headBefore = await logHead(app);
      const again = await credit({ settlementId: 'settle-1', orderId: 'order-1', amount: 10_000 });
      expect(again.status).toBe(200);
      expect(again.body.events).toEqual([]);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(await logHead(app)).toBe(headBefore);
      const status = await shops.status('money-shop', again);
      expect(status.revision).toBe(revisionBefore);
      expect(status.money).toEqual({ currency: 'GBP', available: 10_000, pendingWithdrawal: 0, frozen: 0 });
    });

    it('another amount under the same settlement is refused (409 SETTLEMENT_CONFLICT) and nothing changes', async () => {
      const headBefore = await logHead(app);
      const conflicting = await credit({ settlementId: 'settle-1', orderId: 'order-1', amount: 9_999 });
      expect(conflicting.status).toBe(409);
      expect(conflicting.body.code).toBe('SETTLEMENT_CONFLICT');
      expect(detailCodes(conflicting)).toEqual(['SETTLEMENT_CONFLICT']);
      expect(await logHead(app)).toBe(headBefore);
      expect(await money()).toEqual({ currency: 'GBP', available: 10_000, pendingWithdrawal: 0, frozen: 0 });
    });

    it('only a system (the payout service) credits; a member is refused 403 FORBIDDEN_ROLE', async () => {
      const byOwner = await app.command('POST', '/v1/shops/money-shop/credits', {
        settlementId: 'settle-x',
        orderId: 'order-x',
        amount: 100,
      });
      expect(byOwner.status).toBe(403);
      expect(byOwner.body.code).toBe('FORBIDDEN_ROLE');
    });
  });

  describe('withdrawals', () => {
    it('a completed withdrawal moves the money from available to pending, then out; the list shows it withdrawn', async () => {
      const requested = await withdraw({ withdrawalId: 'wd-1', amount: 3_000 });
      expect(requested.status).toBe(200);
      expect(eventTypes(requested)).toEqual(['FundsWithdrawalRequested']);
      expect(await money(requested)).toEqual({ currency: 'GBP', available: 7_000, pendingWithdrawal: 3_000, frozen: 0 });
      expect(await withdrawals(requested)).toEqual([
        expect.objectContaining({
          withdrawalId: 'wd-1',
          amount: 3_000,
          currency: 'GBP',
          state: 'requested',
          withdrawnAt: null,
          failedAt: null,
        }),
      ]);

      const completed = await app.command('POST', '/v1/shops/money-shop/withdrawals/wd-1/completion', undefined, PAYOUTS);
      expect(completed.status).toBe(200);
      expect(eventTypes(completed)).toEqual(['FundsWithdrawn']);
      expect(await money(completed)).toEqual({ currency: 'GBP', available: 7_000, pendingWithdrawal: 0, frozen: 0 });
      expect(await withdrawals(completed)).toEqual([
        expect.objectContaining({
          withdrawalId: 'wd-1',
          amount: 3_000,
          state: 'withdrawn',
          withdrawnAt: app.clock.now().toISOString(),
          failureReason: null,
        }),
      ]);

      const twice = await app.command('POST', '/v1/shops/money-shop/withdrawals/wd-1/completion', undefined, PAYOUTS);
      expect(twice.status).toBe(422);
      expect(twice.body.code).toBe('WITHDRAWAL_ALREADY_SETTLED');
    });

    it('a failed withdrawal returns the money to available; the list shows it failed with the reason', async () => {
      const requested = await withdraw({ withdrawalId: 'wd-2', amount: 2_000 });
      expect(requested.status).toBe(200);
      expect(await money(requested)).toEqual({ currency: 'GBP', available: 5_000, pendingWithdrawal: 2_000, frozen: 0 });

      const failed = await app.command('POST', '/v1/shops/money-shop/withdrawals/wd-2/failure', { reason: 'Bank account closed' }, PAYOUTS);
      expect(failed.status).toBe(200);
      expect(eventTypes(failed)).toEqual(['FundsWithdrawalFailed']);
      expect(await money(failed)).toEqual({ currency: 'GBP', available: 7_000, pendingWithdrawal: 0, frozen: 0 });

      const list = await withdrawals(failed);
      expect(list.map((w) => [w.withdrawalId, w.state])).toEqual([
        ['wd-1', 'withdrawn'],
        ['wd-2', 'failed'],
      ]);
      expect(list[1]).toMatchObject({
        amount: 2_000,
        failureReason: 'Bank account closed',
        returnedTo: 'available',
        failedAt: app.clock.now().toISOString(),
      });
    });

    it('more than is available is refused 422 INSUFFICIENT_FUNDS and recorded nowhere; exactly what is available may go', async () => {
      const headBefore = await logHead(app);
      const tooMuch = await withdraw({ withdrawalId: 'wd-3', amount: 7_001 });
      expect(tooMuch.status).toBe(422);
      expect(tooMuch.body.code).toBe('INSUFFICIENT_FUNDS');
      expect(detailCodes(tooMuch)).toEqual(['INSUFFICIENT_FUNDS']);
      expect(await logHead(app)).toBe(headBefore);
      expect((await withdrawals()).map((w) => w.withdrawalId)).toEqual(['wd-1', 'wd-2']);

      const everything = await withdraw({ withdrawalId: 'wd-4', amount: 7_000 });
      expect(everything.status).toBe(200);
      expect(await money(everything)).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 7_000, frozen: 0 });
      const failed = await app.command('POST', '/v1/shops/money-shop/withdrawals/wd-4/failure', { reason: 'Payout rail down' }, PAYOUTS);
      expect(await money(failed)).toEqual({ currency: 'GBP', available: 7_000, pendingWithdrawal: 0, frozen: 0 });
    });

    it('a withdrawal id is used once, whatever became of it (409 WITHDRAWAL_ALREADY_EXISTS)', async () => {
      const reused = await withdraw({ withdrawalId: 'wd-1', amount: 100 });
      expect(reused.status).toBe(409);
      expect(reused.body.code).toBe('WITHDRAWAL_ALREADY_EXISTS');
    });

    it('a finance member may withdraw; an operator or a viewer may not (403 FORBIDDEN_ROLE)', async () => {
      for (const actor of ['member:m-ops', 'member:m-view']) {
        const refused = await withdraw({ withdrawalId: `wd-by-${actor.slice(9)}`, amount: 100 }, actor);
        expect(refused.status).toBe(403);
        expect(refused.body.code).toBe('FORBIDDEN_ROLE');
        expect(detailCodes(refused)).toEqual(['FORBIDDEN_ROLE']);
      }
      const byFinance = await withdraw({ withdrawalId: 'wd-by-finance', amount: 100 }, 'member:m-fin');
      expect(byFinance.status).toBe(200);
      expect(eventTypes(byFinance)).toEqual(['FundsWithdrawalRequested']);
    });

    it('money leaves only to a verified bank account (BANK_ACCOUNT_NOT_VERIFIED)', async () => {
      expect((await app.command('POST', '/v1/shops', registerShopBody('unverified-shop'))).status).toBe(201);
      expect((await credit({ settlementId: 'settle-u-1', orderId: 'order-u-1', amount: 500 }, 'unverified-shop')).status).toBe(200);
      const refused = await withdraw({ withdrawalId: 'wd-u-1', amount: 500 }, 'member:m-owner', 'unverified-shop');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('BANK_ACCOUNT_NOT_VERIFIED');
    });

    it('the withdrawals of an unknown shop are 404 SHOP_NOT_FOUND', async () => {
      const unknown = await app.query('/v1/shops/no-such-shop/withdrawals');
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('SHOP_NOT_FOUND');
    });
  });

  describe('amounts are positive whole numbers of minor units', () => {
    const badAmounts: [string, unknown][] = [
      ['zero', 0],
      ['negative', -100],
      ['a fraction', 12.5],
      ['a string', '100'],
      ['null', null],
    ];

    it.each(badAmounts)('a withdrawal of %s is 400 VALIDATION_FAILED naming body.amount, and records nothing', async (_label, amount) => {
      const headBefore = await logHead(app);
      const invalid = await withdraw({ withdrawalId: 'wd-invalid', amount });
      expect(invalid.status).toBe(400);
      expect(invalid.body.code).toBe('VALIDATION_FAILED');
      expect(invalid.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['body.amount']));
      expect(invalid.body.details.every((d: { field: string }) => d.field === 'body.amount')).toBe(true);
      expect(await logHead(app)).toBe(headBefore);
    });

    it.each(badAmounts)('a credit of %s is 400 VALIDATION_FAILED naming body.amount', async (_label, amount) => {
      const invalid = await credit({ settlementId: 'settle-invalid', orderId: 'order-1', amount });
      expect(invalid.status).toBe(400);
      expect(invalid.body.code).toBe('VALIDATION_FAILED');
      expect(invalid.body.details.map((d: { field: string }) => d.field)).toContain('body.amount');
    });

    it('a missing amount is named too', async () => {
      const missing = await withdraw({ withdrawalId: 'wd-invalid' });
      expect(missing.status).toBe(400);
      expect(missing.body.details.map((d: { field: string }) => d.field)).toContain('body.amount');
    });
  });
});
