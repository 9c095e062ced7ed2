import { ShoplinkTestApp } from './support/shoplink-test-app';
import { OFFICIAL_SCOPES, profile } from './support/shop-fixtures';
import { detailCodes, eventTypes, logHead, OAUTH, ShopScenario } from './support/shop-scenarios';

/**
 * The rule: "Switch official account: unlink the old, link the new, as one user intent."
 * The new account is judged at once; the old one stays linked until the new one's owner
 * authorizes, and then goes in the same answer that links the new one.
 */
describe('Switching the official account', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  const switchTo = (shopId: string, accountId: string, profileOverrides: Record<string, unknown> = {}, actor?: string) =>
    app.command(
      'POST',
      `/v1/shops/${shopId}/official-account/switch`,
      { accountId, profile: profile(accountId.replace(/[^A-Za-z0-9._]/g, '_'), profileOverrides), requestedScopes: OFFICIAL_SCOPES },
      { actor },
    );
  const answer = (shopId: string, accountId: string, decision: 'granted' | 'denied') =>
    app.command(
      'POST',
      `/v1/shops/${shopId}/links/${accountId}/authorization`,
      { decision, grantedScopes: decision === 'granted' ? OFFICIAL_SCOPES : [] },
      OAUTH,
    );
  const linkOf = (status: any, accountId: string) => status.links.find((l: { accountId: string }) => l.accountId === accountId);

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('requests the new account while the old one stays linked; the grant unlinks the old (mode "switch") and links the new in one answer', async () => {
    await shops.verifiedShop('switch-shop');
    await shops.link('switch-shop', 'acct-old', 'official');
    app.clock.advanceHours(25);

    const requested = await switchTo('switch-shop', 'acct-new');
    expect(requested.status).toBe(200);
    expect(eventTypes(requested)).toEqual(['AccountLinkRequested']);

    const meanwhile = await shops.status('switch-shop', requested);
    expect(meanwhile.officialAccount).toMatchObject({ accountId: 'acct-old', role: 'official', state: 'linked' });
    expect(linkOf(meanwhile, 'acct-new')).toMatchObject({
      role: 'official',
      state: 'awaiting_authorization',
      replacesAccountId: 'acct-old',
    });
    expect(meanwhile.openLinkRequests.map((l: { accountId: string }) => l.accountId)).toEqual(['acct-new']);
    expect((await app.query('/v1/accounts/acct-old', requested)).body.linkedTo).toMatchObject({ shopId: 'switch-shop', role: 'official' });

    const granted = await answer('switch-shop', 'acct-new', 'granted');
    expect(granted.status).toBe(200);
    expect(eventTypes(granted)).toEqual(['AccountLinkAuthorized', 'AccountUnlinked', 'AccountLinked']);

    const after = await shops.status('switch-shop', granted);
    expect(after.officialAccount).toMatchObject({
      accountId: 'acct-new',
      role: 'official',
      state: 'linked',
      grantedScopes: OFFICIAL_SCOPES,
      replacesAccountId: null,
    });
    expect(linkOf(after, 'acct-old')).toMatchObject({ state: 'unlinked', unlinked: { mode: 'switch', reason: 'switching_accounts' } });
    expect(after.officialUnlinkCount).toBe(1);
    expect(after.openLinkRequests).toEqual([]);

    const oldAccount = await app.query('/v1/accounts/acct-old', granted);
    expect(oldAccount.body.linkedTo).toBeNull();
    expect(oldAccount.body.lastUnlinked).toMatchObject({ shopId: 'switch-shop', role: 'official', mode: 'switch' });
    const newAccount = await app.query('/v1/accounts/acct-new', granted);
    expect(newAccount.body.linkedTo).toMatchObject({ shopId: 'switch-shop', role: 'official' });
  });

  it('a grant arriving while the old account cannot go (an order awaits fulfilment) is refused UNLINK_BLOCKED; the switch waits and completes once it can', async () => {
    await shops.verifiedShop('wait-shop');
    await shops.link('wait-shop', 'acct-wait-old', 'official');
    app.clock.advanceHours(25);
    const requested = await switchTo('wait-shop', 'acct-wait-new');
    expect(requested.status).toBe(200);
    const placed = await shops.placeOrder('wait-shop', 'order-wait-1');

    const blocked = await answer('wait-shop', 'acct-wait-new', 'granted');
    expect(blocked.status).toBe(422);
    expect(blocked.body.code).toBe('UNLINK_BLOCKED');
    expect(detailCodes(blocked)).toEqual(['ORDERS_AWAITING_FULFILMENT']);
    const waiting = await shops.status('wait-shop', placed);
    expect(waiting.officialAccount).toMatchObject({ accountId: 'acct-wait-old', state: 'linked' });
    expect(linkOf(waiting, 'acct-wait-new')).toMatchObject({ state: 'awaiting_authorization', replacesAccountId: 'acct-wait-old' });
    expect((await app.query('/v1/accounts/acct-wait-new', placed)).body.linkedTo).toBeNull();

    await shops.fulfil('wait-shop', 'order-wait-1');
    const granted = await answer('wait-shop', 'acct-wait-new', 'granted');
    expect(granted.status).toBe(200);
    expect(eventTypes(granted)).toEqual(['AccountLinkAuthorized', 'AccountUnlinked', 'AccountLinked']);
    expect((await shops.status('wait-shop', granted)).officialAccount).toMatchObject({ accountId: 'acct-wait-new', state: 'linked' });
  });

  describe('the shop keeps its old official account when the switch does not go through', () => {
    beforeAll(async () => {
      await shops.verifiedShop('keep-shop');
      await shops.link('keep-shop', 'acct-keep', 'official');
    });

    it('within 24 hours of linking the old account, the switch is blocked like its unlink (UNLINK_BLOCKED) and nothing is recorded', async () => {
      const headBefore = await logHead(app);
      const blocked = await switchTo('keep-shop', 'acct-too-soon');
      expect(blocked.status).toBe(422);
      expect(blocked.body.code).toBe('UNLINK_BLOCKED');
      expect(detailCodes(blocked)).toEqual(['TOO_SOON_AFTER_LINKING']);
      expect(await logHead(app)).toBe(headBefore);
      app.clock.advanceHours(25);
    });

    it('only an admin may switch (an operator is refused 403 FORBIDDEN_ROLE)', async () => {
      await shops.grant('keep-shop', 'm-ops', 'operator');
      const byOperator = await switchTo('keep-shop', 'acct-by-operator', {}, 'member:m-ops');
      expect(byOperator.status).toBe(403);
      expect(byOperator.body.code).toBe('FORBIDDEN_ROLE');
    });

    it('an ineligible new account (a personal account) is refused 422 and recorded as AccountLinkRejected; the old one stays', async () => {
      const refused = await switchTo('keep-shop', 'acct-personal', { kind: 'personal' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('ACCOUNT_NOT_BUSINESS');
      expect(detailCodes(refused)).toEqual(['ACCOUNT_NOT_BUSINESS']);
      expect(eventTypes(refused)).toEqual(['AccountLinkRejected']);

      const status = await shops.status('keep-shop', refused);
      expect(status.officialAccount).toMatchObject({ accountId: 'acct-keep', state: 'linked' });
      expect(linkOf(status, 'acct-personal')).toMatchObject({ state: 'rejected', reasons: ['ACCOUNT_NOT_BUSINESS'] });
      expect(linkOf(status, 'acct-keep').unlinked).toBeNull();
      expect(status.officialUnlinkCount).toBe(0);
      expect((await app.query('/v1/accounts/acct-keep', refused)).body.linkedTo).toMatchObject({ shopId: 'keep-shop', role: 'official' });
    });

    it("the new account's owner says no: LinkAuthorizationDenied, and the old one stays", async () => {
      const requested = await switchTo('keep-shop', 'acct-declined');
      expect(requested.status).toBe(200);
      expect(eventTypes(requested)).toEqual(['AccountLinkRequested']);

      const denied = await answer('keep-shop', 'acct-declined', 'denied');
      expect(denied.status).toBe(200);
      expect(eventTypes(denied)).toEqual(['LinkAuthorizationDenied']);

      const status = await shops.status('keep-shop', denied);
      expect(status.officialAccount).toMatchObject({ accountId: 'acct-keep', state: 'linked' });
      expect(linkOf(status, 'acct-declined')).toMatchObject({
        state: 'authorization_denied',
        reasons: expect.arrayContaining(['OWNER_DENIED']),
      });
      expect(status.openLinkRequests).toEqual([]);
      expect(status.officialUnlinkCount).toBe(0);
      expect((await app.query('/v1/accounts/acct-keep', denied)).body.linkedTo).toMatchObject({ shopId: 'keep-shop', role: 'official' });
      expect((await app.query('/v1/accounts/acct-declined', denied)).body.linkedTo).toBeNull();
    });

    it('a shop without a linked official account has nothing to switch from (NO_OFFICIAL_ACCOUNT)', async () => {
      await shops.verifiedShop('bare-shop');
      const refused = await switchTo('bare-shop', 'acct-first');
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('NO_OFFICIAL_ACCOUNT');
    });
  });
});
