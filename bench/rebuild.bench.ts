/**
 * Rebuild throughput: `rebuild-projections` (every read model the service keeps, replayed
 * from the start of `$all` into fresh collections, then switched in) against a raw sequential
 * read of the same log with better-sqlite3 (every event row in position order, data and
 * metadata JSON-parsed), in the same run on the same file. Target: the rebuild reaches at
 * least 40% of the raw read rate.
 *
 * The log is built first through the event-store port, in batched appends of realistic shop
 * events (bench/support/shop-event-log.ts); building it is not timed.
 *
 *   npm run bench:rebuild          BENCH_EVENTS=… BENCH_SHOPS=… to change the sizes
 */
import { encodePosition } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { Projection, rebuildProjections, RebuildProgress, RebuildSummary, RebuildThread } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_READ_MODELS, TIMELINE_COLLECTION } from '@shoplink/shops';
import { openSqliteDatabase } from '@shoplink/sqlite';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { rebuildThreadsFor } from '../apps/cli/src/rebuild/rebuild-threads';
import { buildShopEventLog } from './support/shop-event-log';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SHOPS = Number(process.env.BENCH_SHOPS ?? 5_000);
const TARGET_RATIO = 0.4;
const RESULTS_FILE = resolve(__dirname, '..', '..', 'bench', 'results', 'rebuild.json');

interface RawRead {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
}

/** The baseline: every event row in position order, data and metadata parsed, nothing else. */
function rawSequentialRead(file: string): RawRead {
  const db = openSqliteDatabase(file);
  try {
    const rows = db.prepare(
      'SELECT position, stream_id, revision, event_id, type, data, metadata, created_at FROM events ORDER BY position',
    );
    const started = process.hrtime.bigint();
    let events = 0;
    let checksum = 0;
    for (const row of rows.iterate() as IterableIterator<{ revision: number; data: string; metadata: string }>) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
      checksum += row.revision + (data.shopId ? 1 : 0) + (metadata.actor ? 1 : 0);
      events += 1;
    }
    const seconds = secondsSince(started);
    if (checksum === 0) throw new Error('raw read saw nothing');
    return { events, seconds, eventsPerSecond: Math.round(events / seconds) };
  } finally {
    db.close();
  }
}

