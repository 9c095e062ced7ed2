import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SHOP_READ_MODELS } from '@shoplink/shops';
import { builtService } from './support/built-service';
import { freePort } from './support/service-process';
import { bearer, TEST_TOKEN_SECRET_TEXT } from './support/service-tokens';
import { registerShopBody } from './support/shop-fixtures';
import { ShoplinkTestApp } from './support/shoplink-test-app';

const ROOT = join(__dirname, '..');

jest.setTimeout(240_000);

interface LogLine {
  readonly level: number;
  readonly time: number;
  readonly service: string;
  readonly msg: string;
  readonly [field: string]: unknown;
}

/**
 * The real projector process (`node <build>/apps/projector/src/main.js`) beside an API that runs
 * no projector, on the same embedded file, tracing to a stand-in collector: its stdout is JSON
 * lines (level, time, service, msg) with a start line, the batch's line carrying the trace id and
 * a stop line after SIGTERM; /metrics answers Prometheus text to a `metrics:read` token only.
 */
describe('the projector process is observable', () => {
  let app: ShoplinkTestApp;
  let collector: Server;
  const exported: string[] = [];
  let projector: ChildProcess | undefined;

  beforeAll(async () => {
    collector = createServer((request, response) => {
      exported.push(request.url ?? '');
      request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  });

  beforeEach(async () => {
    app = await ShoplinkTestApp.start({ runProjector: false });
  });

  afterEach(async () => {
    if (projector !== undefined && projector.exitCode === null && projector.signalCode === null) projector.kill('SIGKILL');
    await app.destroy();
  });

  afterAll(async () => {
    await new Promise((resolve) => collector?.close(resolve));
  });

  it('logs JSON lines from start to stop, traces its batches into them, and serves its metrics to a metrics:read token', async () => {
    const registered = await app.command('POST', '/v1/shops', registerShopBody('observed-shop'));
    expect(registered.status).toBe(201);
    const position: string = registered.body.position;

    const { projectorMain } = await builtService();
    const port = await freePort();
    const child = spawn(process.execPath, [projectorMain], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        SHOPLINK_PROJECTOR_PORT: String(port),
        SHOPLINK_DATA_FILE: app.config.dataFile,
        SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT,
        SHOPLINK_LOG_LEVEL: 'debug',
        SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS: '0',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    projector = child;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const lines = (): LogLine[] =>
      stdout
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as LogLine);

    // Up, and caught up with the event the API appended.
    const base = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      const ready = await fetch(`${base}/health/ready`).then(
        async (r) => (r.ok ? ((await r.json()) as { projection: { caughtUp: boolean } }).projection.caughtUp : false),
        () => false,
      );
      if (ready) break;
      if (tries > 200) throw new Error(`the projector did not catch up:\n${stdout}\n${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    const started = lines().find((line) => line.msg.includes('started'));
    expect(started).toMatchObject({
      level: 30,
      service: 'shoplink-projector',
      projector: SHOP_READ_MODELS.projector,
      from: null,
      health: `${base}/health/ready`,
      metrics: `${base}/metrics`,
      tracing: 'on',
    });
    expect(started!.storage).toContain(app.config.dataFile);
    expect(started!.collections).toEqual(expect.arrayContaining(['shop_status']));

    // The batch's line is written inside its span: it names the span's trace.
    const batch = lines().find((line) => line.msg.startsWith('projected') && line.to === position);
    expect(batch).toMatchObject({ level: 20, service: 'shoplink-projector', projector: SHOP_READ_MODELS.projector });
    expect(batch!.trace_id).toMatch(/^[0-9a-f]{32}$/);
    expect(batch!.span_id).toMatch(/^[0-9a-f]{16}$/);

    // /metrics: the API's rule (a service token with metrics:read), the API's projection metrics, Node's own.
    const anonymous = await fetch(`${base}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer not.a.token' } })).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: await bearer({ scopes: ['shops:read'] }) })).status).toBe(403);
    const scraped = await fetch(`${base}/metrics`, { headers: await bearer({ service: 'prometheus', scopes: ['metrics:read'] }) });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await scraped.text();
    expect(text).toContain(`shoplink_projection_checkpoint_position{projection="${SHOP_READ_MODELS.projector}"} ${position}`);
    expect(text).toContain(`shoplink_projection_lag_positions{projection="${SHOP_READ_MODELS.projector}"} 0`);
    expect(text).toContain(`shoplink_event_store_head_position ${position}`);
    expect(text).toMatch(new RegExp(`shoplink_projection_events_total\\{projection="${SHOP_READ_MODELS.projector}"\\} [1-9]`));
    expect(text).toContain('shoplink_process_cpu_seconds_total');
    expect(text).toContain('shoplink_nodejs_eventloop_lag_seconds');
    // Not the API's metrics: this process answers no commands.
    expect(text).not.toContain('shoplink_commands_total');

    child.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    const all = lines();
    for (const line of all) {
      expect(line).toEqual(expect.objectContaining({ level: expect.any(Number), time: expect.any(Number), msg: expect.any(String) }));
      expect(line.service).toBe('shoplink-projector');
    }
    expect(all.at(-1)).toMatchObject({
      level: 30,
      reason: 'SIGTERM',
      checkpoint: position,
      projector: SHOP_READ_MODELS.projector,
    });
    expect(all.at(-1)!.msg).toMatch(/stopped \(SIGTERM\) at checkpoint/);
    expect(stderr).toBe('');
    // Its batch span went out before it exited.
    expect(exported).toContain('/v1/traces');
  });
});
