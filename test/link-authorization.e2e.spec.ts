import { ShopAutomations } from '../apps/api/src/shops/automations/shop-automations';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, MARKETING_SCOPES, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';

const OAUTH = { actor: 'system:oauth-relay' };

describe("The account owner's authorization", () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    await app.command('POST', '/v1/shops', registerShopBody('auth-shop'));
    await app.command('POST', '/v1/shops/auth-shop/verification', { documents: ['doc:1'] });
    await app.command('POST', '/v1/shops/auth-shop/verification/decision', { outcome: 'verified' }, { actor: 'system:kyb' });
    await app.command('POST', '/v1/shops/auth-shop/graduation', undefined, { actor: 'system:onboarding' });
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('missing scopes deny the link, naming them, and free the slot', async () => {
    await app.command('POST', '/v1/shops/auth-shop/links', linkBody('acct-scopes', 'official'));
    const denied = await app.command(
      'POST',
      '/v1/shops/auth-shop/links/acct-scopes/authorization',
      { decision: 'granted', grantedScopes: ['user.info.basic'] },
      OAUTH,
    );
    expect(denied.status).toBe(200);
    expect(denied.body.events.map((e: { type: string }) => e.type)).toEqual(['LinkAuthorizationDenied']);
    const status = await app.query('/v1/shops/auth-shop', denied);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-scopes')).toMatchObject({
      state: 'authorization_denied',
      reasons: ['MISSING_SCOPES', 'MISSING_SCOPE:video.list', 'MISSING_SCOPE:live.room.manage', 'MISSING_SCOPE:shop.showcase.manage'],
    });
    expect(status.body.openLinkRequests).toEqual([]);
    const another = await app.command('POST', '/v1/shops/auth-shop/links', linkBody('acct-official-2', 'official'));
    expect(another.status).toBe(200);
  });

  it('a grant is judged again against the profile it carries: ineligible now, 422 with the rule, the request closed and the slot free', async () => {
    await app.command('POST', '/v1/shops/auth-shop/links', linkBody('acct-restricted', 'marketing'));
    const { profile } = linkBody('acct-restricted', 'marketing', { activeGuidelineRestriction: true });
    const refused = await app.command(
      'POST',
      '/v1/shops/auth-shop/links/acct-restricted/authorization',
      { decision: 'granted', grantedScopes: MARKETING_SCOPES, profile },
      OAUTH,
    );
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'GUIDELINE_RESTRICTION_ACTIVE' });
    expect(refused.body.events.map((e: { type: string }) => e.type)).toEqual(['LinkAuthorizationDenied']);
    const status = await app.query('/v1/shops/auth-shop', refused);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-restricted')).toMatchObject({
      state: 'authorization_denied',
      reasons: ['ACCOUNT_INELIGIBLE', 'GUIDELINE_RESTRICTION_ACTIVE'],
    });
    expect(status.body.openLinkRequests.map((l: { accountId: string }) => l.accountId)).not.toContain('acct-restricted');
  });

  it('an answer after 48 hours is refused with AUTHORIZATION_EXPIRED and the expiry is recorded', async () => {
    const requested = await app.command('POST', '/v1/shops/auth-shop/links', linkBody('acct-late', 'marketing'));
    expect(requested.status).toBe(200);
    const open = await app.query('/v1/shops/auth-shop', requested);
    const request = open.body.openLinkRequests.find((l: { accountId: string }) => l.accountId === 'acct-late');
    expect(Date.parse(request.authorizationExpiresAt) - Date.parse(request.requestedAt)).toBe(48 * 3_600_000);
    app.clock.advanceHours(49);
    const late = await app.command(
      'POST',
      '/v1/shops/auth-shop/links/acct-late/authorization',
      { decision: 'granted', grantedScopes: MARKETING_SCOPES },
      OAUTH,
    );
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('AUTHORIZATION_EXPIRED');
    expect(late.body.events.map((e: { type: string }) => e.type)).toEqual(['LinkAuthorizationExpired']);
    const status = await app.query('/v1/shops/auth-shop', late);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-late').state).toBe('authorization_expired');
  });

  it('the sweeper expires authorizations nobody answered, once', async () => {
    const sweeper = app.nest.get(ShopAutomations);
    // The earlier scenarios moved the clock past the window of acct-official-2's request: that one goes first.
    expect(await sweeper.expireOverdue()).toBe(1);
    const requested = await app.command('POST', '/v1/shops/auth-shop/links', linkBody('acct-silent', 'marketing'));
    await app.query('/v1/shops/auth-shop', requested);
    expect(await sweeper.expireOverdue()).toBe(0);
    app.clock.advanceHours(48);
    expect(await sweeper.expireOverdue()).toBe(1);
    const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
    const status = await app.request('GET', `/v1/shops/auth-shop?minPosition=${head}`);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-silent').state).toBe('authorization_expired');
    expect(status.body.openLinkRequests).toEqual([]);
    expect(await sweeper.expireOverdue()).toBe(0);
  });

  it('the owner may say no', async () => {
    await app.command('POST', '/v1/shops/auth-shop/links', linkBody('acct-no', 'marketing'));
    const denied = await app.command(
      'POST',
      '/v1/shops/auth-shop/links/acct-no/authorization',
      { decision: 'denied', grantedScopes: [] },
      OAUTH,
    );
    expect(denied.status).toBe(200);
    const status = await app.query('/v1/shops/auth-shop', denied);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-no')).toMatchObject({
      state: 'authorization_denied',
      reasons: expect.arrayContaining(['OWNER_DENIED']),
    });
  });

  it('an answer for a request that does not exist is 404 LINK_REQUEST_NOT_FOUND', async () => {
    const answer = await app.command(
      'POST',
      '/v1/shops/auth-shop/links/acct-never/authorization',
      { decision: 'granted', grantedScopes: OFFICIAL_SCOPES },
      OAUTH,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('LINK_REQUEST_NOT_FOUND');
  });
});

