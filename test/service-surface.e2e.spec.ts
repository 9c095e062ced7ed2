import { ShoplinkTestApp } from './support/shoplink-test-app';
import { registerShopBody } from './support/shop-fixtures';

describe('Service surface: health, OpenAPI, read-your-writes', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('answers liveness and readiness with the projection lag', async () => {
    expect((await app.request('GET', '/health')).body).toEqual({ status: 'ok' });
    const registered = await app.command('POST', '/v1/shops', registerShopBody('health-shop'));
    await app.query('/v1/shops/health-shop', registered);
    const ready = await app.request('GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      eventStore: { status: 'up', head: registered.body.position },
      readStore: { status: 'up' },
      projection: { checkpoint: registered.body.position, lagPositions: '0', lagSeconds: 0, caughtUp: true },
    });
  });

  it('publishes OpenAPI generated from the DTOs at /docs-json and a UI at /docs', async () => {
    const json = await app.request('GET', '/docs-json');
    expect(json.status).toBe(200);
    expect(Object.keys(json.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/shops',
        '/v1/shops/{shopId}',
        '/v1/shops/{shopId}/links',
        '/v1/shops/{shopId}/links/{accountId}/authorization',
        '/v1/accounts/{accountId}',
      ]),
    );
    expect(json.body.components.schemas.RequestLinkRequest.required).toEqual(
      expect.arrayContaining(['accountId', 'role', 'profile', 'requestedScopes']),
    );
    const ui = await app.request('GET', '/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('a query for a position the read model will not reach in time answers 503 READ_MODEL_BEHIND with Retry-After', async () => {
    const far = await app.request('GET', '/v1/shops/health-shop?minPosition=999999');
    expect(far.status).toBe(503);
    expect(far.body.code).toBe('READ_MODEL_BEHIND');
    expect(far.headers.get('retry-after')).toBe('1');
  });

  it('an unknown shop or account is 404 with its code', async () => {
    expect((await app.request('GET', '/v1/shops/nope')).body.code).toBe('SHOP_NOT_FOUND');
    expect((await app.request('GET', '/v1/accounts/nope')).body.code).toBe('ACCOUNT_NOT_FOUND');
  });
});
