/**
 * A flood of requests without a valid token against a legitimate service's latency: status reads
 * with a valid token at a steady rate, first in calm (the baseline), then during a flood of
 * BENCH_FLOOD_REQUESTS requests without a valid token from the same address (the legitimate service
 * sits behind the attacker's NAT, the hard case), sent as fast as they are answered over 64
 * keep-alive connections by a process of its own. Four set-ups, each measured against its own calm:
 *  - throttled: the service with its defaults (100 requests without a valid token per 10 s per
 *    address; after each refusal beyond, its connection reads nothing for 50–150 ms);
 *  - at once: the same budget, connections not slowed after a refusal (SHOPLINK_UNAUTHENTICATED_DELAY_MS=0);
 *  - unthrottled: a budget no flood spends, every flood request checked and answered 401, as the
 *    service answered before the throttle;
 *  - floor: the flood sent to a bare node:http server beside the service, the reads still to the
 *    service: what the flood costs the machine (sender, loopback, kernel) apart from the service.
 * Rounds go through the four in turn, after a warm-up round (a quarter of the flood) that is not
 * counted; the latencies of the measured rounds are pooled per set-up and phase.
 *
 * Each calm phase lasts as long as the set-up's last flood did (BENCH_FLOOD_CALM_SECONDS at least).
 *
 *   npm run bench:flood       BENCH_FLOOD_REQUESTS (20000), BENCH_FLOOD_ROUNDS (3), BENCH_FLOOD_CALM_SECONDS (5)
 */
import { ChildProcess, fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChildServer, cpuSecondsOf, startChildServer } from './support/child-server';
import { BENCH_SERVICE_ENV, prepareBenchAuthorization, requestHeaders } from './support/command-headers';
import type { FloodReport } from './support/flood-client';
import { LoadResult, percentile, runLoad } from './support/http-load';

const FLOOD_REQUESTS = Number(process.env.BENCH_FLOOD_REQUESTS ?? 20_000);
const FLOOD_CONNECTIONS = 64;
const ROUNDS = Number(process.env.BENCH_FLOOD_ROUNDS ?? 3);
const CALM_SECONDS = Number(process.env.BENCH_FLOOD_CALM_SECONDS ?? 5);
const LEGIT_RATE = 200;
const LEGIT_CONNECTIONS = 16;
const SHOPS = 20;
/** The service's defaults (SHOPLINK_UNAUTHENTICATED_LIMIT, _WINDOW_MS, _DELAY_MS), which this measures. */
const BUDGET = { limit: 100, windowMs: 10_000, delayMs: 100 };
const TARGET_RATIO = 2;
const DIST = resolve(__dirname, '..');
const RESULTS_FILE = resolve(DIST, '..', 'bench', 'results', 'flood.json');
const OWNER = 'member:m-owner';

type SetUp = 'throttled' | 'atOnce' | 'unthrottled' | 'floor';

interface Subject {
  readonly name: SetUp;
  /** Where the legitimate reads go. */
  readonly service: ChildServer;
  /** Where the flood goes: the same service, or (the floor) a bare server beside it. */
  readonly floodTarget: ChildServer;
  /** Whether its floods must each start in a fresh window of the budget. */
  readonly budgeted: boolean;
  readonly rounds: Round[];
  lastFloodEndedAt: number;
  lastFlood?: FloodReport;
}

interface Latencies {
  readonly requests: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly statuses: Record<string, number>;
}

interface Round {
  readonly calm: Latencies;
  readonly during: Latencies;
  readonly flood: FloodReport & { readonly windows: number; readonly cpuUsPerFloodRequest: number };
  readonly loadAverage: number;
  readonly calmLatencies: readonly number[];
  readonly duringLatencies: readonly number[];
}

const shops = Array.from({ length: SHOPS }, (_, i) => `flood-${i}`);

