import { execFile } from 'node:child_process';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ShoplinkTestApp, steppedUpAssertionFor } from './support/shoplink-test-app';
import { registerShopBody } from './support/shop-fixtures';
import { bearer, TEST_TOKEN_SECRET_TEXT, testToken } from './support/service-tokens';
import { builtService } from './support/built-service';
import { ServiceProcess } from './support/service-process';
import { createDigestKey } from '@shoplink/event-store';

/**
 * Every route but /health* and /docs* needs a service token granting its scope; refusals say
 * nothing that helps an attacker, and write nothing.
 */
describe('Service authentication and scopes', () => {
  let app: ShoplinkTestApp;
  const head = async () => (await app.request('GET', '/health/ready')).body.eventStore.head;
  const command = async (headers: Record<string, string>) =>
    app.request('POST', '/v1/shops', registerShopBody(`auth-${randomUUID().slice(0, 8)}`), {
      'idempotency-key': randomUUID(),
      'x-actor': 'member:m-owner',
      'x-actor-assertion': (await steppedUpAssertionFor('member:m-owner'))!,
      ...headers,
    });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('refuses a missing, malformed, forged, expired or foreign token with one and the same 401, appending nothing', async () => {
    const before = await head();
    const past = new Date(Date.now() - 7200_000);
    const genuine = await testToken();
    const [h, p, s] = genuine.split('.');
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), sub: 'someone-else' })).toString('base64url')}.${s}`;
    const refusedHeaders: Record<string, Record<string, string>> = {
      missing: { authorization: '' },
      'not bearer': { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      'not a JWT': { authorization: 'Bearer abc' },
      'other secret': await bearer({ secret: new TextEncoder().encode('a-secret-nobody-configured-here-012345') }),
      expired: await bearer({ now: past, ttlSeconds: 3600 }),
      tampered: { authorization: `Bearer ${tampered}` },
      'unsigned (alg none)': { authorization: `Bearer ${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.` },
    };
    for (const [kind, headers] of Object.entries(refusedHeaders)) {
      const answer = await command(headers);
      expect({ kind, status: answer.status, body: answer.body }).toEqual({
        kind,
        status: 401,
        body: {
          statusCode: 401,
          error: 'Unauthorized',
          code: 'UNAUTHENTICATED',
          message: 'A valid service token is required: Authorization: Bearer <token>',
          details: [],
        },
      });
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="shoplink"');
    }
    expect(await head()).toBe(before);
  });

  it('takes the bearer scheme in any case (RFC 7235), the token itself as strictly as ever', async () => {
    const token = await testToken({ service: 'case-insensitive' });
    for (const scheme of ['bearer', 'BEARER', 'bEaReR']) {
      const answer = await command({ authorization: `${scheme} ${token}` });
      expect({ scheme, status: answer.status }).toEqual({ scheme, status: 201 });
    }
    expect((await app.request('GET', '/v1/shops?status=active', undefined, { authorization: `bearer ${token}` })).status).toBe(200);
    for (const header of [`bearer  ${token}`, `bearer ${token.toUpperCase()}`, `bearertoken ${token}`, `bearer: ${token}`])
      expect((await command({ authorization: header })).status).toBe(401);
  });

  it('refuses a valid token without the route scope with 403 naming the scope, appending nothing', async () => {
    const before = await head();
    const readOnly = await bearer({ service: 'reporting', scopes: ['shops:read', 'audit:read'] });
    const answer = await command(readOnly);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'FORBIDDEN_SCOPE', message: "This service's token does not grant shops:write" });
    expect((await app.request('GET', '/v1/shops?status=active', undefined, readOnly)).status).toBe(200);
    expect((await app.request('GET', '/v1/feed', undefined, readOnly)).status).toBe(403);
    expect(await head()).toBe(before);
  });

  it('needs both the service scope and the actor role: a money service still cannot act for a viewer', async () => {
    const shop = `auth-roles-${randomUUID().slice(0, 6)}`;
    expect((await app.command('POST', '/v1/shops', registerShopBody(shop))).status).toBe(201);
    expect((await app.command('POST', `/v1/shops/${shop}/members`, { memberId: 'm-viewer', role: 'viewer' })).status).toBe(200);
    const money = await bearer({ service: 'payouts', scopes: ['money:write'] });
    const credit = { settlementId: 'st-1', orderId: 'o-1', amount: 100 };
    const asViewer = await app.command('POST', `/v1/shops/${shop}/credits`, credit, { actor: 'member:m-viewer', headers: money });
    expect(asViewer.status).toBe(403);
    expect(asViewer.body.code).toBe('FORBIDDEN_ROLE');
    const asOwner = await app.command('POST', `/v1/shops/${shop}/credits`, credit, { actor: 'system:payouts', headers: money });
    expect(asOwner.status).toBeLessThan(300);
    const shopsOnly = await app.command(
      'POST',
      `/v1/shops/${shop}/credits`,
      { ...credit, settlementId: 'st-2' },
      { actor: 'system:payouts', headers: await bearer({ scopes: ['shops:write'] }) },
    );
    expect(shopsOnly.status).toBe(403);
    expect(shopsOnly.body.code).toBe('FORBIDDEN_SCOPE');
  });

  it('records the calling service from the token, not from anything the caller can type', async () => {
    const shop = `auth-meta-${randomUUID().slice(0, 6)}`;
    const answer = await app.command('POST', '/v1/shops', registerShopBody(shop), {
      headers: { ...(await bearer({ service: 'seller-center' })), 'x-calling-service': 'forged' },
    });
    expect(answer.status).toBe(201);
    const events = await app.request('GET', `/v1/audit/streams/shop-${shop}/events`);
    expect(events.body.events[0].metadata.callingService).toBe('seller-center');
  });

  it('leaves liveness, readiness and the OpenAPI document open, and documents a scope on every other route', async () => {
    for (const path of ['/health', '/health/ready', '/docs-json'])
      expect((await app.request('GET', path, undefined, { authorization: '' })).status).toBe(200);
    const document = (await app.request('GET', '/docs-json', undefined, { authorization: '' })).body;
    expect(document.components.securitySchemes['service-token']).toMatchObject({ type: 'http', scheme: 'bearer' });
    const operations = Object.entries(document.paths as Record<string, Record<string, any>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        path,
        method,
        scope: operation['x-required-scope'],
        security: operation.security,
      })),
    );
    expect(operations.length).toBeGreaterThan(40);
    const undocumented = operations.filter(
      (o) => !o.path.startsWith('/health') && (o.scope === undefined || !o.security?.some((s: object) => 'service-token' in s)),
    );
    expect(undocumented).toEqual([]);
    // And each documented route really refuses a caller without a token (path parameters filled in with valid ids).
    for (const operation of operations.filter((o) => !o.path.startsWith('/health'))) {
      const path = operation.path.replace(/\{[^}]+\}/g, 'x1');
      const answer = await app.request(operation.method.toUpperCase(), path, undefined, { authorization: '' });
      expect({ route: `${operation.method} ${operation.path}`, status: answer.status }).toEqual({
        route: `${operation.method} ${operation.path}`,
        status: 401,
      });
    }
  });
});

describe('Rate limiting per calling service', () => {
  let app: ShoplinkTestApp;

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ rateLimit: { limit: 5, windowMs: 60_000 } });
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('answers 429 with Retry-After once a service spends its budget, across routes, without touching other services or probes', async () => {
    const chatty = await bearer({ service: 'chatty' });
    const paths = ['/v1/shops?status=active', '/v1/accounts/a-1', '/v1/shops/none', '/v1/feed', '/v1/shops?status=active'];
    for (const path of paths) expect((await app.request('GET', path, undefined, chatty)).status).not.toBe(429);
    const refused = await app.request('GET', '/v1/accounts/a-2', undefined, chatty);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await app.request('GET', '/v1/shops?status=active', undefined, await bearer({ service: 'quiet' }))).status).toBe(200);
    expect((await app.request('GET', '/health/ready')).status).toBe(200);
  });
});

/** The real binary, as a container runs it: NODE_ENV=production needs the identity provider's keys to start at all. */
describe('Actor assertion keys at start-up', () => {
  let main: string;
  let dir: string;

  beforeAll(async () => {
    main = (await builtService()).apiMain;
    dir = mkdtempSync(join(tmpdir(), 'shoplink-assertion-keys-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The compiled service started with NODE_ENV=production and only these variables, until it exits. */
  const startInProduction = (env: Record<string, string>) =>
    new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [main],
        { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', ...env }, timeout: 60_000 },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 99) : 0, stderr }),
      ),
    );

  it('refuses to start in production without SHOPLINK_ACTOR_ASSERTION_JWKS (exit 78, naming the variable), even with a local secret', async () => {
    const run = await startInProduction({
      PORT: '0',
      SHOPLINK_DATA_FILE: join(dir, 'refused', 'shoplink.db'),
      SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT,
      SHOPLINK_ACTOR_ASSERTION_SECRET: 'a-local-secret-that-production-never-accepts-0123',
      SHOPLINK_DIGEST_KEY_DIR: (createDigestKey(join(dir, 'refused-digest-keys'), new Date()), join(dir, 'refused-digest-keys')),
    });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/^Configuration error: SHOPLINK_ACTOR_ASSERTION_JWKS: required when NODE_ENV=production/);
  });

  it('refuses to start in production without SHOPLINK_TOKEN_SECRET, and lists every bad setting at once (exit 78)', async () => {
    const run = await startInProduction({
      PORT: 'eighty',
      SHOPLINK_LOG_LEVEL: 'loud',
      SHOPLINK_DATA_FILE: join(dir, 'refused-too', 'shoplink.db'),
    });
    expect(run.code).toBe(78);
    const listed = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(':')[0]);
    expect([run.stderr.split('\n')[0], listed]).toEqual([
      'Configuration errors:',
      ['PORT', 'SHOPLINK_TOKEN_SECRET', 'SHOPLINK_ACTOR_ASSERTION_JWKS', 'SHOPLINK_DIGEST_KEY_DIR', 'SHOPLINK_LOG_LEVEL'],
    ]);
    expect(run.stderr).toMatch(/SHOPLINK_TOKEN_SECRET: required when NODE_ENV=production/);
    expect(run.stderr).toMatch(/SHOPLINK_DIGEST_KEY_DIR: required when NODE_ENV=production/);
    // Nothing was created beside the data file: no secret or digest key invented for this host.
    expect(existsSync(join(dir, 'refused-too'))).toBe(false);
  });

  it('starts in production with a JWKS, and says where the keys come from', async () => {
    const jwksFile = join(dir, 'idp.jwks.json');
    writeFileSync(
      jwksFile,
      JSON.stringify({ keys: [{ ...generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }), kid: 'idp-1' }] }),
    );
    const log = join(dir, 'production.log');
    const service = await ServiceProcess.spawn({
      main,
      dataFile: join(dir, 'production', 'shoplink.db'),
      log,
      env: {
        NODE_ENV: 'production',
        SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile,
        SHOPLINK_ACTOR_ASSERTION_SECRET: '',
        // Digests are signed with a key production keeps apart from the data file.
        SHOPLINK_DIGEST_KEY_DIR: (createDigestKey(join(dir, 'digest-keys'), new Date()), join(dir, 'digest-keys')),
      },
    });
    try {
      expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
    } finally {
      await service.kill9();
    }
    expect(readFileSync(log, 'utf8')).toContain(`Actor assertions (X-Actor-Assertion) verified with the JWKS at ${jwksFile} (idp-1 EdDSA)`);
  });
});
