import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { VERIFIED_TOKENS, VerifiedTokens } from '../apps/api/src/auth/verified-tokens';
import { CapturedLog } from './support/captured-log';
import { sampleValue } from './support/prometheus-text';
import { RawAnswer, sendRaw } from './support/raw-http';
import { bearer } from './support/service-tokens';
import { registerShopBody } from './support/shop-fixtures';
import { ShoplinkTestApp, steppedUpAssertionFor } from './support/shoplink-test-app';

/**
 * Callers without a valid token, throttled per client address. Each address is a loopback
 * address of its own (127.0.0.2, 127.0.0.3…: Linux routes the whole of 127/8 to this machine), so
 * one test plays an attacker and a bystander from different addresses against the same service.
 */
describe('Throttling callers without a valid token, per client address', () => {
  const BUDGET = 5;
  const DELAY_MS = 1_000;
  const log = new CapturedLog();
  let app: ShoplinkTestApp;
  const attacker = new http.Agent({ keepAlive: true, localAddress: '127.0.0.2' });
  /** Another service behind the attacker's address (a NAT), on connections of its own. */
  const colleague = new http.Agent({ keepAlive: true, localAddress: '127.0.0.2' });
  const bystander = new http.Agent({ keepAlive: true, localAddress: '127.0.0.3' });
  let forged: Record<string, string>;

  const from = (agent: http.Agent, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<RawAnswer> =>
    sendRaw(app.baseUrl, { method, path, headers, body }, agent);
  const metrics = async (): Promise<string> => (await app.request('GET', '/metrics')).body as string;
  const counters = async () => {
    const text = await metrics();
    return {
      checked: sampleValue(text, 'shoplink_token_verifications_total', { outcome: 'invalid' }),
      refused401: ['no-bearer-token', 'malformed', 'bad-signature', 'expired', 'not-yet-valid', 'wrong-claims']
        .map((reason) => sampleValue(text, 'shoplink_unauthenticated_requests_total', { reason }))
        .reduce((a, b) => a + b, 0),
      throttled429: sampleValue(text, 'shoplink_unauthenticated_throttled_total'),
      addresses: sampleValue(text, 'shoplink_throttled_addresses_total'),
    };
  };
  const throttleLines = () => log.lines.filter((line) => typeof line.msg === 'string' && line.msg.startsWith('throttling '));

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({
      unauthenticatedLimit: { limit: BUDGET, windowMs: 60_000, delayMs: DELAY_MS },
      observability: { logDestination: log },
    });
    forged = await bearer({ service: 'intruder', secret: new TextEncoder().encode('a-secret-nobody-configured-here-012345') });
  });

  afterAll(async () => {
    attacker.destroy();
    colleague.destroy();
    bystander.destroy();
    await app.destroy();
  });

  afterEach(() => jest.restoreAllMocks());

  it('answers 429 with Retry-After on arrival once an address spent its budget, checking no more tokens and reading no body', async () => {
    const before = await counters();
    const verify = jest.spyOn(app.nest.get<VerifiedTokens>(VERIFIED_TOKENS), 'verify');

    // The budget: each refusal, with or without a token to check, spends one.
    const spending = [{}, forged, { authorization: 'Bearer abc' }, forged, {}];
    expect(spending).toHaveLength(BUDGET);
    for (const headers of spending) {
      const answer = await from(attacker, 'GET', '/v1/shops?status=active', headers);
      expect({ status: answer.status, code: answer.json?.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
    expect(verify).toHaveBeenCalledTimes(2);

    // Spent: every kind of request without a verified token is turned away before the guard, even one
    // whose body would have been refused as malformed JSON (so the body is not even parsed).
    const turnedAway = [
      () => from(attacker, 'GET', '/v1/shops?status=active'),
      () => from(attacker, 'GET', '/v1/shops/none', forged),
      () => from(attacker, 'GET', '/v1/feed', { authorization: `bearer ${forged.authorization.slice(7)}` }),
      () => from(attacker, 'GET', '/no/such/route', forged),
      () =>
        from(
          attacker,
          'POST',
          '/v1/shops',
          { ...forged, 'content-type': 'application/json', 'idempotency-key': randomUUID(), 'x-actor': 'member:m-owner' },
          '{"not json',
        ),
    ];
    // Sent all at once, each on a connection of its own: each refusal is answered at once (its connection is slowed after).
    const timed = async (send: () => Promise<RawAnswer>) => {
      const started = performance.now();
      const answer = await send();
      return { answer, ms: performance.now() - started };
    };
    const answers = await Promise.all(Array.from({ length: 4 }, () => turnedAway.map(timed)).flat());
    for (const { answer, ms } of answers) {
      expect(ms).toBeLessThan(DELAY_MS / 2);
      expect({ status: answer.status, body: answer.json }).toEqual({
        status: 429,
        body: {
          statusCode: 429,
          error: 'Too Many Requests',
          code: 'RATE_LIMITED',
          message: expect.stringMatching(/^Too many requests without a valid service token from this address; retry after \d+ s$/),
          details: [],
        },
      });
      const retryAfter = Number(answer.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(answer.json.message).toContain(`retry after ${retryAfter} s`);
    }
    expect(verify).toHaveBeenCalledTimes(2);

    // The metrics say the same: two tokens checked, five refusals counted, twenty turned away, one address throttled.
    const after = await counters();
    expect({
      checked: after.checked - before.checked,
      refused401: after.refused401 - before.refused401,
      throttled429: after.throttled429 - before.throttled429,
      addresses: after.addresses - before.addresses,
    }).toEqual({ checked: 2, refused401: BUDGET, throttled429: 20, addresses: 1 });

    // One log line when the address starts being throttled, not one per request.
    expect(throttleLines()).toEqual([
      expect.objectContaining({
        level: 40,
        context: 'UnauthenticatedThrottle',
        msg: expect.stringMatching(/^throttling 127\.0\.0\.2: 5 requests without a valid service token within 60000 ms; /),
      }),
    ]);

    // Another address is not throttled: its forged token is checked and refused as before.
    verify.mockClear();
    const elsewhere = await from(bystander, 'GET', '/v1/shops?status=active', forged);
    expect(elsewhere.status).toBe(401);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('reads the next request of a connection it refused only after the delay', async () => {
    const connection = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.2' });
    try {
      const send = async () => {
        const started = performance.now();
        const answer = await from(connection, 'GET', '/v1/shops?status=active');
        return { status: answer.status, ms: performance.now() - started };
      };
      const first = await send();
      const next = await send();
      expect(first.status).toBe(429);
      expect(first.ms).toBeLessThan(DELAY_MS / 2);
      expect(next.status).toBe(429);
      expect(next.ms).toBeGreaterThanOrEqual(DELAY_MS / 2 - 5);
    } finally {
      connection.destroy();
    }
  });

  it('keeps serving, from the throttled address, a service whose token was verified already, and the health probes', async () => {
    const validBefore = sampleValue(await metrics(), 'shoplink_token_verifications_total', { outcome: 'valid' });
    const verify = jest.spyOn(app.nest.get<VerifiedTokens>(VERIFIED_TOKENS), 'verify');
    // Still within the window that started in the tests above: the address is throttled, and the attacker's
    // connection, refused once more, reads its next request only after the delay…
    const connection = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: '127.0.0.2' });
    expect((await from(connection, 'GET', '/v1/shops?status=active')).status).toBe(429);
    let refused = false;
    const slowed = from(connection, 'GET', '/v1/shops?status=active').then((answer) => ((refused = true), answer));

    // …while another service behind the same address, whose token was verified already (every helper request
    // carries the suite's), is served at once on its own connection.
    const suiteToken = app.authorization.authorization.slice('Bearer '.length);
    const read = await from(colleague, 'GET', '/v1/shops?status=active', app.authorization);
    expect(read.status).toBe(200);
    expect(refused).toBe(false);
    expect((await slowed).status).toBe(429);
    connection.destroy();
    const shopId = `nat-${randomUUID().slice(0, 8)}`;
    const registered = await from(
      colleague,
      'POST',
      '/v1/shops',
      {
        ...app.authorization,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
        'x-actor': 'member:m-owner',
        'x-actor-assertion': (await steppedUpAssertionFor('member:m-owner'))!,
      },
      JSON.stringify(registerShopBody(shopId)),
    );
    expect(registered.status).toBe(201);

    for (const path of ['/health', '/health/ready']) expect((await from(colleague, 'GET', path)).status).toBe(200);

    // A genuine token never verified yet waits for the window, like any other unknown token from there…
    const newcomer = await bearer({ service: 'newcomer', scopes: ['shops:read'] });
    const early = await from(colleague, 'GET', '/v1/shops?status=active', newcomer);
    expect(early.status).toBe(429);
    // …and is served from there as soon as it has been verified once (here, from another address).
    expect((await from(bystander, 'GET', '/v1/shops?status=active', newcomer)).status).toBe(200);
    expect((await from(colleague, 'GET', '/v1/shops?status=active', newcomer)).status).toBe(200);
    // The guard saw the suite's token twice and the newcomer's twice, never the one turned away; and of
    // all of them only the bystander's request checked a signature.
    const newcomerToken = newcomer.authorization.slice('Bearer '.length);
    expect(verify.mock.calls.map(([token]) => (token === newcomerToken ? 'newcomer' : token === suiteToken ? 'suite' : 'other'))).toEqual([
      'suite',
      'suite',
      'newcomer',
      'newcomer',
    ]);
    verify.mockRestore();
    expect(sampleValue(await metrics(), 'shoplink_token_verifications_total', { outcome: 'valid' }) - validBefore).toBe(1);
    expect(throttleLines()).toHaveLength(1);
  });
});

describe('Throttling per client address, over time', () => {
  let app: ShoplinkTestApp;
  const agent = new http.Agent({ keepAlive: true, localAddress: '127.0.0.4' });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ unauthenticatedLimit: { limit: 2, windowMs: 1_000, delayMs: 0 } });
  });

  afterAll(async () => {
    agent.destroy();
    await app.destroy();
  });

  it('gives the budget back when the window ends, and throttles the address again once it spends it again', async () => {
    const send = () => sendRaw(app.baseUrl, { method: 'GET', path: '/v1/accounts/a-1', headers: {} }, agent);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await send()).status);
    expect(statuses).toEqual([401, 401, 429]);
    const refused = await send();
    expect(refused.headers['retry-after']).toBe('1');
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    const again: number[] = [];
    for (let i = 0; i < 3; i += 1) again.push((await send()).status);
    expect(again).toEqual([401, 401, 429]);
    // Two windows, two starts of throttling (the log line that goes with each is checked above).
    const metrics = (await app.request('GET', '/metrics')).body as string;
    expect(sampleValue(metrics, 'shoplink_throttled_addresses_total')).toBe(2);
    expect(sampleValue(metrics, 'shoplink_unauthenticated_throttled_total')).toBe(3);
    expect(sampleValue(metrics, 'shoplink_unauthenticated_requests_total', { reason: 'no-bearer-token' })).toBe(4);
  });
});

