import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { randomUUID } from 'node:crypto';
import { SHOP_READ_MODELS_PROJECTOR } from '@shoplink/shops';
import { CapturedLog } from './support/captured-log';
import { sampleValue } from './support/prometheus-text';
import { registerShopBody } from './support/shop-fixtures';
import { ShopScenario } from './support/shop-scenarios';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { TestClock } from './support/test-clock';
import { bearer, testToken } from './support/service-tokens';

/**
 * What operators see: the log lines a command and its request leave (with secrets redacted), the
 * counters and histograms at /metrics that a command moves, and the spans from the HTTP request
 * through the command and its append to the projection, joined by the correlation id.
 */
describe('Observability: logs, metrics, traces', () => {
  const log = new CapturedLog();
  const spans = new InMemorySpanExporter();
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  const clock = new TestClock('2026-11-01T09:00:00.000Z');
  let app: ShoplinkTestApp;

  const metrics = async (): Promise<string> => {
    const answer = await app.request('GET', '/metrics');
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return answer.body as string;
  };
  const commandLines = () => log.lines.filter((line) => line.context === 'command');
  const requestLines = () => log.lines.filter((line) => line.req !== undefined && line.res !== undefined);

  beforeAll(async () => {
    // Registers the AsyncLocalStorage context manager, which is what lets child spans find their parent.
    tracerProvider.register();
    app = await ShoplinkTestApp.start({ clock, observability: { logDestination: log, tracerProvider } });
  });

  afterAll(async () => {
    await app.destroy();
    await tracerProvider.shutdown();
    context.disable();
    trace.disable();
  });

  beforeEach(() => {
    log.clear();
    spans.reset();
  });

  it('logs one JSON line per command and one per request, sharing the correlation id', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const answer = await app.command('POST', '/v1/shops', registerShopBody('logged-shop'), {
      headers: { 'x-correlation-id': correlationId, ...(await bearer({ service: 'seller-center' })) },
    });
    expect(answer.status).toBe(201);

    expect(commandLines()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'RegisterShop on shop-logged-shop: accepted',
        commandType: 'RegisterShop',
        commandId: answer.body.commandId,
        correlationId,
        callingService: 'seller-center',
        actor: 'member:m-owner',
        stream: 'shop-logged-shop',
        revision: 0,
        position: answer.body.position,
        outcome: 'accepted',
        statusCode: 201,
        durationMs: expect.any(Number),
      }),
    ]);
    const [request] = requestLines();
    expect(request).toMatchObject({
      msg: expect.stringMatching(/^POST \/v1\/shops 201 \d+ms$/),
      correlationId,
      callingService: 'seller-center',
      route: '/v1/shops',
      req: { method: 'POST', url: '/v1/shops' },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
    });
    // The command's line is written inside the request, so it carries the request's id too.
    expect(commandLines()[0].reqId).toBe(correlationId);
    expect(answer.headers.get('x-correlation-id')).toBe(correlationId);
  });

  it('gives a request without a correlation id a new one, the same in the log, the answer and the events', async () => {
    const answer = await app.command('POST', '/v1/shops', registerShopBody('uncorrelated'));
    const generated = answer.headers.get('x-correlation-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(commandLines()[0].correlationId).toBe(generated);
    expect(requestLines()[0].correlationId).toBe(generated);
    const events = await app.request('GET', '/v1/audit/streams/shop-uncorrelated/events');
    expect(events.body.events[0].metadata.correlationId).toBe(generated);
  });

  it('logs refusals with their reason, and never logs the bearer token or the one-time unlink code', async () => {
    const scenario = new ShopScenario(app);
    await scenario.verifiedShop('secret-shop');
    await scenario.link('secret-shop', 'tt-secret', 'official');
    clock.advanceHours(25);
    log.clear();
    const token = await testToken({ service: 'seller-center' });
    const requested = await app.command(
      'POST',
      '/v1/shops/secret-shop/links/tt-secret/unlink-requests',
      { reason: 'closure' },
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(requested.status).toBe(200);
    const code: string = requested.body.confirmationCode;
    expect(code).toMatch(/^\d{8}$/);
    const wrong = ((Number(code) + 1) % 100_000_000).toString().padStart(8, '0');
    const refused = await app.command(
      'POST',
      `/v1/shops/secret-shop/links/tt-secret/unlink-requests/${requested.body.requestId}/confirmation`,
      { code: wrong },
    );
    expect(refused.status).toBe(422);
    const confirmed = await app.command(
      'POST',
      `/v1/shops/secret-shop/links/tt-secret/unlink-requests/${requested.body.requestId}/confirmation`,
      { code },
    );
    expect(confirmed.status).toBe(200);

    expect(commandLines().map((line) => [line.commandType, line.outcome, line.reason])).toEqual([
      ['RequestUnlink', 'accepted', null],
      ['ConfirmUnlink', 'refused', 'UNLINK_CODE_INVALID'],
      // The unlink gives the account's claim back: an account command on the same path, logged as it ends.
      ['ReleaseAccount', 'accepted', null],
      ['ConfirmUnlink', 'accepted', null],
    ]);
    expect(requestLines()[0].req.headers.authorization).toBe('[redacted]');
    expect(log.all).not.toContain(token);
    expect(log.all).not.toContain(token.split('.')[2]);
    expect(log.all).not.toContain(code);
    expect(log.all).not.toContain(wrong);
  });

  it('moves the command counters, the append histogram, replays, conflicts and the HTTP latency at /metrics', async () => {
    const before = await metrics();
    const key = randomUUID();
    const first = await app.command('POST', '/v1/shops', registerShopBody('metered'), { key });
    expect(first.status).toBe(201);
    const again = await app.command('POST', '/v1/shops', registerShopBody('metered'), { key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const stale = await app.command(
      'POST',
      '/v1/shops/metered/members',
      { memberId: 'm-2', role: 'viewer' },
      { headers: { 'if-match': '7' } },
    );
    expect(stale.status).toBe(409);
    expect((await app.query('/v1/shops/metered', first)).status).toBe(200);
    const after = await metrics();

    const moved = (name: string, labels: Record<string, string> = {}) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    expect(moved('shoplink_commands_total', { type: 'RegisterShop', outcome: 'accepted' })).toBe(1);
    expect(moved('shoplink_commands_total', { type: 'RegisterShop', outcome: 'replayed' })).toBe(1);
    expect(moved('shoplink_commands_total', { type: 'GrantAccess', outcome: 'conflict' })).toBe(1);
    expect(moved('shoplink_idempotent_replays_total', { type: 'RegisterShop' })).toBe(1);
    expect(moved('shoplink_command_duration_seconds_count', { type: 'RegisterShop' })).toBe(2);
    expect(moved('shoplink_event_store_append_duration_seconds_count', { category: 'shop' })).toBe(1);
    expect(moved('shoplink_http_request_duration_seconds_count', { method: 'POST', route: '/v1/shops', status_code: '201' })).toBe(2);
    expect(moved('shoplink_http_request_duration_seconds_count', { method: 'GET', route: '/v1/shops/:shopId', status_code: '200' })).toBe(
      1,
    );
    // The log's head, the projection's checkpoint and its lag, read from the stores at the scrape.
    const head = sampleValue(after, 'shoplink_event_store_head_position');
    expect(head).toBe(Number(first.body.position));
    expect(sampleValue(after, 'shoplink_projection_checkpoint_position', { projection: SHOP_READ_MODELS_PROJECTOR })).toBe(head);
    expect(sampleValue(after, 'shoplink_projection_lag_positions', { projection: SHOP_READ_MODELS_PROJECTOR })).toBe(0);
    expect(after).toContain('# TYPE shoplink_projection_lag_seconds gauge');
    expect(moved('shoplink_projection_events_total', { projection: SHOP_READ_MODELS_PROJECTOR })).toBeGreaterThanOrEqual(1);
  });

  it('counts a conflict that the executor retried', async () => {
    // Commands on one shop take turns within a process, so the race is between two instances on one data file,
    // through a store that yields between read and append.
    const racing = await ShoplinkTestApp.start({ jitter: true });
    const other = await ShoplinkTestApp.start({ jitter: true, dataDir: racing.dataDir });
    try {
      expect((await racing.command('POST', '/v1/shops', registerShopBody('raced'))).status).toBe(201);
      const grants = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          (i % 2 === 0 ? racing : other).command('POST', '/v1/shops/raced/members', { memberId: `m-race-${i}`, role: 'viewer' }),
        ),
      );
      expect(grants.map((g) => g.status).filter((status) => status !== 200 && status !== 409)).toEqual([]);
      let conflicts = 0;
      let retries = 0;
      for (const instance of [racing, other]) {
        const scraped = (await instance.request('GET', '/metrics')).body as string;
        conflicts += sampleValue(scraped, 'shoplink_concurrency_conflicts_total', { category: 'shop' });
        retries += sampleValue(scraped, 'shoplink_command_retries_total', { category: 'shop' });
      }
      expect(conflicts).toBeGreaterThan(0);
      expect(retries).toBeGreaterThan(0);
      expect(conflicts - retries).toBe(grants.filter((g) => g.status === 409).length);
    } finally {
      await other.stop();
      await racing.destroy();
    }
  });

  it('traces a command from the HTTP request through the command and its append to the projection, by correlation id', async () => {
    const correlationId = `trace-${randomUUID()}`;
    const answer = await app.command('POST', '/v1/shops', registerShopBody('traced'), { headers: { 'x-correlation-id': correlationId } });
    expect(answer.status).toBe(201);
    expect((await app.query('/v1/shops/traced', answer)).status).toBe(200);

    const finished = spans.getFinishedSpans();
    const named = (name: string): ReadableSpan => {
      const span = finished.find(
        (s) => s.name === name && (s.attributes['shoplink.correlation_id'] === correlationId || s.name === 'append'),
      );
      if (!span) throw new Error(`no span ${name} among ${finished.map((s) => s.name).join(', ')}`);
      return span;
    };
    const http = named('POST /v1/shops');
    const command = named('command RegisterShop');
    const append = finished.find((s) => s.name === 'append' && s.parentSpanContext?.spanId === command.spanContext().spanId);
    expect(append).toBeDefined();
    expect(command.parentSpanContext?.spanId).toBe(http.spanContext().spanId);
    expect(new Set([http, command, append!].map((s) => s.spanContext().traceId)).size).toBe(1);
    expect(http.attributes).toMatchObject({ 'http.route': '/v1/shops', 'http.response.status_code': 201 });
    expect(command.attributes).toMatchObject({
      'shoplink.command.type': 'RegisterShop',
      'shoplink.stream': 'shop-traced',
      'shoplink.outcome': 'accepted',
      'shoplink.revision': 0,
    });
    expect(append!.attributes).toMatchObject({ 'shoplink.stream': 'shop-traced', 'shoplink.event_count': 1 });
    // The projection runs after the request has been answered, in a trace of its own: the correlation id joins them.
    const projection = finished.find(
      (s) =>
        s.name === `project ${SHOP_READ_MODELS_PROJECTOR}` &&
        (s.attributes['shoplink.correlation_ids'] as string[]).includes(correlationId),
    );
    expect(projection).toBeDefined();
  });
});
