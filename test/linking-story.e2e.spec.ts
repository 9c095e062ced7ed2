import { ShoplinkTestApp } from './support/shoplink-test-app';
import { MARKETING_SCOPES, OFFICIAL_SCOPES } from './support/shop-fixtures';
import { CommandAnswer, createShoplinkClient, ShoplinkClient } from './support/api-client';
import { commandHeaders, registerShopRequest, requestLinkRequest } from './support/api-client/test-requests';

const KYB = 'system:kyb';
const OAUTH = 'system:oauth-relay';
const ONBOARDING = 'system:onboarding';

/** Every request goes through the client generated from the OpenAPI document: the story proves the contract too. */
describe('A shop links its official account and its marketing accounts', () => {
  let app: ShoplinkTestApp;
  let api: ShoplinkClient;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    api = createShoplinkClient(app.baseUrl, app.token);
  });

  afterAll(async () => {
    await app.destroy();
  });

  const types = (answer: { events?: { type: string }[] } | undefined) => answer?.events?.map((e) => e.type);

  async function verifiedShop(shopId: string): Promise<void> {
    const registered = await api.POST('/v1/shops', { params: { header: await commandHeaders() }, body: registerShopRequest(shopId) });
    expect(registered.response.status).toBe(201);
    const submitted = await api.POST('/v1/shops/{shopId}/verification', {
      params: { path: { shopId }, header: await commandHeaders() },
      body: { documents: ['doc:incorporation', 'doc:bank'] },
    });
    expect(submitted.response.status).toBe(200);
    const decided = await api.POST('/v1/shops/{shopId}/verification/decision', {
      params: { path: { shopId }, header: await commandHeaders(KYB) },
      body: { outcome: 'verified' },
    });
    expect(decided.response.status).toBe(200);
  }

  async function link(shopId: string, accountId: string, role: 'official' | 'marketing'): Promise<CommandAnswer> {
    const requested = await api.POST('/v1/shops/{shopId}/links', {
      params: { path: { shopId }, header: await commandHeaders() },
      body: requestLinkRequest(accountId, role),
    });
    expect(requested.response.status).toBe(200);
    expect(types(requested.data)).toEqual(['AccountLinkRequested']);
    const authorized = await api.POST('/v1/shops/{shopId}/links/{accountId}/authorization', {
      params: { path: { shopId, accountId }, header: await commandHeaders(OAUTH) },
      body: { decision: 'granted', grantedScopes: role === 'official' ? OFFICIAL_SCOPES : MARKETING_SCOPES },
    });
    expect(authorized.response.status).toBe(200);
    expect(types(authorized.data)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
    return authorized.data!;
  }

  it('walks from registration to a full set of links, refusing what the rules refuse, and every query reads its writes', async () => {
    await verifiedShop('brand-shop');
    const graduated = await api.POST('/v1/shops/{shopId}/graduation', {
      params: { path: { shopId: 'brand-shop' }, header: await commandHeaders(ONBOARDING) },
    });
    expect(graduated.response.status).toBe(200);

    await link('brand-shop', 'acct-official', 'official');
    for (const n of [1, 2, 3, 4]) await link('brand-shop', `acct-mkt-${n}`, 'marketing');

    const fifth = await api.POST('/v1/shops/{shopId}/links', {
      params: { path: { shopId: 'brand-shop' }, header: await commandHeaders() },
      body: requestLinkRequest('acct-mkt-5', 'marketing'),
    });
    expect(fifth.response.status).toBe(422);
    expect(fifth.error?.code).toBe('MARKETING_LIMIT_REACHED');
    expect(fifth.error?.details.map((d) => d.code)).toEqual(['MARKETING_LIMIT_REACHED']);
    expect(types(fifth.error)).toEqual(['AccountLinkRejected']);

    await verifiedShop('second-shop');
    const ineligible = await api.POST('/v1/shops/{shopId}/links', {
      params: { path: { shopId: 'second-shop' }, header: await commandHeaders() },
      body: requestLinkRequest('acct-teen', 'official', { ownerAge: 16, region: 'US', kind: 'personal' }),
    });
    expect(ineligible.response.status).toBe(422);
    expect(ineligible.error?.code).toBe('ACCOUNT_INELIGIBLE');
    expect(ineligible.error?.details.map((d) => d.code)).toEqual(['ACCOUNT_NOT_BUSINESS', 'OWNER_UNDERAGE', 'REGION_MISMATCH']);
    for (const detail of ineligible.error!.details) expect(detail.message).toEqual(expect.any(String));

    // Read your writes: the refusal's position, as minPosition.
    const afterFifth = { minPosition: fifth.error?.position };
    const status = await api.GET('/v1/shops/{shopId}', { params: { path: { shopId: 'brand-shop' }, query: afterFifth } });
    expect(status.response.status).toBe(200);
    const shop = status.data!;
    expect(shop).toMatchObject({
      shopId: 'brand-shop',
      region: 'GB',
      stage: 'graduated',
      status: 'active',
      verification: { status: 'verified', documents: ['doc:incorporation', 'doc:bank'] },
      officialAccount: { accountId: 'acct-official', role: 'official', state: 'linked', grantedScopes: OFFICIAL_SCOPES },
      openLinkRequests: [],
    });
    expect(shop.marketingAccounts.map((l: { accountId: string }) => l.accountId)).toEqual([
      'acct-mkt-1',
      'acct-mkt-2',
      'acct-mkt-3',
      'acct-mkt-4',
    ]);
    expect(shop.links.find((l: { accountId: string }) => l.accountId === 'acct-mkt-5')).toMatchObject({
      state: 'rejected',
      reasons: ['MARKETING_LIMIT_REACHED'],
    });
    expect(shop.position).toBe(fifth.error?.position);

    const second = await api.GET('/v1/shops/{shopId}', {
      params: { path: { shopId: 'second-shop' }, query: { minPosition: ineligible.error?.position } },
    });
    expect(second.data?.links).toEqual([
      expect.objectContaining({
        accountId: 'acct-teen',
        state: 'rejected',
        reasons: ['ACCOUNT_NOT_BUSINESS', 'OWNER_UNDERAGE', 'REGION_MISMATCH'],
      }),
    ]);
    expect(second.data?.officialAccount).toBeNull();

    const account = await api.GET('/v1/accounts/{accountId}', { params: { path: { accountId: 'acct-official' }, query: afterFifth } });
    expect(account.response.status).toBe(200);
    expect(account.data).toMatchObject({
      accountId: 'acct-official',
      linkedTo: { shopId: 'brand-shop', role: 'official' },
      openRequests: [],
    });
    const marketing = await api.GET('/v1/accounts/{accountId}', { params: { path: { accountId: 'acct-mkt-1' } } });
    expect(marketing.data?.marketingLinkAllowance).toEqual({ windowDays: 180, limit: 10, used: 1, remaining: 9 });

    // The official account cannot be taken by another shop.
    const stolen = await api.POST('/v1/shops/{shopId}/links', {
      params: { path: { shopId: 'second-shop' }, header: await commandHeaders() },
      body: requestLinkRequest('acct-official', 'official'),
    });
    expect(stolen.response.status).toBe(422);
    expect(stolen.error?.code).toBe('ACCOUNT_LINKED_ELSEWHERE');
  });
});