describe('Members and access', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    await app.command('POST', '/v1/shops', registerShopBody('team-shop'));
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('an admin grants and revokes roles; the roles decide who may request which link', async () => {
    expect((await app.command('POST', '/v1/shops/team-shop/members', { memberId: 'm-ops', role: 'operator' })).status).toBe(200);
    expect((await app.command('POST', '/v1/shops/team-shop/members', { memberId: 'm-view', role: 'viewer' })).status).toBe(200);
    const viewerLinks = await app.command('POST', '/v1/shops/team-shop/links', linkBody('acct-v', 'marketing'), { actor: 'member:m-view' });
    expect(viewerLinks.status).toBe(403);
    expect(viewerLinks.body.code).toBe('FORBIDDEN_ROLE');
    const operatorOfficial = await app.command('POST', '/v1/shops/team-shop/links', linkBody('acct-o', 'official'), {
      actor: 'member:m-ops',
    });
    expect(operatorOfficial.status).toBe(403);
    const operatorMarketing = await app.command('POST', '/v1/shops/team-shop/links', linkBody('acct-m', 'marketing'), {
      actor: 'member:m-ops',
    });
    // Allowed to ask; the unverified shop then refuses it on eligibility, recorded as AccountLinkRejected.
    expect(operatorMarketing.status).toBe(422);
    expect(operatorMarketing.body.code).toBe('SHOP_NOT_VERIFIED');
    expect(operatorMarketing.body.events.map((e: { type: string }) => e.type)).toEqual(['AccountLinkRejected']);
    const revoked = await app.command('DELETE', '/v1/shops/team-shop/members/m-ops');
    expect(revoked.status).toBe(200);
    const status = await app.query('/v1/shops/team-shop', revoked);
    expect(status.body.members).toEqual([
      { memberId: 'm-owner', role: 'admin' },
      { memberId: 'm-view', role: 'viewer' },
    ]);
    const ownerRevoked = await app.command('DELETE', '/v1/shops/team-shop/members/m-owner');
    expect(ownerRevoked.status).toBe(422);
    expect(ownerRevoked.body.code).toBe('OWNER_ROLE_FIXED');
  });
});
