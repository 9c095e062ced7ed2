/**
 * What tamper evidence costs, each figure beside its baseline from the same run, measured in
 * alternation (baseline, then the checked way, BENCH_REPEATS times; medians):
 *  - a cold load of a deep shop (BENCH_EVENTS / BENCH_DEEP_SHOPS events each): ShopStates.load,
 *    which hashes every event it reads again before deciding on them, against reading and folding
 *    the same events without the check (what a load did before);
 *  - the whole-log chain folded from zero (what the service does once at start, and what a digest
 *    verification recomputes) on BENCH_EVENTS events, against `verifyLog` (what `verify --all`
 *    does) and a plain paged read of the log;
 *  - SQLite's page check (`quick_check`, run at start and by `verify --all`) of that file, page
 *    cache warm, against the same plain read.
 *
 *   npm run build && node dist/bench/tamper-evidence.bench.js      BENCH_EVENTS (100000), BENCH_DEEP_SHOPS (10), BENCH_REPEATS (5)
 */
import { readStreamOrEmpty } from '@shoplink/command-handling';
import { EventStore, HashChainingEventStore, LogHashFollower, Position, START, verifyLog } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { foldShopInPlace, initialShopState, shopEventCodec, ShopStates } from '@shoplink/shops';
import { checkPages } from '@shoplink/sqlite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildShopEventLog } from './support/shop-event-log';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const DEEP_SHOPS = Number(process.env.BENCH_DEEP_SHOPS ?? 10);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 5);
const RESULTS_FILE = resolve(__dirname, '..', '..', 'bench', 'results', 'tamper-evidence.json');

async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/** Baseline first, then the checked way, REPEATS times: a slow moment of the machine lands on both alike. */
async function alternate(
  baseline: () => unknown,
  checked: () => unknown,
): Promise<{ baselineMs: number; checkedMs: number; ratio: number }> {
  const base: number[] = [];
  const check: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    base.push(await timed(baseline));
    check.push(await timed(checked));
  }
  const baselineMs = median(base);
  const checkedMs = median(check);
  return { baselineMs: round(baselineMs), checkedMs: round(checkedMs), ratio: round(checkedMs / baselineMs) };
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Every event of the log, read in pages and dropped: the floor any whole-log check stands on. */
async function readWholeLog(store: EventStore): Promise<number> {
  let after: Position = START;
  let events = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 1000 });
    events += page.length;
    if (page.length < 1000) return events;
    after = page[page.length - 1].position;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'tamper-evidence-bench-'));
  const file = join(dir, 'shoplink.db');
  try {
    const load = [loadavg()[0]];
    const raw = new SqliteEventStore(file);
    const store = new HashChainingEventStore(raw);
    // Every event on its stream's hash chain, as the service writes them.
    await buildShopEventLog(store, { events: EVENTS, shops: DEEP_SHOPS });
    const deepShop = 'shop-' + ((await raw.readAll({ maxCount: 1 }))[0].data as { shopId: string }).shopId;
    const deepEvents = (await readStreamOrEmpty(raw, deepShop, 0)).length;

    const coldLoad = await alternate(
      async () =>
        foldShopInPlace(
          initialShopState,
          (await readStreamOrEmpty(raw, deepShop, 0)).map((e) => shopEventCodec.decode(e)),
        ),
      () => new ShopStates({ eventStore: raw, maxCachedShops: 0 }).load(deepShop),
    );
    const logChain = await alternate(
      () => readWholeLog(raw),
      () => new LogHashFollower(raw).current(),
    );
    const verifyAll = await alternate(
      () => readWholeLog(raw),
      () => verifyLog(raw, { contiguousPositions: true }),
    );
    const pageCheck = await alternate(
      () => readWholeLog(raw),
      () => {
        const check = checkPages(file);
        if (!check.ok) throw new Error(`quick_check found the file malformed: ${check.problems.join('; ')}`);
      },
    );
    await raw.close();
    load.push(loadavg()[0]);

    const results = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      events: EVENTS,
      deepShop: { streamId: deepShop, events: deepEvents },
      repeats: REPEATS,
      loadAverage: load,
      coldLoad,
      logChain,
      verifyAll,
      pageCheck,
    };
    console.log(
      `Tamper evidence on ${EVENTS.toLocaleString('en')} events (${REPEATS} alternated runs each, medians); load ${load.map((l) => l.toFixed(2)).join(' → ')}`,
    );
    console.log(
      `  cold load of a ${deepEvents.toLocaleString('en')}-event shop, chain checked: ${coldLoad.checkedMs} ms against ${coldLoad.baselineMs} ms read and folded unchecked (${coldLoad.ratio}×)`,
    );
    console.log(
      `  whole-log chain from zero: ${logChain.checkedMs} ms against a plain read of the log ${logChain.baselineMs} ms (${logChain.ratio}×)`,
    );
    console.log(
      `  verify --all's walk (verifyLog): ${verifyAll.checkedMs} ms against the plain read ${verifyAll.baselineMs} ms (${verifyAll.ratio}×)`,
    );
    console.log(
      `  quick_check, page cache warm: ${pageCheck.checkedMs} ms against the plain read ${pageCheck.baselineMs} ms (${pageCheck.ratio}×)`,
    );
    mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
    console.log(`\nwritten to ${RESULTS_FILE}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