async function rebuild(
  file: string,
  projections: readonly Projection[],
  onProgress?: (p: RebuildProgress) => void,
  threads: readonly RebuildThread[] = [],
): Promise<RebuildSummary> {
  const eventStore = new SqliteEventStore(file);
  // As the CLI opens it: batches of the copy are not fsync'd one by one; the switch is, at FULL.
  const store = new SqliteReadModelStore(file, { synchronous: 'NORMAL' });
  try {
    const { projector, indexes } = SHOP_READ_MODELS;
    return await rebuildProjections({ projector, projections, indexes, eventStore, store, onProgress, threads });
  } finally {
    await store.close();
    await eventStore.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'rebuild-bench-'));
  const file = join(dir, 'shoplink.db');
  try {
    console.log(`building a log of ${EVENTS.toLocaleString('en')} events over ${SHOPS.toLocaleString('en')} shops (not timed)…`);
    const building = process.hrtime.bigint();
    const writer = new SqliteEventStore(file);
    let nextReport = 100_000;
    const appended = await buildShopEventLog(writer, {
      events: EVENTS,
      shops: SHOPS,
      onProgress: (n) => {
        if (n >= nextReport) {
          console.log(`  ${n.toLocaleString('en')} events appended`);
          nextReport += 100_000;
        }
      },
    });
    const head = await writer.headPosition();
    await writer.close();
    if (appended !== EVENTS || head.commit !== BigInt(EVENTS))
      throw new Error(`expected ${EVENTS} events, built ${appended} (head ${encodePosition(head)})`);
    const buildSeconds = secondsSince(building);
    const logMiB = Math.round(statSync(file).size / 2 ** 20);
    console.log(`built in ${buildSeconds.toFixed(1)} s; file ${logMiB} MiB\n`);

    // Warm-up of both paths on the same file (JIT, page cache); then the measured runs.
    rawSequentialRead(file);
    const raw1 = rawSequentialRead(file);
    const progress = (label: string) => {
      let lastShown = 0;
      return (p: RebuildProgress): void => {
        if (p.phase !== 'replaying' || p.eventsDone - lastShown >= 250_000) {
          lastShown = p.eventsDone;
          console.log(
            `  ${label} ${p.phase.padEnd(9)} ${p.eventsDone.toLocaleString('en').padStart(9)} / ${p.eventsTotal.toLocaleString('en')} events, ${p.eventsPerSecond.toLocaleString('en')} events/s`,
          );
        }
      };
    };
    // (b) what `rebuild-projections` does: every read model the service keeps (the timeline on a second thread).
    const summary = await rebuild(file, SHOP_READ_MODELS.projections, progress('rebuild'), rebuildThreadsFor(file));
    // (c) breakdown: the same on one thread, and without the timeline, i.e. the per-shop state read models.
    const oneThread = await rebuild(file, SHOP_READ_MODELS.projections, progress('one-thread'));
    const stateOnly = SHOP_READ_MODELS.projections.filter((p) => p.collection !== TIMELINE_COLLECTION);
    const state = await rebuild(file, stateOnly, progress('state-only'));
    const raw2 = rawSequentialRead(file);
    const raw = raw1.eventsPerSecond >= raw2.eventsPerSecond ? raw1 : raw2;
    for (const s of [summary, oneThread, state]) {
      if (s.events !== EVENTS) throw new Error(`rebuild replayed ${s.events} events, expected ${EVENTS}`);
      if (s.documents.shop_status !== SHOPS) throw new Error(`rebuild left ${s.documents.shop_status} shop documents, expected ${SHOPS}`);
    }

    const ratio = summary.eventsPerSecond / raw.eventsPerSecond;
    const stateRatio = state.eventsPerSecond / raw.eventsPerSecond;
    const oneThreadRatio = oneThread.eventsPerSecond / raw.eventsPerSecond;
    printTable([
      ['scenario', 'events', 'seconds', 'events/s', 'vs raw'],
      [
        'raw sequential read (better-sqlite3, JSON.parse)',
        String(raw.events),
        raw.seconds.toFixed(3),
        String(raw.eventsPerSecond),
        '1.000',
      ],
      [
        'rebuild-projections: every read model (incl. timeline)',
        String(summary.events),
        summary.seconds.toFixed(3),
        String(summary.eventsPerSecond),
        ratio.toFixed(3),
      ],
      [
        '  the same on one thread (SHOPLINK_REBUILD_THREADS=0)',
        String(oneThread.events),
        oneThread.seconds.toFixed(3),
        String(oneThread.eventsPerSecond),
        oneThreadRatio.toFixed(3),
      ],
      [
        '  state read models alone (no timeline), one thread',
        String(state.events),
        state.seconds.toFixed(3),
        String(state.eventsPerSecond),
        stateRatio.toFixed(3),
      ],
    ]);
    for (const [label, s] of [
      ['every read model', summary],
      ['every read model, one thread', oneThread],
      ['state read models alone', state],
    ] as const) {
      console.log(
        `\n${label}: replaying ${s.phases.replaying.toFixed(2)} s (with the writes made on the way), final write ${s.phases.writing.toFixed(2)} s (with waiting for the other thread), switching in ${s.phases.switching.toFixed(3)} s`,
      );
      for (const thread of s.threads) console.log(`  on a second thread: ${thread.collections.join(', ')}, ${thread.seconds.toFixed(2)} s`);
      console.log(
        `  documents: ${Object.entries(s.documents)
          .map(([c, n]) => `${c} ${n.toLocaleString('en')}`)
          .join(', ')}`,
      );
    }
    console.log(
      `\ntarget: rebuild-projections ≥ ${TARGET_RATIO * 100}% of the raw read rate → ${ratio >= TARGET_RATIO ? 'met' : 'MISSED'} (${(ratio * 100).toFixed(1)}%; on one thread ${(oneThreadRatio * 100).toFixed(1)}%; state read models alone ${(stateRatio * 100).toFixed(1)}%)`,
    );

    mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
    const report = {
      measuredAt: new Date().toISOString(),
      node: process.version,
      sqlite: sqliteVersion(),
      cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      pragmas:
        'journal_mode=WAL; events appended at synchronous=FULL; the rebuild writes its copy at synchronous=NORMAL and commits the switch at FULL (as the CLI)',
      log: {
        events: EVENTS,
        shops: SHOPS,
        buildSeconds: round(buildSeconds, 1),
        logFileMiB: logMiB,
        fileMiBWithReadModels: Math.round(statSync(file).size / 2 ** 20),
      },
      raw: { ...raw, seconds: round(raw.seconds, 3), runs: [raw1.eventsPerSecond, raw2.eventsPerSecond] },
      rebuild: figures(summary),
      rebuildOverRaw: round(ratio, 3),
      oneThread: figures(oneThread),
      oneThreadOverRaw: round(oneThreadRatio, 3),
      stateReadModelsOnly: figures(state),
      stateReadModelsOnlyOverRaw: round(stateRatio, 3),
      target: TARGET_RATIO,
      met: ratio >= TARGET_RATIO,
    };
    writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nwritten to ${RESULTS_FILE}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function figures(summary: RebuildSummary) {
  return {
    events: summary.events,
    seconds: round(summary.seconds, 3),
    eventsPerSecond: summary.eventsPerSecond,
    phases: Object.fromEntries(Object.entries(summary.phases).map(([k, v]) => [k, round(v, 3)])),
    threads: summary.threads.map((t) => ({ collections: t.collections, seconds: round(t.seconds, 3) })),
    documents: summary.documents,
  };
}

function secondsSince(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function sqliteVersion(): string {
  const db = openSqliteDatabase(':memory:');
  try {
    return String(db.prepare('SELECT sqlite_version() AS v').pluck().get());
  } finally {
    db.close();
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