describe('Throttling per client address, when the service stops', () => {
  const DELAY_MS = 5_000;
  let app: ShoplinkTestApp;
  const agent = new http.Agent({ keepAlive: true, localAddress: '127.0.0.5' });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ unauthenticatedLimit: { limit: 1, windowMs: 60_000, delayMs: DELAY_MS } });
  });

  afterAll(async () => {
    agent.destroy();
    await app.destroy();
  });

  it('closes the connections it slowed rather than wait for them', async () => {
    const send = () => sendRaw(app.baseUrl, { method: 'GET', path: '/v1/accounts/a-1', headers: {} }, agent, 30_000);
    expect((await send()).status).toBe(401);
    expect((await send()).status).toBe(429);
    // The connection now reads its next request only after the delay; this one is never read.
    const unread = send().then(
      (answer) => `answered ${answer.status}`,
      (error: NodeJS.ErrnoException) => error.code,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    const stopping = performance.now();
    await app.stop();
    expect(await unread).toBe('ECONNRESET');
    // Slowed at least half the delay otherwise.
    expect(performance.now() - stopping).toBeLessThan(DELAY_MS / 2 - 1_000);
  });
});

describe('Throttling per client address, behind a trusted proxy', () => {
  let app: ShoplinkTestApp;
  const proxy = new http.Agent({ keepAlive: true, localAddress: '127.0.0.6' });
  const stranger = new http.Agent({ keepAlive: true, localAddress: '127.0.0.7' });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({ unauthenticatedLimit: { limit: 1, windowMs: 60_000, delayMs: 0 }, trustedProxies: ['127.0.0.6'] });
  });

  afterAll(async () => {
    proxy.destroy();
    stranger.destroy();
    await app.destroy();
  });

  const send = (agent: http.Agent, forwardedFor: string) =>
    sendRaw(app.baseUrl, { method: 'GET', path: '/v1/accounts/a-1', headers: { 'x-forwarded-for': forwardedFor } }, agent);

  it("counts a trusted proxy's clients each on its own, and believes no one else's X-Forwarded-For", async () => {
    expect([(await send(proxy, '203.0.113.7')).status, (await send(proxy, '203.0.113.7')).status]).toEqual([401, 429]);
    // Another client behind the same proxy has a budget of its own.
    expect([(await send(proxy, '198.51.100.1, 203.0.113.8')).status, (await send(proxy, '203.0.113.8')).status]).toEqual([401, 429]);
    // A caller that is not the proxy cannot choose its address: it is counted as itself, whatever it claims.
    expect([(await send(stranger, '203.0.113.9')).status, (await send(stranger, '203.0.113.10')).status]).toEqual([401, 429]);
  });
});

