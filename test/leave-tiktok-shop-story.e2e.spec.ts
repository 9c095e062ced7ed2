import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY_JSON } from '@shoplink/shops';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { MARKETING_SCOPES, OFFICIAL_SCOPES } from './support/shop-fixtures';
import { CommandAnswer, createShoplinkClient, ErrorBody, ShoplinkClient } from './support/api-client';
import { commandHeaders, registerShopRequest, requestLinkRequest } from './support/api-client/test-requests';

const SYSTEM = {
  kyb: 'system:kyb',
  oauth: 'system:oauth-relay',
  orders: 'system:orders',
  payouts: 'system:payouts',
};
const codes = (refusal: ErrorBody | undefined) => refusal?.details.map((d) => d.code);
const types = (answer: CommandAnswer) => answer.events.map((e) => e.type);

/** What the typed client answers for a command: its CommandAnswer, or its ErrorBody. */
interface Sent {
  readonly data?: CommandAnswer;
  readonly error?: ErrorBody;
  readonly response: Response;
}

/**
 * A shop from registration to leaving TikTok Shop and back, following the creators'
 * "leave TikTok Shop" checklist: fulfil orders, withdraw funds, unlink, deactivate.
 * Every status answer on the way is checked. Every request goes through the client generated
 * from the OpenAPI document (typed paths, ids, bodies and headers), so the story proves the contract too.
 */
/**
 * The shipped policy's waits (a day after linking before an unlink, 90 days after the last order
 * before leaving) are crossed by moving the test clock; a deployment that sets them to zero in its
 * policy file walks the same story with the clock never moved.
 */
const ZERO_WAITS = { earliestUnlinkHours: 0, deactivationCoolingDays: 0 };

