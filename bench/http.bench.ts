/**
 * The service over HTTP, each figure beside a baseline measured in the same run:
 *  - commands/s and p50/p99 at 64 connections for a mix of links, credits, withdrawals and
 *    status reads, against (a) a bare NestJS-on-Fastify echo route and (b) a bare Fastify route
 *    doing one durable SQLite insert per request;
 *  - projection lag (command answered → the read model shows it) at half the mix's peak rate;
 *  - command latency on a shop with 100,000 events against a new shop;
 *  - peak resident memory of the service and its time from start to ready.
 * Every server runs in its own process (the built dist/), the load generator in this one.
 *
 *   npm run bench:http        BENCH_SECONDS (10), BENCH_LONG_EVENTS (100000), BENCH_SHOPS_HTTP (200)
 */
import { HashChainingEventStore } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChildServer, cpuSecondsOf, getJson, startChildServer } from './support/child-server';
import { BENCH_SERVICE_ENV, prepareBenchAuthorization, requestHeaders } from './support/command-headers';
import { BenchRequest, percentile, runLoad, LoadResult } from './support/http-load';
import { buildShopEventLog } from './support/shop-event-log';

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Math.max(1, Math.round(SECONDS / 4));
const SHOPS = Number(process.env.BENCH_SHOPS_HTTP ?? 200);
const LONG_EVENTS = Number(process.env.BENCH_LONG_EVENTS ?? 100_000);
const LATENCY_SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);
const DIST = resolve(__dirname, '..');
const RESULTS_FILE = resolve(DIST, '..', 'bench', 'results', 'http.json');
const MARKETING_SCOPES = ['user.info.basic', 'ads.manage'];

const PAYOUTS = 'system:payouts';
const OWNER = 'member:m-owner';

let nextNumber = 0;
const unique = (prefix: string): string => `${prefix}-${++nextNumber}`;

function command(method: string, path: string, actor: string, body?: unknown, tag?: string): BenchRequest {
  return {
    method,
    path,
    headers: requestHeaders({ command: true, actor, json: body !== undefined }),
    body: body === undefined ? undefined : JSON.stringify(body),
    tag,
  };
}

function read(path: string, tag?: string): BenchRequest {
  return { method: 'GET', path, headers: requestHeaders(), tag };
}

const credit = (shopId: string, amount = 1_000): BenchRequest =>
  command('POST', `/v1/shops/${shopId}/credits`, PAYOUTS, { settlementId: unique('set'), orderId: unique('ord'), amount }, 'credit');

function profile(handle: string) {
  return {
    handle,
    kind: 'business',
    followers: 5000,
    ownerAge: 30,
    region: 'GB',
    ecommercePermissionRevoked: false,
    activeGuidelineRestriction: false,
    recentViolations: 0,
  };
}

/** One request at a time over a keep-alive agent: for set-up and latency probes, not load. */
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
function send(port: number, req: BenchRequest): Promise<{ status: number; body: any; ms: number }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers: req.headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () =>
        resolvePromise({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, ms: performance.now() - started }),
      );
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

