/**
 * `npm run bench`: every benchmark, one after another (each in its own process, so none
 * inherits another's heap or JIT state), then one table of every figure beside its baseline
 * from the same run, with the targets, written to bench/results.json as well.
 *
 *   npm run bench                 the full sizes (rebuild of 1,000,000 events)
 *   BENCH_QUICK=1 npm run bench   smaller sizes, for a quick look (not for docs/benchmarks.md)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';

const DIST_BENCH = __dirname;
const RESULTS_DIR = resolve(DIST_BENCH, '..', '..', 'bench', 'results');
const SUMMARY_FILE = resolve(DIST_BENCH, '..', '..', 'bench', 'results.json');
const QUICK = process.env.BENCH_QUICK === '1';
const QUICK_SIZES: Record<string, string> = {
  BENCH_SINGLE: '2000',
  BENCH_BATCHED: '20000',
  BENCH_CONCURRENT: '30000',
  BENCH_SECONDS: '4',
  BENCH_LONG_EVENTS: '20000',
  BENCH_LATENCY_SAMPLES: '100',
  BENCH_EVENTS: '100000',
  BENCH_SHOPS: '500',
  BENCH_FLOOD_ROUNDS: '1',
};

function run(script: string): void {
  console.log(`\n=== ${script} ===`);
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(DIST_BENCH, script)], {
    stdio: 'inherit',
    env: { ...(QUICK ? QUICK_SIZES : {}), ...process.env },
  });
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status})`);
  console.log(`(${script}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
}

const readResults = (name: string): any => JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), 'utf8'));

interface Row {
  readonly figure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
  readonly met: boolean;
}

function main(): void {
  const started = Date.now();
  run('append.bench.js');
  run('http.bench.js');
  run('flood.bench.js');
  run('rebuild.bench.js');
  run('tamper-evidence.bench.js');
  run('status-size.bench.js');

  const append = readResults('append');
  const http = readResults('http');
  const rebuild = readResults('rebuild');
  const flood = readResults('flood');
  const tamper = readResults('tamper-evidence');
  const statusSize = readResults('status-size');
  const concurrent = append.figures.find((f: any) => f.concurrent);
  const concurrentRaw = append.figures[append.figures.indexOf(concurrent) + 1];
  const { baselineEcho: echo, baselineDurableInsert: insert, service, longShop } = http;
  const mixRate = service.peak.perSecond;
  const longRatio = longShop.first.longP50Ms / longShop.first.newP50Ms;
  const f = (n: number, digits = 0) => n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });

  const rows: Row[] = [
    {
      figure: `HTTP mix req/s, 64 conn. (${f(service.peak.commandsPerSecond)} of them commands/s)`,
      value: f(mixRate),
      baseline: `(b) durable insert/request ${f(insert.perSecond)}`,
      ratio: `${f(mixRate / insert.perSecond, 2)}×`,
      target: '≥ 3×',
      met: mixRate >= 3 * insert.perSecond,
    },
    {
      figure: 'HTTP mix req/s, 64 conn.',
      value: f(mixRate),
      baseline: `(a) NestJS echo ${f(echo.perSecond)}`,
      ratio: `${f(mixRate / echo.perSecond, 2)}×`,
      target: '≥ 0.3×',
      met: mixRate >= 0.3 * echo.perSecond,
    },
    {
      figure: 'HTTP mix latency p50 / p99',
      value: `${f(service.peak.p50Ms, 1)} / ${f(service.peak.p99Ms, 1)} ms`,
      baseline: `(a) ${f(echo.p50Ms, 1)} / ${f(echo.p99Ms, 1)}; (b) ${f(insert.p50Ms, 1)} / ${f(insert.p99Ms, 1)} ms`,
      ratio: '',
      target: 'p99 ≤ 25 ms',
      met: service.peak.p99Ms <= 25,
    },
    {
      figure: `appends/s, ${append.streams} concurrent writers, 1 event each`,
      value: f(concurrent.eventsPerSecond),
      baseline: `raw batched inserts ${f(concurrentRaw.eventsPerSecond)}`,
      ratio: `${f(concurrent.portOverRaw, 2)}×`,
      target: '≥ 0.8×',
      met: concurrent.portOverRaw >= 0.8,
    },
    {
      figure: `projection lag p50 / p99 at ${f(service.lag.ratePerSecond)} req/s (half peak)`,
      value: `${f(service.lag.p50Ms, 1)} / ${f(service.lag.p99Ms, 1)} ms`,
      baseline: '',
      ratio: '',
      target: 'p99 ≤ 100 ms',
      met: service.lag.p99Ms <= 100,
    },
    {
      figure: `command p50 on a ${f(longShop.events)}-event shop (p99)`,
      value: `${f(longShop.first.longP50Ms, 2)} ms (${f(longShop.first.longP99Ms, 1)})`,
      baseline: `new shop ${f(longShop.first.newP50Ms, 2)} ms (${f(longShop.first.newP99Ms, 1)})`,
      ratio: `${f(longRatio, 2)}×`,
      target: '≤ 1.5×',
      met: longRatio <= 1.5,
    },
    {
      figure: 'first command on it: no snapshot / from snapshot',
      value: `${f(longShop.first.firstCommandMs, 0)} / ${f(longShop.restarted.firstCommandMs, 0)} ms`,
      baseline: '',
      ratio: '',
      target: '(reported)',
      met: true,
    },
    {
      figure: 'service peak resident memory',
      value: `${service.peakRssMiB} MiB`,
      baseline: '',
      ratio: '',
      target: '≤ 300 MB',
      met: service.peakRssMiB <= 300,
    },
    {
      figure: 'service start to ready (fresh file / 100k-event file)',
      value: `${f(service.readyMs)} / ${f(longShop.restarted.readyMs)} ms`,
      baseline: '',
      ratio: '',
      target: '≤ 2 s',
      met: service.readyMs <= 2000,
    },
    {
      figure: `legit p99 during a ${f(flood.floodRequests)}-request flood without token, same address`,
      value: `${f(flood.throttled.during.p99Ms, 1)} ms`,
      baseline: `no flood ${f(flood.throttled.calm.p99Ms, 1)} ms`,
      ratio: `${f(flood.throttled.p99Ratio, 2)}×`,
      target: `≤ ${flood.targetRatio}×`,
      met: flood.throttled.p99Ratio <= flood.targetRatio,
    },
    {
      figure: `flood answered 401 / 429 (budget ${f(flood.budget.limit)} per ${f(flood.budget.windowMs / 1000)} s)`,
      value: `${flood.throttled.flood401.map((n: number) => f(n)).join(', ')} / ${flood.throttled.flood429.map((n: number) => f(n)).join(', ')}`,
      baseline: '',
      ratio: '',
      target: '429 past each budget',
      met: flood.throttled.refusedAfterBudget,
    },
    {
      figure: 'the same, connections not slowed after a 429',
      value: `${f(flood.atOnce.during.p99Ms, 1)} ms`,
      baseline: `no flood ${f(flood.atOnce.calm.p99Ms, 1)} ms`,
      ratio: `${f(flood.atOnce.p99Ratio, 2)}×`,
      target: '(reported)',
      met: true,
    },
    {
      figure: 'the same, unthrottled (every flood request 401)',
      value: `${f(flood.unthrottled.during.p99Ms, 1)} ms`,
      baseline: `no flood ${f(flood.unthrottled.calm.p99Ms, 1)} ms`,
      ratio: `${f(flood.unthrottled.p99Ratio, 2)}×`,
      target: '(reported)',
      met: true,
    },
    ...statusSizeRows(statusSize, f),
    {
      figure: `rebuild-projections, ${f(rebuild.log.events)} events (events/s)`,
      value: f(rebuild.rebuild.eventsPerSecond),
      baseline: `raw sequential read ${f(rebuild.raw.eventsPerSecond)}`,
      ratio: `${f(rebuild.rebuildOverRaw, 2)}×`,
      target: '≥ 0.4×',
      met: rebuild.met,
    },
    {
      figure: `cold load of a ${f(tamper.deepShop.events)}-event shop, hash chain checked`,
      value: `${f(tamper.coldLoad.checkedMs, 1)} ms`,
      baseline: `read and folded unchecked ${f(tamper.coldLoad.baselineMs, 1)} ms`,
      ratio: `${f(tamper.coldLoad.ratio, 2)}×`,
      target: '(reported)',
      met: true,
    },
    {
      figure: `whole-log chain from zero, ${f(tamper.events)} events`,
      value: `${f(tamper.logChain.checkedMs)} ms`,
      baseline: `plain read of the log ${f(tamper.logChain.baselineMs)} ms`,
      ratio: `${f(tamper.logChain.ratio, 2)}×`,
      target: '(reported)',
      met: true,
    },
    {
      figure: `quick_check of that file (page cache warm)`,
      value: `${f(tamper.pageCheck.checkedMs)} ms`,
      baseline: `plain read of the log ${f(tamper.pageCheck.baselineMs)} ms`,
      ratio: `${f(tamper.pageCheck.ratio, 2)}×`,
      target: '(reported)',
      met: true,
    },
  ];

  console.log(`\n=== all benchmarks (${((Date.now() - started) / 60_000).toFixed(1)} min) ===`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite ${append.sqlite}${QUICK ? '; BENCH_QUICK sizes' : ''}\n`,
  );
  const table = [
    ['figure', 'value', 'baseline (same run)', 'ratio', 'target', ''],
    ...rows.map((r) => [r.figure, r.value, r.baseline, r.ratio, r.target, r.met ? 'met' : 'MISSED']),
  ];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const [i, row] of table.entries()) {
    console.log(
      row
        .map((cell, c) => cell.padEnd(widths[c]))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  writeFileSync(
    SUMMARY_FILE,
    `${JSON.stringify({ measuredAt: new Date().toISOString(), quick: QUICK, machine: { cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`, node: process.version, sqlite: append.sqlite }, summary: rows, append, http, flood, rebuild, statusSize }, null, 2)}\n`,
  );
  console.log(`\nwritten to ${SUMMARY_FILE}`);
}

/** The status read of a shop with a long past of links (bench/status-size.bench.ts). */
function statusSizeRows(s: any, f: (n: number, digits?: number) => string): Row[] {
  return [
    {
      figure: `status read p50, ${f(s.cycles)}-cycle shop`,
      value: `${f(s.read.bigP50Ms, 2)} ms`,
      baseline: `new shop ${f(s.read.newP50Ms, 2)} ms`,
      ratio: `${f(s.read.ratio, 2)}×`,
      target: `≤ ${s.target}×`,
      met: s.read.ratio <= s.target,
    },
    {
      figure: "other shops' status p99 while it is read and written",
      value: `${f(s.neighbours.busyP99Ms, 1)} ms`,
      baseline: `quiet ${f(s.neighbours.quietP99Ms, 1)} ms (same load on a new shop ${f(s.neighbours.busyNewShopP99Ms, 1)} ms)`,
      ratio: `${f(s.neighbours.ratio, 2)}×`,
      target: `≤ ${s.target}×`,
      met: s.neighbours.ratio <= s.target,
    },
  ];
}

try {
  main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
