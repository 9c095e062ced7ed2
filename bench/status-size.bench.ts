/**
 * The status read of a shop with a long past of links, over HTTP against the built service:
 *  - GET /v1/shops/:shopId p50 of a shop with BENCH_LINK_CYCLES (2,000) link-and-unlink cycles
 *    against a new shop's, one request at a time, alternating (target ≤ 2×);
 *  - other shops' status-read p99 (200/s) while that shop is read (100/s) and written (50 credits/s)
 *    against their p99 when it is quiet (target ≤ 2×), and, for reference, while a new shop takes the
 *    same load (what reads and commands cost them whatever the shop's past). The phases repeat
 *    BENCH_STATUS_ROUNDS (3) times, alternating, so all see the same machine.
 * The long shop's events are appended through the port before the service starts (hash-chained,
 * not timed); the service projects them on start, as after an upgrade.
 *
 *   npm run bench:status     BENCH_LINK_CYCLES (2000), BENCH_LATENCY_SAMPLES (300), BENCH_SECONDS (10)
 *   BENCH_SERVICE_DIST=<dist>  measure another build's service (an earlier commit's, for a before-and-after)
 */
import { HashChainingEventStore } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, Agent } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getJson, startChildServer } from './support/child-server';
import { BENCH_SERVICE_ENV, prepareBenchAuthorization, requestHeaders } from './support/command-headers';
import { BenchRequest, percentile, runLoad } from './support/http-load';
import { appendLinkCycles } from './support/link-cycles-log';

const CYCLES = Number(process.env.BENCH_LINK_CYCLES ?? 2_000);
const SAMPLES = Number(process.env.BENCH_LATENCY_SAMPLES ?? 300);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_STATUS_ROUNDS ?? 3);
const OTHER_SHOPS = 16;
const OTHER_CONNECTIONS = 4;
/**
 * Paced, not closed-loop: at full speed every added request queues behind the others on two
 * cores, whatever the long shop's size. Paced, the p99 of the neighbours' reads shows what a
 * request costs them when it lands behind the long shop's reads and its projector commits.
 */
const OTHER_RATE = Number(process.env.BENCH_OTHER_RATE ?? 200);
const BIG_READ_RATE = Number(process.env.BENCH_BIG_READ_RATE ?? 100);
const BIG_WRITE_RATE = Number(process.env.BENCH_BIG_WRITE_RATE ?? 50);
const DIST = resolve(__dirname, '..');
/** The service to measure: this build, or another one's dist/ (e.g. an earlier commit's, for a before-and-after). */
const SERVICE_DIST = process.env.BENCH_SERVICE_DIST ?? DIST;
const RESULTS_FILE = resolve(DIST, '..', 'bench', 'results', 'status-size.json');
const STATUS_SIZE_TARGET = 2;

const BIG = 'big-past';
const NEW = 'new-shop';
const others = Array.from({ length: OTHER_SHOPS }, (_, i) => `other-${i}`);

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
function send(port: number, req: BenchRequest): Promise<{ status: number; body: string; ms: number }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const r = httpRequest({ host: '127.0.0.1', port, method: req.method, path: req.path, headers: req.headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode ?? 0, body: text, ms: performance.now() - started }));
    });
    r.on('error', reject);
    r.end(req.body);
  });
}

const statusRead = (shopId: string): BenchRequest => ({
  method: 'GET',
  path: `/v1/shops/${shopId}`,
  headers: requestHeaders(),
  tag: shopId,
});
let settlement = 0;
const credit = (shopId: string): BenchRequest => ({
  method: 'POST',
  path: `/v1/shops/${shopId}/credits`,
  headers: requestHeaders({ command: true, actor: 'system:payouts', json: true }),
  body: JSON.stringify({ settlementId: `set-${++settlement}`, orderId: `ord-${settlement}`, amount: 1_000 }),
});