describe('What every answer tells its caller', () => {
  let app: ShoplinkTestApp;
  const caller = new http.Agent({ keepAlive: true, localAddress: '127.0.0.8' });

  beforeAll(async () => {
    app = await ShoplinkTestApp.start({
      unauthenticatedLimit: { limit: 1, windowMs: 60_000, delayMs: 0 },
      rateLimit: { limit: 3, windowMs: 60_000 },
    });
  });

  afterAll(async () => {
    caller.destroy();
    await app.destroy();
  });

  it('names its correlation id on every answer: a read, a probe, a 404, a 401 and a throttled 429; the caller’s own when it sent one', async () => {
    const mine = randomUUID();
    const answers = {
      read: await app.request('GET', '/v1/shops/no-such-shop', undefined, { 'x-correlation-id': mine }),
      probe: await app.request('GET', '/health/ready'),
      unknownRoute: await app.request('GET', '/v1/nothing-here'),
      unauthenticated: await sendRaw(app.baseUrl, { method: 'GET', path: '/v1/shops/s-1', headers: {} }, caller),
      throttled: await sendRaw(app.baseUrl, { method: 'GET', path: '/v1/shops/s-1', headers: {} }, caller),
    };
    expect([answers.unauthenticated.status, answers.throttled.status]).toEqual([401, 429]);
    expect(answers.read.headers.get('x-correlation-id')).toBe(mine);
    const ids = [
      answers.probe.headers.get('x-correlation-id'),
      answers.unknownRoute.headers.get('x-correlation-id'),
      answers.unauthenticated.headers['x-correlation-id'],
      answers.throttled.headers['x-correlation-id'],
    ];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(ids).size).toBe(4);
  });

  it("tells an authenticated caller its service's budget: X-RateLimit-Limit, -Remaining and -Reset (seconds), then Retry-After", async () => {
    const service = await bearer({ service: 'budgeted', scopes: ['shops:read'] });
    const statuses: number[] = [];
    const budgets: string[][] = [];
    for (let i = 0; i < 4; i += 1) {
      const answer = await app.request('GET', '/v1/shops/no-such-shop', undefined, service);
      statuses.push(answer.status);
      budgets.push(['x-ratelimit-limit', 'x-ratelimit-remaining'].map((name) => answer.headers.get(name) ?? 'absent'));
      const reset = Number(answer.headers.get('x-ratelimit-reset'));
      expect(reset).toBeGreaterThanOrEqual(1);
      expect(reset).toBeLessThanOrEqual(60);
      if (answer.status === 429) expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      else expect(answer.headers.get('retry-after')).toBeNull();
    }
    expect(statuses).toEqual([404, 404, 404, 429]);
    expect(budgets).toEqual([
      ['3', '2'],
      ['3', '1'],
      ['3', '0'],
      ['3', '0'],
    ]);
  });
});
