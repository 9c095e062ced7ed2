import { ShoplinkTestApp } from './support/shoplink-test-app';
import { linkBody, registerShopBody } from './support/shop-fixtures';

/**
 * Every kind of bad input answers 4xx with the one error shape, names each bad
 * field, and writes nothing: the log's head position is the same before and after.
 */
describe('Bad input is refused and nothing is written', () => {
  let app: ShoplinkTestApp;
  let headBefore: string;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    expect((await app.command('POST', '/v1/shops', registerShopBody('bad-input-shop'))).status).toBe(201);
  });

  afterAll(async () => {
    await app.destroy();
  });

  beforeEach(async () => {
    headBefore = (await app.request('GET', '/health/ready')).body.eventStore.head;
  });

  afterEach(async () => {
    expect((await app.request('GET', '/health/ready')).body.eventStore.head).toBe(headBefore);
  });

  const fieldsOf = (body: { details: { field: string }[] }) => [...new Set(body.details.map((d) => d.field))].sort();

  it('names every bad field of a body at once, nested ones by their path', async () => {
    const answer = await app.command('POST', '/v1/shops/bad-input-shop/links', {
      accountId: 'has spaces',
      role: 'owner',
      profile: {
        handle: '@brand',
        kind: 'business',
        followers: -1,
        ownerAge: 17.5,
        region: 'gb',
        ecommercePermissionRevoked: 'no',
        activeGuidelineRestriction: false,
      },
      requestedScopes: 'user.info.basic',
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(fieldsOf(answer.body)).toEqual([
      'body.accountId',
      'body.profile.ecommercePermissionRevoked',
      'body.profile.followers',
      'body.profile.handle',
      'body.profile.ownerAge',
      'body.profile.recentViolations',
      'body.profile.region',
      'body.requestedScopes',
      'body.role',
    ]);
    for (const detail of answer.body.details)
      expect(detail).toEqual({ field: expect.any(String), code: expect.any(String), message: expect.any(String) });
  });

  it('refuses unknown fields, at the top and nested', async () => {
    const body = { ...linkBody('acct-1', 'official'), isAdmin: true };
    (body.profile as Record<string, unknown>).verified = true;
    const answer = await app.command('POST', '/v1/shops/bad-input-shop/links', body);
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.isAdmin', code: 'UNKNOWN_FIELD' }),
        expect.objectContaining({ field: 'body.profile.verified', code: 'UNKNOWN_FIELD' }),
      ]),
    );
  });

  it('names a missing body and missing nested object', async () => {
    const empty = await app.command('POST', '/v1/shops', {});
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['body.currency', 'body.kind', 'body.name', 'body.ownerMemberId', 'body.region', 'body.shopId']);
    const noProfile = await app.command('POST', '/v1/shops/bad-input-shop/links', {
      accountId: 'acct-1',
      role: 'official',
      requestedScopes: [],
    });
    expect(fieldsOf(noProfile.body)).toEqual(['body.profile']);
  });

  it.each([
    ['an array', '[1,2]'],
    ['a string', '"shop"'],
    ['a number', '42'],
  ])('refuses a body that is %s', async (_kind, raw) => {
    const answer = await app.command('POST', '/v1/shops', raw);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(fieldsOf(answer.body)).toEqual(['body']);
  });

  it('refuses malformed JSON with the error shape', async () => {
    const answer = await app.command('POST', '/v1/shops', '{"shopId": "x",');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_BODY' });
    expect(answer.body.details[0].field).toBe('body');
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await app.command('POST', '/v1/shops', 'shopId=x', { headers: { 'content-type': 'text/plain' } });
    expect(answer.status).toBe(415);
    expect(answer.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a body over the size limit', async () => {
    const answer = await app.command('POST', '/v1/shops', registerShopBody('big', { name: 'x'.repeat(100_000) }));
    expect(answer.status).toBe(413);
    expect(answer.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('names every missing or malformed header together with body problems', async () => {
    const missing = await app.request(
      'POST',
      '/v1/shops',
      { ...registerShopBody('hdr'), region: 'Britain' },
      { 'content-type': 'application/json' },
    );
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(['body.region', 'header.Idempotency-Key', 'header.X-Actor']);
    const malformed = await app.request('POST', '/v1/shops', registerShopBody('hdr'), {
      'idempotency-key': 'short',
      'x-actor': 'customer:42',
      'x-correlation-id': 'has spaces',
      'if-match': 'W/"1"',
    });
    expect(fieldsOf(malformed.body)).toEqual(['header.Idempotency-Key', 'header.If-Match', 'header.X-Actor', 'header.X-Correlation-Id']);
  });

  it('refuses bad ids in the path', async () => {
    const answer = await app.command(
      'POST',
      `/v1/shops/${encodeURIComponent('bad shop!')}/links/${encodeURIComponent('acct@1')}/authorization`,
      {
        decision: 'granted',
        grantedScopes: [],
      },
    );
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['path.accountId', 'path.shopId']);
  });

  it('refuses a body on a command that takes none', async () => {
    const answer = await app.command('POST', '/v1/shops/bad-input-shop/graduation', { now: true }, { actor: 'system:onboarding' });
    expect(answer.status).toBe(400);
    expect(answer.body.details[0]).toMatchObject({ field: 'body', code: 'UNEXPECTED_BODY' });
  });

  it('refuses a wrong enum, a wrong type and an out-of-range number in one go', async () => {
    const answer = await app.command('POST', '/v1/shops', registerShopBody('typed', { kind: 'corporation', name: 12, currency: 'pounds' }));
    expect(fieldsOf(answer.body)).toEqual(['body.currency', 'body.kind', 'body.name']);
  });

  it('requires reasons when verification is rejected', async () => {
    const answer = await app.command(
      'POST',
      '/v1/shops/bad-input-shop/verification/decision',
      { outcome: 'rejected', reasons: [] },
      { actor: 'system:kyb' },
    );
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['body.reasons']);
  });

  it('refuses a malformed minPosition on a query', async () => {
    const answer = await app.request('GET', '/v1/shops/bad-input-shop?minPosition=abc&extra=1');
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['query.extra', 'query.minPosition']);
  });

  it('answers unknown routes and shops with the error shape', async () => {
    const route = await app.request('GET', '/v1/nothing-here');
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('ROUTE_NOT_FOUND');
    const shop = await app.command('POST', '/v1/shops/no-such-shop/verification', { documents: ['doc:1'] });
    expect(shop.status).toBe(404);
    expect(shop.body.code).toBe('SHOP_NOT_FOUND');
  });

  it('refuses an actor the access table does not allow, naming who may', async () => {
    const answer = await app.command(
      'POST',
      '/v1/shops/bad-input-shop/verification/decision',
      { outcome: 'verified' },
      { actor: 'member:m-owner' },
    );
    expect(answer.status).toBe(403);
    expect(answer.body.code).toBe('FORBIDDEN_ROLE');
    expect(answer.body.details[0].message).toContain('system:kyb');
  });
});