describe.each([
  { policy: 'the shipped policy', zeroWaits: false },
  { policy: 'a policy file that sets the waits to zero (no clock moves)', zeroWaits: true },
])('A seller leaves TikTok Shop and comes back, under $policy', ({ zeroWaits }) => {
  let app: ShoplinkTestApp;
  let policyDir: string | undefined;
  let api: ShoplinkClient;
  const shopId = 'leaving-shop';
  const path = { shopId };

  beforeAll(async () => {
    let policyFile: string | undefined;
    if (zeroWaits) {
      policyDir = mkdtempSync(join(tmpdir(), 'shoplink-leave-policy-'));
      policyFile = join(policyDir, 'policy.json');
      const shipped = DEFAULT_POLICY_JSON as { version: string; markets: Record<string, { currency: string; overrides?: object }> };
      const gb = shipped.markets.GB;
      writeFileSync(
        policyFile,
        JSON.stringify({
          ...shipped,
          version: 'zero-waits-1',
          markets: { ...shipped.markets, GB: { ...gb, overrides: { ...gb.overrides, ...ZERO_WAITS } } },
        }),
      );
    }
    app = await ShoplinkTestApp.start({ policyFile });
    api = createShoplinkClient(app.baseUrl, app.token);
  });

  afterAll(async () => {
    await app.destroy();
    if (policyDir !== undefined) rmSync(policyDir, { recursive: true, force: true });
  });

  /** The shop status once the read model holds the command answered `after` (read your writes). */
  async function status(after: CommandAnswer) {
    const answer = await api.GET('/v1/shops/{shopId}', { params: { path, query: { minPosition: after.position } } });
    expect(answer.response.status).toBe(200);
    return answer.data!;
  }

  async function ok(sent: Promise<Sent>, expectedTypes?: string[]): Promise<CommandAnswer> {
    const { data, error, response } = await sent;
    if (data === undefined || response.status >= 300) throw new Error(`unexpected ${response.status}: ${JSON.stringify(error)}`);
    if (expectedTypes) expect(types(data)).toEqual(expectedTypes);
    return data;
  }

  async function unlinkWithCode(accountId: string) {
    const requested = await ok(
      api.POST('/v1/shops/{shopId}/links/{accountId}/unlink-requests', {
        params: { path: { shopId, accountId }, header: await commandHeaders() },
        body: { reason: 'closure' },
      }),
      ['UnlinkRequested'],
    );
    expect(requested.confirmationCode).toMatch(/^[0-9]{8}$/);
    const pending = await status(requested);
    expect(pending.openUnlinkRequests).toEqual([expect.objectContaining({ accountId, requestId: requested.requestId, failedAttempts: 0 })]);
    expect(JSON.stringify(pending)).not.toContain(requested.confirmationCode);
    return ok(
      api.POST('/v1/shops/{shopId}/links/{accountId}/unlink-requests/{requestId}/confirmation', {
        params: { path: { shopId, accountId, requestId: requested.requestId! }, header: await commandHeaders() },
        body: { code: requested.confirmationCode! },
      }),
    );
  }

  const deactivate = async () => api.POST('/v1/shops/{shopId}/deactivation', { params: { path, header: await commandHeaders() } });

  it('opens, trades, clears every blocker, leaves, and comes back', async () => {
    // Opening: registered, verified, official and one marketing account linked.
    let last = await ok(api.POST('/v1/shops', { params: { header: await commandHeaders() }, body: registerShopRequest(shopId) }), [
      'ShopRegistered',
    ]);
    expect(await status(last)).toMatchObject({
      status: 'active',
      verification: { status: 'unverified' },
      money: { available: 0, pendingWithdrawal: 0, frozen: 0 },
    });
    await ok(
      api.POST('/v1/shops/{shopId}/verification', { params: { path, header: await commandHeaders() }, body: { documents: ['doc:kyb'] } }),
    );
    last = await ok(
      api.POST('/v1/shops/{shopId}/verification/decision', {
        params: { path, header: await commandHeaders(SYSTEM.kyb) },
        body: { outcome: 'verified' },
      }),
    );
    expect((await status(last)).verification.status).toBe('verified');
    await ok(
      api.POST('/v1/shops/{shopId}/links', {
        params: { path, header: await commandHeaders() },
        body: requestLinkRequest('acct-brand', 'official'),
      }),
    );
    await ok(
      api.POST('/v1/shops/{shopId}/links/{accountId}/authorization', {
        params: { path: { shopId, accountId: 'acct-brand' }, header: await commandHeaders(SYSTEM.oauth) },
        body: { decision: 'granted', grantedScopes: OFFICIAL_SCOPES },
      }),
    );
    await ok(
      api.POST('/v1/shops/{shopId}/links', {
        params: { path, header: await commandHeaders() },
        body: requestLinkRequest('acct-ads', 'marketing'),
      }),
    );
    last = await ok(
      api.POST('/v1/shops/{shopId}/links/{accountId}/authorization', {
        params: { path: { shopId, accountId: 'acct-ads' }, header: await commandHeaders(SYSTEM.oauth) },
        body: { decision: 'granted', grantedScopes: MARKETING_SCOPES },
      }),
    );
    let s = await status(last);
    expect(s.officialAccount?.accountId).toBe('acct-brand');
    expect(s.marketingAccounts.map((l: { accountId: string }) => l.accountId)).toEqual(['acct-ads']);

    // Trading: two orders, one settled, a campaign through the marketing account.
    for (const [orderId, amount] of [
      ['order-1', 4500],
      ['order-2', 1500],
    ] as const)
      await ok(
        api.POST('/v1/shops/{shopId}/orders', { params: { path, header: await commandHeaders(SYSTEM.orders) }, body: { orderId, amount } }),
      );
    await ok(
      api.POST('/v1/shops/{shopId}/credits', {
        params: { path, header: await commandHeaders(SYSTEM.payouts) },
        body: { settlementId: 'settle-1', orderId: 'order-1', amount: 4500 },
      }),
      ['FundsCredited'],
    );
    last = await ok(
      api.POST('/v1/shops/{shopId}/campaigns', {
        params: { path, header: await commandHeaders() },
        body: { campaignId: 'spring-sale', accountId: 'acct-ads' },
      }),
      ['CampaignStarted'],
    );
    s = await status(last);
    expect(s.money).toEqual({ currency: 'GBP', available: 4500, pendingWithdrawal: 0, frozen: 0 });
    expect(s.ordersAwaitingFulfilment).toEqual({ count: 2, orderIds: ['order-1', 'order-2'] });
    expect(s.activeCampaigns).toEqual([expect.objectContaining({ campaignId: 'spring-sale', accountId: 'acct-ads' })]);
    const unlinkBlockers = s.blockers.unlinkOfficialAccount.map((b: { code: string }) => b.code);
    expect(unlinkBlockers).toEqual(expect.arrayContaining(['ORDERS_AWAITING_FULFILMENT']));
    // The day after linking is a wait of the shipped policy only.
    expect(unlinkBlockers.includes('TOO_SOON_AFTER_LINKING')).toBe(!zeroWaits);

    // Wanting to leave: every blocker is named at once.
    const refused = await deactivate();
    expect(refused.response.status).toBe(422);
    expect(refused.error?.code).toBe('DEACTIVATION_BLOCKED');
    expect(codes(refused.error)).toEqual(
      expect.arrayContaining(['ACCOUNTS_STILL_LINKED', 'CAMPAIGNS_ACTIVE', 'ORDERS_AWAITING_FULFILMENT', 'FUNDS_AVAILABLE']),
    );
    expect(s.blockers.deactivation.map((b: { code: string }) => b.code)).toEqual(codes(refused.error));

    // Checklist 1: fulfil (or cancel) every order.
    await ok(
      api.POST('/v1/shops/{shopId}/orders/{orderId}/fulfilment', {
        params: { path: { shopId, orderId: 'order-1' }, header: await commandHeaders(SYSTEM.orders) },
      }),
      ['OrderFulfilled'],
    );
    last = await ok(
      api.POST('/v1/shops/{shopId}/orders/{orderId}/cancellation', {
        params: { path: { shopId, orderId: 'order-2' }, header: await commandHeaders(SYSTEM.orders) },
      }),
      ['OrderCancelled'],
    );
    expect((await status(last)).ordersAwaitingFulfilment).toEqual({ count: 0, orderIds: [] });

    // Checklist 2: withdraw the funds.
    await ok(
      api.POST('/v1/shops/{shopId}/withdrawals', {
        params: { path, header: await commandHeaders() },
        body: { withdrawalId: 'wd-1', amount: 4500 },
      }),
      ['FundsWithdrawalRequested'],
    );
    s = await status(
      await ok(
        api.POST('/v1/shops/{shopId}/campaigns/{campaignId}/end', {
          params: { path: { shopId, campaignId: 'spring-sale' }, header: await commandHeaders() },
        }),
        ['CampaignEnded'],
      ),
    );
    expect(s.money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 4500, frozen: 0 });
    expect(s.blockers.unlinkOfficialAccount.map((b: { code: string }) => b.code)).toEqual(expect.arrayContaining(['WITHDRAWAL_IN_FLIGHT']));
    last = await ok(
      api.POST('/v1/shops/{shopId}/withdrawals/{withdrawalId}/completion', {
        params: { path: { shopId, withdrawalId: 'wd-1' }, header: await commandHeaders(SYSTEM.payouts) },
      }),
      ['FundsWithdrawn'],
    );
    expect((await status(last)).money).toEqual({ currency: 'GBP', available: 0, pendingWithdrawal: 0, frozen: 0 });
    const withdrawals = await api.GET('/v1/shops/{shopId}/withdrawals', { params: { path, query: { minPosition: last.position } } });
    expect(withdrawals.data?.withdrawals).toEqual([expect.objectContaining({ withdrawalId: 'wd-1', amount: 4500, state: 'withdrawn' })]);

    // Checklist 3: unlink every account (a day after linking, unless the policy waits for nothing), each with its one-time code.
    if (!zeroWaits) app.clock.advanceHours(25);
    expect((await status(last)).blockers.unlinkOfficialAccount).toEqual([]);
    last = await unlinkWithCode('acct-ads');
    expect(types(last)).toEqual(['AccountUnlinked']);
    last = await unlinkWithCode('acct-brand');
    expect(types(last)).toEqual(['AccountUnlinked']);
    s = await status(last);
    expect(s.officialAccount).toBeNull();
    expect(s.marketingAccounts).toEqual([]);
    expect(s.officialUnlinkCount).toBe(1);
    const account = await api.GET('/v1/accounts/{accountId}', {
      params: { path: { accountId: 'acct-brand' }, query: { minPosition: last.position } },
    });
    expect(account.data?.linkedTo).toBeNull();

    if (zeroWaits) {
      // Nothing is left: the policy has no cooling period.
      expect(s.blockers.deactivation).toEqual([]);
    } else {
      // Only the cooling period is left: 90 days after the last order closed.
      expect(s.blockers.deactivation.map((b: { code: string }) => b.code)).toEqual(['COOLING_PERIOD']);
      const cooling = await deactivate();
      expect(cooling.response.status).toBe(422);
      expect(codes(cooling.error)).toEqual(['COOLING_PERIOD']);
      app.clock.advanceHours(90 * 24);
    }

    // Checklist 4: deactivate.
    last = await ok(deactivate(), ['ShopDeactivated']);
    s = await status(last);
    expect(s.status).toBe('deactivated');
    expect(s.blockers.deactivation).toEqual([]);

    // And back.
    last = await ok(api.POST('/v1/shops/{shopId}/reactivation', { params: { path, header: await commandHeaders() } }), ['ShopReactivated']);
    s = await status(last);
    expect(s.status).toBe('active');
    expect(s.deactivatedAt).toBeNull();
    // Nothing comes back silently: a relink starts from a new request and authorization.
    const relink = await ok(
      api.POST('/v1/shops/{shopId}/links', {
        params: { path, header: await commandHeaders() },
        body: requestLinkRequest('acct-brand', 'official'),
      }),
      ['AccountLinkRequested'],
    );
    expect((await status(relink)).officialAccount).toBeNull();
  });
});
