import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, MARKETING_SCOPES, OFFICIAL_SCOPES, registerShopBody } from './support/shop-fixtures';

const KYB = { actor: 'system:kyb' };
const OAUTH = { actor: 'system:oauth-relay' };
const ONBOARDING = { actor: 'system:onboarding' };

describe('A shop links its official account and its marketing accounts', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  async function verifiedShop(shopId: string): Promise<void> {
    expect((await app.command('POST', '/v1/shops', registerShopBody(shopId))).status).toBe(201);
    expect((await app.command('POST', `/v1/shops/${shopId}/verification`, { documents: ['doc:incorporation', 'doc:bank'] })).status).toBe(
      200,
    );
    expect((await app.command('POST', `/v1/shops/${shopId}/verification/decision`, { outcome: 'verified' }, KYB)).status).toBe(200);
  }

  async function link(shopId: string, accountId: string, role: 'official' | 'marketing') {
    const requested = await app.command('POST', `/v1/shops/${shopId}/links`, linkBody(accountId, role));
    expect(requested.status).toBe(200);
    expect(requested.body.events.map((e: { type: string }) => e.type)).toEqual(['AccountLinkRequested']);
    const scopes = role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES;
    const authorized = await app.command(
      'POST',
      `/v1/shops/${shopId}/links/${accountId}/authorization`,
      { decision: 'granted', grantedScopes: scopes },
      OAUTH,
    );
    expect(authorized.status).toBe(200);
    expect(authorized.body.events.map((e: { type: string }) => e.type)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
    return authorized;
  }

  it('walks from registration to a full set of links, refusing what the rules refuse, and every query reads its writes', async () => {
    await verifiedShop('brand-shop');
    const graduated = await app.command('POST', '/v1/shops/brand-shop/graduation', undefined, ONBOARDING);
    expect(graduated.status).toBe(200);

    await link('brand-shop', 'acct-official', 'official');
    for (const n of [1, 2, 3, 4]) await link('brand-shop', `acct-mkt-${n}`, 'marketing');

    const fifth = await app.command('POST', '/v1/shops/brand-shop/links', linkBody('acct-mkt-5', 'marketing'));
    expect(fifth.status).toBe(422);
    expect(fifth.body.code).toBe('MARKETING_LIMIT_REACHED');
    expect(fifth.body.details.map((d: { code: string }) => d.code)).toEqual(['MARKETING_LIMIT_REACHED']);
    expect(fifth.body.events.map((e: { type: string }) => e.type)).toEqual(['AccountLinkRejected']);

    await verifiedShop('second-shop');
    const ineligible = await app.command(
      'POST',
      '/v1/shops/second-shop/links',
      linkBody('acct-teen', 'official', { ownerAge: 16, region: 'US', kind: 'personal' }),
    );
    expect(ineligible.status).toBe(422);
    expect(ineligible.body.code).toBe('ACCOUNT_INELIGIBLE');
    expect(ineligible.body.details.map((d: { code: string }) => d.code)).toEqual([
      'ACCOUNT_NOT_BUSINESS',
      'OWNER_UNDERAGE',
      'REGION_MISMATCH',
    ]);
    for (const detail of ineligible.body.details) expect(detail.message).toEqual(expect.any(String));

    const status = await app.query('/v1/shops/brand-shop', fifth);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      shopId: 'brand-shop',
      region: 'GB',
      stage: 'graduated',
      status: 'active',
      verification: { status: 'verified', documents: ['doc:incorporation', 'doc:bank'] },
      officialAccount: { accountId: 'acct-official', role: 'official', state: 'linked', grantedScopes: OFFICIAL_SCOPES },
      openLinkRequests: [],
    });
    expect(status.body.marketingAccounts.map((l: { accountId: string }) => l.accountId)).toEqual([
      'acct-mkt-1',
      'acct-mkt-2',
      'acct-mkt-3',
      'acct-mkt-4',
    ]);
    expect(status.body.links.find((l: { accountId: string }) => l.accountId === 'acct-mkt-5')).toMatchObject({
      state: 'rejected',
      reasons: ['MARKETING_LIMIT_REACHED'],
    });
    expect(status.body.position).toBe(fifth.body.position);

    const second = await app.query('/v1/shops/second-shop', ineligible);
    expect(second.body.links).toEqual([
      expect.objectContaining({
        accountId: 'acct-teen',
        state: 'rejected',
        reasons: ['ACCOUNT_NOT_BUSINESS', 'OWNER_UNDERAGE', 'REGION_MISMATCH'],
      }),
    ]);
    expect(second.body.officialAccount).toBeNull();

    const account = await app.query('/v1/accounts/acct-official', fifth);
    expect(account.status).toBe(200);
    expect(account.body).toMatchObject({
      accountId: 'acct-official',
      linkedTo: { shopId: 'brand-shop', role: 'official' },
      openRequests: [],
    });
    const marketing = await app.query('/v1/accounts/acct-mkt-1');
    expect(marketing.body.marketingLinkAllowance).toEqual({ windowDays: 180, limit: 10, used: 1, remaining: 9 });

    // The official account cannot be taken by another shop.
    const stolen = await app.command('POST', '/v1/shops/second-shop/links', linkBody('acct-official', 'official'));
    expect(stolen.status).toBe(422);
    expect(stolen.body.code).toBe('ACCOUNT_LINKED_ELSEWHERE');
  });
});
