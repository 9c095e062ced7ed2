/**
 * How long SQLite's `PRAGMA quick_check` (the page check the service runs at start and `verify
 * --all` runs on the embedded file) takes on a data file of realistic shop events with the read
 * models built beside them, as the service's file holds them. The figures go into
 * docs/reliability.md; they decide whether start-up waits for the check or runs it in the background.
 *
 * Each size: the log is built through the event-store port (bench/support/shop-event-log.ts), the
 * read models rebuilt into the same file (neither timed), then the check runs three times on this
 * thread and once on a worker thread. The page cache is warm (the file was just written); a cold
 * start reads the whole file from disk first, at the disk's sequential read rate.
 *
 *   npm run build && node dist/bench/page-check.bench.js      BENCH_SIZES=100000,1000000 BENCH_SHOPS=… BENCH_KEEP=1
 */
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { rebuildProjections } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_READ_MODELS } from '@shoplink/shops';
import { checkPages, checkPagesOffThread } from '@shoplink/sqlite';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildShopEventLog } from './support/shop-event-log';

const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const SHOPS = Number(process.env.BENCH_SHOPS ?? 5_000);

async function measure(events: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'page-check-bench-'));
  const file = join(dir, 'shoplink.db');
  try {
    const writer = new SqliteEventStore(file);
    await buildShopEventLog(writer, { events, shops: Math.min(SHOPS, Math.ceil(events / 20)) });
    await writer.close();
    const eventStore = new SqliteEventStore(file);
    const store = new SqliteReadModelStore(file, { synchronous: 'NORMAL' });
    const { projector, projections, indexes } = SHOP_READ_MODELS;
    await rebuildProjections({ projector, projections, indexes, eventStore, store });
    await store.close();
    await eventStore.close();
    const mib = Math.round((statSync(file).size + walSize(file)) / 2 ** 20);
    const load = () =>
      loadavg()
        .map((n) => n.toFixed(2))
        .join(' ');
    for (let run = 1; run <= 3; run++) {
      const check = checkPages(file);
      console.log(
        `${events.toLocaleString('en')} events, ${mib} MiB: quick_check ${(check.durationMs / 1000).toFixed(2)} s (run ${run}, ${check.ok ? 'ok' : 'MALFORMED'}), load ${load()}`,
      );
    }
    const started = performance.now();
    const offThread = await checkPagesOffThread(file);
    console.log(
      `${events.toLocaleString('en')} events, ${mib} MiB: quick_check on a worker thread ${(offThread.durationMs / 1000).toFixed(2)} s (${((performance.now() - started) / 1000).toFixed(2)} s with the thread's start), load ${load()}`,
    );
  } finally {
    // BENCH_KEEP=1 keeps the file, to time a cold check after evicting it from the page cache.
    if (process.env.BENCH_KEEP === '1') console.log(`kept ${file}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

function walSize(file: string): number {
  try {
    return statSync(`${file}-wal`).size;
  } catch {
    return 0;
  }
}

async function main(): Promise<void> {
  console.log(
    `machine: load ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} (1, 5, 15 min)`,
  );
  for (const events of SIZES) await measure(events);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