async function waitCaughtUp(port: number): Promise<void> {
  for (;;) {
    const { body } = await getJson(port, '/health/ready');
    if ((body as { projection?: { caughtUp?: boolean } }).projection?.caughtUp) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const verdict = (ratio: number): string => (ratio <= STATUS_SIZE_TARGET ? 'met' : 'missed');
const round2 = (value: number): number => Math.round(value * 100) / 100;

async function main(): Promise<void> {
  await prepareBenchAuthorization();
  const dir = mkdtempSync(join(tmpdir(), 'status-size-bench-'));
  const file = join(dir, 'status-size.db');
  try {
    const writer = new HashChainingEventStore(new SqliteEventStore(file));
    const bigEvents = await appendLinkCycles(writer, BIG, CYCLES);
    await appendLinkCycles(writer, NEW, 0);
    for (const shopId of others) await appendLinkCycles(writer, shopId, 3);
    await writer.close();

    const projectStarted = performance.now();
    const service = await startChildServer(join(SERVICE_DIST, 'apps/api/src/main.js'), {
      port: 3195,
      readyPath: '/health/ready',
      env: { SHOPLINK_DATA_FILE: file, SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0', ...BENCH_SERVICE_ENV },
    });
    try {
      await waitCaughtUp(service.port);
      const projectSeconds = (performance.now() - projectStarted) / 1000;
      const bigAnswer = await send(service.port, statusRead(BIG));
      const newAnswer = await send(service.port, statusRead(NEW));
      if (bigAnswer.status !== 200 || newAnswer.status !== 200)
        throw new Error(`status answered ${bigAnswer.status} / ${newAnswer.status}`);
      console.log(
        `  ${BIG}: ${bigEvents.toLocaleString('en')} events (${CYCLES.toLocaleString('en')} cycles), status answer ${Buffer.byteLength(bigAnswer.body).toLocaleString('en')} bytes; new shop's ${Buffer.byteLength(newAnswer.body).toLocaleString('en')}; projected on start in ${projectSeconds.toFixed(1)} s`,
      );

      // 1. The long shop's status read against a new shop's, one at a time, alternating.
      const big: number[] = [];
      const fresh: number[] = [];
      for (let i = 0; i < SAMPLES + 30; i++) {
        const a = await send(service.port, statusRead(BIG));
        const b = await send(service.port, statusRead(NEW));
        if (a.status !== 200 || b.status !== 200) throw new Error(`status answered ${a.status} / ${b.status}`);
        if (i < 30) continue; // warm-up
        big.push(a.ms);
        fresh.push(b.ms);
      }
      big.sort((x, y) => x - y);
      fresh.sort((x, y) => x - y);
      const read = {
        samples: SAMPLES,
        bigP50Ms: round2(percentile(big, 0.5)),
        bigP99Ms: round2(percentile(big, 0.99)),
        newP50Ms: round2(percentile(fresh, 0.5)),
        newP99Ms: round2(percentile(fresh, 0.99)),
        ratio: round2(percentile(big, 0.5) / percentile(fresh, 0.5)),
      };
      console.log(
        `  status read p50 (p99): ${CYCLES}-cycle shop ${read.bigP50Ms} ms (${read.bigP99Ms}), new shop ${read.newP50Ms} ms (${read.newP99Ms}): ${read.ratio}× (target ≤ ${STATUS_SIZE_TARGET}×: ${verdict(read.ratio)})`,
      );

      // 2. Other shops' status reads, quiet then while the long shop is read and written; alternated.
      let next = 0;
      const otherRead = () => statusRead(others[next++ % others.length]);
      const quiet: number[] = [];
      const busy: number[] = [];
      const busyNew: number[] = [];
      const rounds: { quietP99Ms: number; busyP99Ms: number; busyNewShopP99Ms: number; bigWrites: number; bigReads: number }[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const neighbourLoad = { port: service.port, connections: OTHER_CONNECTIONS, durationMs: SECONDS * 1000, ratePerSecond: OTHER_RATE };
        const calm = await runLoad({ ...neighbourLoad, next: otherRead });
        /** The neighbours' reads while `shopId` is read and credited at the same paced rates. */
        const whileBusy = async (shopId: string) => {
          let done = false;
          const [neighbours, reads, writes] = await Promise.all([
            runLoad({ ...neighbourLoad, next: otherRead }).finally(() => (done = true)),
            runLoad({ ...neighbourLoad, connections: 2, ratePerSecond: BIG_READ_RATE, stop: () => done, next: () => statusRead(shopId) }),
            runLoad({ ...neighbourLoad, connections: 2, ratePerSecond: BIG_WRITE_RATE, stop: () => done, next: () => credit(shopId) }),
          ]);
          for (const load of [neighbours, reads, writes])
            if (Object.keys(load.statuses).some((s) => !s.startsWith('2'))) throw new Error(`answered ${JSON.stringify(load.statuses)}`);
          return { neighbours, reads, writes };
        };
        // The same load on a new shop, as a reference: what reads and commands cost the neighbours whatever the shop's past.
        const onNewFirst = round % 2 === 1;
        const reference = onNewFirst ? await whileBusy(NEW) : null;
        const onBig = await whileBusy(BIG);
        const onNew = reference ?? (await whileBusy(NEW));
        const during = onBig.neighbours;
        if (Object.keys(calm.statuses).some((s) => !s.startsWith('2'))) throw new Error(`answered ${JSON.stringify(calm.statuses)}`);
        quiet.push(...calm.latenciesMs);
        busy.push(...during.latenciesMs);
        busyNew.push(...onNew.neighbours.latenciesMs);
        rounds.push({
          quietP99Ms: calm.p99Ms,
          busyP99Ms: during.p99Ms,
          busyNewShopP99Ms: onNew.neighbours.p99Ms,
          bigReads: onBig.reads.requests,
          bigWrites: onBig.writes.requests,
        });
        console.log(
          `  round ${round + 1}: others' p99 quiet ${calm.p99Ms} ms, while the long shop is read and written ${during.p99Ms} ms (its reads p99 ${onBig.reads.p99Ms} ms, credits p99 ${onBig.writes.p99Ms} ms), the same on a new shop ${onNew.neighbours.p99Ms} ms`,
        );
      }
      quiet.sort((x, y) => x - y);
      busy.sort((x, y) => x - y);
      busyNew.sort((x, y) => x - y);
      const neighbours = {
        connections: OTHER_CONNECTIONS,
        ratesPerSecond: { others: OTHER_RATE, bigReads: BIG_READ_RATE, bigCredits: BIG_WRITE_RATE },
        seconds: SECONDS,
        rounds,
        quietP50Ms: round2(percentile(quiet, 0.5)),
        quietP99Ms: round2(percentile(quiet, 0.99)),
        busyP50Ms: round2(percentile(busy, 0.5)),
        busyP99Ms: round2(percentile(busy, 0.99)),
        busyNewShopP99Ms: round2(percentile(busyNew, 0.99)),
        ratio: round2(percentile(busy, 0.99) / percentile(quiet, 0.99)),
      };
      console.log(
        `  others' status-read p99: quiet ${neighbours.quietP99Ms} ms, busy ${neighbours.busyP99Ms} ms: ${neighbours.ratio}× (target ≤ ${STATUS_SIZE_TARGET}×: ${verdict(neighbours.ratio)}); the same load on a new shop ${neighbours.busyNewShopP99Ms} ms`,
      );

      const report = {
        measuredAt: new Date().toISOString(),
        node: process.version,
        cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
        loadAverage: loadavg().map((l) => round2(l)),
        cycles: CYCLES,
        events: bigEvents,
        statusBytes: { big: Buffer.byteLength(bigAnswer.body), new: Buffer.byteLength(newAnswer.body) },
        read,
        neighbours,
        target: STATUS_SIZE_TARGET,
        met: read.ratio <= STATUS_SIZE_TARGET && neighbours.ratio <= STATUS_SIZE_TARGET,
      };
      mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
      writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`  load average ${report.loadAverage.join(', ')}\n\nwritten to ${RESULTS_FILE}`);
    } finally {
      await service.stop();
    }
  } finally {
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