function startService(dataFile: string, port: number, env: Record<string, string> = {}): Promise<ChildServer> {
  return startChildServer(join(DIST, 'apps/api/src/main.js'), {
    port,
    readyPath: '/health/ready',
    env: { SHOPLINK_DATA_FILE: dataFile, SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0', ...BENCH_SERVICE_ENV, ...env },
  });
}

async function registerShops(port: number): Promise<void> {
  for (const shopId of shops) {
    const answer = await fetch(`http://127.0.0.1:${port}/v1/shops`, {
      method: 'POST',
      headers: requestHeaders({ command: true, actor: OWNER, json: true }),
      body: JSON.stringify({ shopId, name: `Shop ${shopId}`, region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-owner' }),
    });
    if (answer.status !== 201) throw new Error(`registering ${shopId} answered ${answer.status}: ${await answer.text()}`);
  }
}

/** The legitimate service: status reads with its (already verified) token, LEGIT_RATE a second. */
function legitimateReads(port: number, options: { durationMs: number; stop?: () => boolean }): Promise<LoadResult> {
  return runLoad({
    port,
    connections: LEGIT_CONNECTIONS,
    ratePerSecond: LEGIT_RATE,
    durationMs: options.durationMs,
    stop: options.stop,
    next: () => ({ method: 'GET', path: `/v1/shops/${shops[Math.floor(Math.random() * shops.length)]}`, headers: requestHeaders() }),
  });
}

function latencies(result: LoadResult): Latencies {
  return { requests: result.requests, p50Ms: result.p50Ms, p99Ms: result.p99Ms, statuses: result.statuses };
}

function pooled(samples: readonly (readonly number[])[]): { requests: number; p50Ms: number; p99Ms: number } {
  const all = samples.flat().sort((a, b) => a - b);
  return { requests: all.length, p50Ms: round2(percentile(all, 0.5)), p99Ms: round2(percentile(all, 0.99)) };
}

/** The attacker's process, its token signed, waiting for the word. */
async function readyFlood(port: number, requests: number): Promise<{ child: ChildProcess; report: Promise<FloodReport> }> {
  const child = fork(join(__dirname, 'support', 'flood-client.js'), [
    String(port),
    String(requests),
    String(FLOOD_CONNECTIONS),
    `/v1/shops/${shops[0]}`,
  ]);
  let reported!: (report: FloodReport) => void;
  let failed!: (error: Error) => void;
  const report = new Promise<FloodReport>((resolvePromise, reject) => ((reported = resolvePromise), (failed = reject)));
  await new Promise<void>((ready, reject) => {
    child.on('message', (message: { ready?: boolean } | FloodReport) => ('ready' in message ? ready() : reported(message as FloodReport)));
    child.once('exit', (code) => {
      const error = new Error(`the flood client exited with ${code} before it reported`);
      reject(error);
      // A report sent just before a clean exit may still be on its way through the channel.
      setTimeout(() => failed(error), code === 0 ? 1_000 : 0);
    });
  });
  return { child, report };
}

async function measureRound(subject: Subject, floodRequests: number): Promise<Round> {
  const { service, floodTarget } = subject;
  let cpu = cpuSecondsOf(service);
  // As long as the flood is expected to last (from this set-up's last one), so that both phases get the same chance of a
  // rare slow answer: a p99 over 30 s sees more of the machine's other work than one over 5 s.
  const expectedFloodMs = subject.lastFlood ? (subject.lastFlood.seconds * 1000 * floodRequests) / subject.lastFlood.requests : 0;
  const calm = await legitimateReads(service.port, { durationMs: Math.max(CALM_SECONDS * 1000, expectedFloodMs) });
  const calmCpuPerSecond = (cpuSecondsOf(service) - cpu) / calm.seconds;

  if (subject.budgeted) {
    const wait = subject.lastFloodEndedAt + BUDGET.windowMs + 500 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
  const flood = await readyFlood(floodTarget.port, floodRequests);
  let flooding = true;
  void flood.report.finally(() => (flooding = false)).catch(() => undefined);
  cpu = cpuSecondsOf(floodTarget);
  flood.child.send('go');
  const during = await legitimateReads(service.port, { durationMs: 600_000, stop: () => !flooding });
  const report = await flood.report;
  // The flood's last window started before it ended, so it is over a window after the end.
  subject.lastFloodEndedAt = Date.now();
  subject.lastFlood = report;
  // The CPU of whoever answered the flood; when that is the service, less what the reads cost it in calm.
  const floodCpu = cpuSecondsOf(floodTarget) - cpu - (floodTarget === service ? calmCpuPerSecond * during.seconds : 0);
  return {
    calm: latencies(calm),
    during: latencies(during),
    flood: {
      ...report,
      // Windows of the budget the flood lasted through: each lets up to `limit` requests through to the guard.
      windows: Math.ceil((report.seconds * 1000) / BUDGET.windowMs),
      cpuUsPerFloodRequest: Math.round((floodCpu * 1e6) / report.requests),
    },
    loadAverage: loadavg()[0],
    calmLatencies: calm.latenciesMs,
    duringLatencies: during.latenciesMs,
  };
}

function summary(subject: Subject) {
  const calm = pooled(subject.rounds.map((r) => r.calmLatencies));
  const during = pooled(subject.rounds.map((r) => r.duringLatencies));
  const floods = subject.rounds.map((r) => r.flood);
  return {
    calm,
    during,
    p99Ratio: round2(during.p99Ms / calm.p99Ms),
    flood401: floods.map((f) => f.statuses['401'] ?? 0),
    flood429: floods.map((f) => f.statuses['429'] ?? 0),
    floodSeconds: floods.map((f) => round2(f.seconds)),
    floodPerSecond: floods.map((f) => f.perSecond),
    cpuUsPerFloodRequest: floods.map((f) => f.cpuUsPerFloodRequest),
    // Past the budget of each window, every flood request is refused before any token work (up to the
    // connections' requests already in flight when the budget ran out).
    refusedAfterBudget: floods.every(
      (f) =>
        (f.statuses['401'] ?? 0) + (f.statuses['429'] ?? 0) === f.requests &&
        (f.statuses['401'] ?? 0) <= (BUDGET.limit + FLOOD_CONNECTIONS) * f.windows,
    ),
    rounds: subject.rounds.map(({ calmLatencies: _c, duringLatencies: _d, ...round }) => ({
      ...round,
      p99Ratio: round2(round.during.p99Ms / round.calm.p99Ms),
    })),
  };
}

async function main(): Promise<void> {
  await prepareBenchAuthorization();
  const dir = mkdtempSync(join(tmpdir(), 'flood-bench-'));
  const loadAtStart = loadavg();
  const servers: ChildServer[] = [];
  try {
    console.log(
      `Flood benchmark: ${FLOOD_REQUESTS.toLocaleString('en')} requests without a valid token over ${FLOOD_CONNECTIONS} connections, ` +
        `against status reads at ${LEGIT_RATE}/s over ${LEGIT_CONNECTIONS} connections from the same address; ${ROUNDS} rounds after a warm-up; ` +
        `load average at start ${loadAtStart.map((l) => l.toFixed(2)).join(' / ')}`,
    );
    const start = async (make: () => Promise<ChildServer>): Promise<ChildServer> => {
      const server = await make();
      servers.push(server);
      return server;
    };
    const throttled = await start(() => startService(join(dir, 'throttled.db'), 3195));
    const atOnce = await start(() => startService(join(dir, 'at-once.db'), 3196, { SHOPLINK_UNAUTHENTICATED_DELAY_MS: '0' }));
    const unthrottled = await start(() => startService(join(dir, 'unthrottled.db'), 3197, { SHOPLINK_UNAUTHENTICATED_LIMIT: '10000000' }));
    const refuseAll = await start(() =>
      startChildServer(join(DIST, 'bench/servers/refuse-all.server.js'), { port: 3198, readyPath: '/ready' }),
    );
    for (const service of [throttled, atOnce, unthrottled]) await registerShops(service.port);
    const subject = (name: SetUp, service: ChildServer, floodTarget: ChildServer, budgeted: boolean): Subject => ({
      name,
      service,
      floodTarget,
      budgeted,
      rounds: [],
      lastFloodEndedAt: 0,
    });
    const subjects = [
      subject('throttled', throttled, throttled, true),
      subject('atOnce', atOnce, atOnce, true),
      subject('unthrottled', unthrottled, unthrottled, false),
      subject('floor', throttled, refuseAll, false),
    ];

    for (let round = 0; round <= ROUNDS; round += 1) {
      for (const s of subjects) {
        const measured = await measureRound(s, round === 0 ? Math.ceil(FLOOD_REQUESTS / 4) : FLOOD_REQUESTS);
        if (round > 0) s.rounds.push(measured);
        console.log(
          `  ${round === 0 ? 'warm-up' : `round ${round}`}, ${s.name}: legit p50/p99 calm ${measured.calm.p50Ms} / ${measured.calm.p99Ms} ms ` +
            `(${measured.calm.requests}), during ${measured.during.p50Ms} / ${measured.during.p99Ms} ms (${measured.during.requests}); ` +
            `flood ${JSON.stringify(measured.flood.statuses)} in ${measured.flood.seconds.toFixed(1)} s (${measured.flood.perSecond}/s), ` +
            `~${measured.flood.cpuUsPerFloodRequest} µs of CPU each where it was answered; legit statuses ${JSON.stringify(measured.during.statuses)}; ` +
            `load ${measured.loadAverage.toFixed(2)}`,
        );
      }
    }

    const [t, a, u, f] = subjects.map(summary);
    const loadAtEnd = loadavg();
    const report = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      loadAverage: { start: loadAtStart.map(round2), end: loadAtEnd.map(round2) },
      floodRequests: FLOOD_REQUESTS,
      floodConnections: FLOOD_CONNECTIONS,
      legitRatePerSecond: LEGIT_RATE,
      legitConnections: LEGIT_CONNECTIONS,
      calmSeconds: CALM_SECONDS,
      rounds: ROUNDS,
      budget: BUDGET,
      targetRatio: TARGET_RATIO,
      met: t.p99Ratio <= TARGET_RATIO && t.refusedAfterBudget,
      throttled: t,
      atOnce: a,
      unthrottled: u,
      floor: f,
    };
    const line = (label: string, s: ReturnType<typeof summary>) =>
      console.log(
        `  ${label}: legit p99 ${s.calm.p99Ms} ms calm → ${s.during.p99Ms} ms during the flood, ${s.p99Ratio}×; ` +
          `flood answered 401 ${s.flood401.join(' / ')}, 429 ${s.flood429.join(' / ')} in ${s.floodSeconds.join(' / ')} s`,
      );
    console.log('');
    line(`throttled (the defaults; target ≤ ${TARGET_RATIO}×)`, t);
    line('429, connection not slowed', a);
    line('unthrottled (as before the throttle)', u);
    line('floor (the flood at a bare server beside the service)', f);
    console.log(`  load average at end ${loadAtEnd.map((l) => l.toFixed(2)).join(' / ')}`);
    mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten to ${RESULTS_FILE}`);
  } finally {
    for (const server of servers) await server.stop();
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