async function expectOk(port: number, req: BenchRequest): Promise<any> {
  const answer = await send(port, req);
  if (answer.status >= 300) throw new Error(`${req.method} ${req.path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Registered, verified (bank account included), out of probation, with money to withdraw. */
async function verifiedShop(port: number, shopId: string): Promise<void> {
  await expectOk(
    port,
    command('POST', '/v1/shops', OWNER, {
      shopId,
      name: `Shop ${shopId}`,
      region: 'GB',
      currency: 'GBP',
      kind: 'business',
      ownerMemberId: 'm-owner',
    }),
  );
  await expectOk(port, command('POST', `/v1/shops/${shopId}/verification`, OWNER, { documents: ['doc:incorporation', 'doc:bank'] }));
  await expectOk(port, command('POST', `/v1/shops/${shopId}/verification/decision`, 'system:kyb', { outcome: 'verified' }));
  await expectOk(port, command('POST', `/v1/shops/${shopId}/graduation`, 'system:onboarding'));
  await expectOk(port, credit(shopId, 1_000_000_000));
}

async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

/**
 * The realistic mix, per connection: 35% credits, 15% withdrawals, 35% status reads, 15% links
 * (a link request for a new account, then on the same connection the owner's grant, which
 * claims the account on its own stream). Past a shop's 4 marketing accounts a request is
 * refused and recorded (AccountLinkRejected), as it would be.
 */
function mix(shops: readonly string[]) {
  const pendingGrant = new Map<number, { shopId: string; accountId: string }>();
  const next = (connection: number): BenchRequest => {
    const grant = pendingGrant.get(connection);
    if (grant) {
      pendingGrant.delete(connection);
      return command(
        'POST',
        `/v1/shops/${grant.shopId}/links/${grant.accountId}/authorization`,
        'system:oauth-relay',
        { decision: 'granted', grantedScopes: MARKETING_SCOPES },
        'link',
      );
    }
    const shopId = shops[Math.floor(Math.random() * shops.length)];
    const dice = Math.random();
    if (dice < 0.35) return credit(shopId);
    if (dice < 0.5)
      return command('POST', `/v1/shops/${shopId}/withdrawals`, OWNER, { withdrawalId: unique('wd'), amount: 1 }, 'withdrawal');
    if (dice < 0.85) return read(`/v1/shops/${shopId}`, 'status');
    const accountId = unique('acct');
    return {
      ...command(
        'POST',
        `/v1/shops/${shopId}/links`,
        OWNER,
        { accountId, role: 'marketing', profile: profile(accountId.replace('-', '_')), requestedScopes: MARKETING_SCOPES },
        'link-request',
      ),
      tag: `link-request:${connection}:${shopId}:${accountId}`,
    };
  };
  const onResponse = (req: BenchRequest, status: number, body: string): void => {
    if (!req.tag?.startsWith('link-request:') || status !== 200 || !body.includes('AccountLinkRequested')) return;
    const [, connection, shopId, accountId] = req.tag.split(':');
    pendingGrant.set(Number(connection), { shopId, accountId });
  };
  return { next, onResponse };
}

interface Figures {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  readonly statuses: Record<string, number>;
}
const figures = (r: LoadResult): Figures => ({
  perSecond: r.perSecond,
  p50Ms: r.p50Ms,
  p99Ms: r.p99Ms,
  requests: r.requests,
  statuses: r.statuses,
});

async function measureClosedLoop(server: ChildServer, next: (c: number) => BenchRequest): Promise<LoadResult> {
  await runLoad({ port: server.port, connections: CONNECTIONS, durationMs: WARMUP_SECONDS * 1000, next });
  return runLoad({ port: server.port, connections: CONNECTIONS, durationMs: SECONDS * 1000, next });
}

async function baselineEcho(): Promise<Figures> {
  const server = await startChildServer(join(DIST, 'bench/servers/nest-echo.server.js'), { port: 3190, readyPath: '/ready' });
  try {
    const body = JSON.stringify({ settlementId: 'set-1', orderId: 'ord-1', amount: 1000 });
    return figures(
      await measureClosedLoop(server, () => ({ method: 'POST', path: '/echo', headers: requestHeaders({ json: true }), body })),
    );
  } finally {
    await server.stop();
  }
}

async function baselineInsert(dir: string): Promise<Figures> {
  const server = await startChildServer(join(DIST, 'bench/servers/fastify-durable-insert.server.js'), {
    port: 3191,
    readyPath: '/ready',
    env: { BENCH_DATA_FILE: join(dir, 'baseline-insert.db') },
  });
  try {
    return figures(
      await measureClosedLoop(server, () => ({
        method: 'POST',
        path: '/insert',
        headers: requestHeaders({ json: true }),
        body: JSON.stringify({ settlementId: unique('set'), amount: 1000 }),
      })),
    );
  } finally {
    await server.stop();
  }
}

function startService(dataFile: string, port: number): Promise<ChildServer> {
  return startChildServer(join(DIST, 'apps/api/src/main.js'), {
    port,
    readyPath: '/health/ready',
    env: { SHOPLINK_DATA_FILE: dataFile, SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0', ...BENCH_SERVICE_ENV },
    // e.g. BENCH_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the service under load
    args: process.env.BENCH_SERVICE_NODE_ARGS?.split(' ').filter(Boolean),
  });
}

async function waitCaughtUp(port: number): Promise<void> {
  for (;;) {
    const { body } = await getJson(port, '/health/ready');
    if ((body as { projection?: { caughtUp?: boolean } }).projection?.caughtUp) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function serviceMixAndLag(dir: string) {
  const service = await startService(join(dir, 'service.db'), 3192);
  try {
    const shops = Array.from({ length: SHOPS }, (_, i) => `bench-${i}`);
    await inParallel(shops, 16, (shopId) => verifiedShop(service.port, shopId));
    await waitCaughtUp(service.port);

    const load = mix(shops);
    await runLoad({
      port: service.port,
      connections: CONNECTIONS,
      durationMs: WARMUP_SECONDS * 1000,
      next: load.next,
      onResponse: load.onResponse,
    });
    let commands = 0;
    const cpuBefore = cpuSecondsOf(service);
    const peak = await runLoad({
      port: service.port,
      connections: CONNECTIONS,
      durationMs: SECONDS * 1000,
      next: load.next,
      onResponse: (req, status, body) => {
        if (req.method === 'POST') commands++;
        load.onResponse(req, status, body);
      },
    });

    const cpuSeconds = cpuSecondsOf(service) - cpuBefore;

    // Projection lag at half the peak: for a sample of commands, the time from the command's
    // answer to the answer of a status read that waits for its position (an upper bound: it
    // includes that read's own round trip).
    await waitCaughtUp(service.port);
    const lags: number[] = [];
    let sampled = 0;
    const probes: Promise<void>[] = [];
    const lagLoad = mix(shops);
    const atHalf = await runLoad({
      port: service.port,
      connections: CONNECTIONS,
      durationMs: SECONDS * 1000,
      ratePerSecond: Math.max(1, Math.round(peak.perSecond / 2)),
      next: lagLoad.next,
      onResponse: (req, status, body, answeredAt) => {
        lagLoad.onResponse(req, status, body);
        if (req.method !== 'POST' || status !== 200 || sampled++ % 4 !== 0) return;
        const { streamId, position } = JSON.parse(body) as { streamId: string; position: string };
        const shopId = streamId.slice('shop-'.length);
        probes.push(
          send(service.port, read(`/v1/shops/${shopId}?minPosition=${position}`)).then((answer) => {
            if (answer.status === 200) lags.push(performance.now() - answeredAt);
          }),
        );
      },
    });
    await Promise.all(probes);
    lags.sort((a, b) => a - b);
    return {
      readyMs: service.readyMs,
      // CPU the service used per request of the peak run (user + system): steadier than req/s when other work shares the cores.
      peak: {
        ...figures(peak),
        commandsPerSecond: Math.round(commands / peak.seconds),
        serviceCpuUsPerRequest: Math.round((cpuSeconds * 1e6) / peak.requests),
      },
      lag: {
        ratePerSecond: atHalf.perSecond,
        samples: lags.length,
        p50Ms: round2(percentile(lags, 0.5)),
        p99Ms: round2(percentile(lags, 0.99)),
        commandP99Ms: atHalf.p99Ms,
      },
      peakRssMiB: service.peakRssMiB(),
    };
  } finally {
    await service.stop();
  }
}

async function longShop(dir: string) {
  const file = join(dir, 'long-shop.db');
  // A shop with 100,000 events of a realistic life (bench/support/shop-event-log.ts), appended through the port (not timed).
  const writer = new HashChainingEventStore(new SqliteEventStore(file));
  await buildShopEventLog(writer, { events: LONG_EVENTS, shops: 1, eventsPerAppend: 1_000 });
  await writer.close();
  const longShopId = 'brand-000000';

  const measure = async (service: ChildServer) => {
    await waitCaughtUp(service.port);
    const cold = (await send(service.port, credit(longShopId))).ms;
    await verifiedShop(service.port, `new-${randomUUID().slice(0, 8)}`);
    const newShopId = `new-${randomUUID().slice(0, 8)}`;
    await verifiedShop(service.port, newShopId);
    const long: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < LATENCY_SAMPLES; i++) {
      // Alternating, one at a time, so both see the same machine.
      const a = await send(service.port, credit(longShopId));
      const b = await send(service.port, credit(newShopId));
      if (a.status !== 200 || b.status !== 200) throw new Error(`credit answered ${a.status} / ${b.status}`);
      long.push(a.ms);
      fresh.push(b.ms);
    }
    long.sort((x, y) => x - y);
    fresh.sort((x, y) => x - y);
    return {
      firstCommandMs: round2(cold),
      longP50Ms: round2(percentile(long, 0.5)),
      longP99Ms: round2(percentile(long, 0.99)),
      newP50Ms: round2(percentile(fresh, 0.5)),
      newP99Ms: round2(percentile(fresh, 0.99)),
      readyMs: service.readyMs,
    };
  };

  // First start: no snapshot yet, so the first command folds the whole stream once.
  let service = await startService(file, 3193);
  let first;
  try {
    first = await measure(service);
  } finally {
    await service.stop();
  }
  // Restart: the state now comes from the snapshot stored beside the stream.
  service = await startService(file, 3194);
  let restarted;
  try {
    restarted = await measure(service);
  } finally {
    await service.stop();
  }
  return { events: LONG_EVENTS, samples: LATENCY_SAMPLES, first, restarted };
}

async function main(): Promise<void> {
  await prepareBenchAuthorization();
  const dir = mkdtempSync(join(tmpdir(), 'http-bench-'));
  try {
    console.log(`HTTP benchmarks: ${CONNECTIONS} connections, ${SECONDS} s each after ${WARMUP_SECONDS} s of warm-up`);
    if (process.env.BENCH_ONLY === 'service') {
      console.log(JSON.stringify(await serviceMixAndLag(dir)));
      return;
    }
    const echo = await baselineEcho();
    console.log(`  (a) NestJS-on-Fastify echo: ${echo.perSecond} req/s, p50 ${echo.p50Ms} ms, p99 ${echo.p99Ms} ms`);
    const insert = await baselineInsert(dir);
    console.log(
      `  (b) Fastify + one durable insert per request: ${insert.perSecond} req/s, p50 ${insert.p50Ms} ms, p99 ${insert.p99Ms} ms`,
    );
    const service = await serviceMixAndLag(dir);
    console.log(
      `  service, mix: ${service.peak.perSecond} req/s (${service.peak.commandsPerSecond} commands/s), p50 ${service.peak.p50Ms} ms, p99 ${service.peak.p99Ms} ms, ${service.peak.serviceCpuUsPerRequest} µs of service CPU per request; statuses ${JSON.stringify(service.peak.statuses)}`,
    );
    console.log(
      `  projection lag at ${service.lag.ratePerSecond} req/s: p50 ${service.lag.p50Ms} ms, p99 ${service.lag.p99Ms} ms (${service.lag.samples} samples)`,
    );
    console.log(`  ready in ${service.readyMs} ms; peak RSS ${service.peakRssMiB} MiB`);
    const long = await longShop(dir);
    console.log(`  ${LONG_EVENTS.toLocaleString('en')}-event shop: ${JSON.stringify(long)}`);

    const report = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      connections: CONNECTIONS,
      seconds: SECONDS,
      baselineEcho: echo,
      baselineDurableInsert: insert,
      service,
      longShop: long,
    };
    mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten to ${RESULTS_FILE}`);
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
