/**
 * Append throughput: SqliteEventStore.appendToStream against raw better-sqlite3 inserts of
 * the same rows into the same schema with the same pragmas (WAL, synchronous=FULL), each
 * commit fsync'd. Both sides serialise data/metadata inside the timed loop, so the ratio is
 * the cost of the port itself: expectation check, idempotency lookup, promise.
 * Batched appends run twice: with random (v4) event ids, whose UNIQUE index takes a write
 * on a different page for nearly every event, and with time-ordered (v7) ids, which append
 * to the right edge of that index.
 *
 *   npm run bench:append            BENCH_SINGLE=… BENCH_BATCHED=… to change the sizes
 */
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { EventToAppend, ExpectedRevision } from '@shoplink/event-store';
import { openSqliteDatabase, SqliteDatabase } from '@shoplink/sqlite';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const STREAMS = 100;
const BATCH = 100;
// Sized so the whole run stays well under a minute on 2 cores at ~2-3k fsync'd commits/s.
const SINGLE_EVENTS = Number(process.env.BENCH_SINGLE ?? 10_000);
const BATCHED_EVENTS = Number(process.env.BENCH_BATCHED ?? 200_000);
const CONCURRENT_EVENTS = Number(process.env.BENCH_CONCURRENT ?? 100_000);
const RESULTS_FILE = resolve(__dirname, '..', '..', 'bench', 'results', 'append.json');

interface Planned {
  streamId: string;
  revision: number;
  event: EventToAppend;
}

type IdKind = 'uuidv4' | 'uuidv7';

interface Figure {
  scenario: string;
  eventsPerCommit: number;
  eventIds: IdKind;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  portOverRaw?: number;
  /** The scenario of concurrent single-event appends (the group-commit target). */
  concurrent?: boolean;
}

/** Events spread round-robin over the streams, each with the revision it will get. */
function plan(count: number, perCommit: number, ids: IdKind = 'uuidv4'): Planned[][] {
  const next = new Array<number>(STREAMS).fill(0);
  const commits: Planned[][] = [];
  for (let n = 0; n < count; n += perCommit) {
    const stream = commits.length % STREAMS;
    const commit: Planned[] = [];
    for (let i = 0; i < perCommit && n + i < count; i++) {
      commit.push({
        streamId: `shop-${stream}`,
        revision: next[stream]++,
        event: sampleEvent(n + i, ids === 'uuidv7' ? uuidV7() : randomUUID()),
      });
    }
    commits.push(commit);
  }
  return commits;
}

function sampleEvent(n: number, id: string): EventToAppend {
  return {
    id,
    type: 'SettlementCredited',
    data: { settlementId: `set-${n}`, orderId: `ord-${n}`, amount: { minor: 1000 + (n % 9000), currency: 'EUR' } },
    metadata: { correlationId: randomUUID(), causationId: randomUUID(), actor: 'system:payout', commandId: randomUUID() },
  };
}

/** RFC 9562 version 7: 48-bit millisecond time first, so ids sort by creation time. */
function uuidV7(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

async function viaPort(file: string, commits: Planned[][]): Promise<number> {
  const store = new SqliteEventStore(file);
  try {
    const started = process.hrtime.bigint();
    for (const commit of commits) {
      const first = commit[0].revision;
      const expected: ExpectedRevision = first === 0 ? 'no_stream' : first - 1;
      await store.appendToStream(
        commit[0].streamId,
        commit.map((p) => p.event),
        expected,
      );
    }
    return seconds(started);
  } finally {
    await store.close();
  }
}

/**
 * `writers` concurrent writers, one per stream, each appending one event at a time with its
 * exact expected revision and waiting for the answer: what the service does under load, and
 * what group commit turns into one transaction per event-loop turn.
 */
async function viaPortConcurrently(file: string, commits: Planned[][], writers: number): Promise<number> {
  const store = new SqliteEventStore(file);
  try {
    const byStream = new Map<string, Planned[]>();
    for (const [p] of commits) byStream.set(p.streamId, [...(byStream.get(p.streamId) ?? []), p]);
    const queues = [...byStream.values()];
    if (queues.length !== writers) throw new Error(`planned ${queues.length} streams for ${writers} writers`);
    const started = process.hrtime.bigint();
    await Promise.all(
      queues.map(async (queue) => {
        for (const p of queue) await store.appendToStream(p.streamId, [p.event], p.revision === 0 ? 'no_stream' : p.revision - 1);
      }),
    );
    return seconds(started);
  } finally {
    await store.close();
  }
}

/** The same rows as raw batched inserts: `perCommit` rows (in the order they were planned) per transaction. */
async function viaRawBatched(file: string, commits: Planned[][], perCommit: number): Promise<number> {
  const rows = commits.flat();
  const batches: Planned[][] = [];
  for (let i = 0; i < rows.length; i += perCommit) batches.push(rows.slice(i, i + perCommit));
  return viaRaw(file, batches);
}

async function viaRaw(file: string, commits: Planned[][]): Promise<number> {
  await new SqliteEventStore(file).close(); // same schema as the port, created by the port
  const db = openSqliteDatabase(file);
  try {
    const insert = db.prepare(
      'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const writeCommit = db.transaction((commit: Planned[]) => {
      const createdAt = new Date().toISOString();
      for (const { streamId, revision, event } of commit) {
        insert.run(streamId, revision, event.id, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), createdAt);
      }
    });
    const started = process.hrtime.bigint();
    for (const commit of commits) writeCommit(commit);
    return seconds(started);
  } finally {
    db.close();
  }
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

function countRows(file: string): number {
  const db: SqliteDatabase = openSqliteDatabase(file);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'append-bench-'));
  const figures: Figure[] = [];
  let fileNo = 0;
  const freshFile = (): string => join(dir, `bench-${++fileNo}.db`);

  try {
    // Warm the JIT and the file system on scratch files so the first measured run is not penalised.
    await viaPort(freshFile(), plan(2_000, BATCH));
    await viaRaw(freshFile(), plan(2_000, BATCH));

    for (const [count, perCommit, ids] of [
      [SINGLE_EVENTS, 1, 'uuidv4'],
      [BATCHED_EVENTS, BATCH, 'uuidv4'],
      [BATCHED_EVENTS, BATCH, 'uuidv7'],
    ] as const) {
      const commits = plan(count, perCommit, ids);
      const portFile = freshFile();
      const rawFile = freshFile();
      const portSeconds = await viaPort(portFile, commits);
      const rawSeconds = await viaRaw(rawFile, commits);
      for (const file of [portFile, rawFile]) {
        if (countRows(file) !== count) throw new Error(`${file}: expected ${count} events after the run`);
      }
      const raw = figure(`raw better-sqlite3, ${perCommit}/tx, ${ids}`, perCommit, ids, count, rawSeconds);
      const port = figure(`SqliteEventStore, ${perCommit}/append, ${ids}`, perCommit, ids, count, portSeconds);
      figures.push({ ...port, portOverRaw: round(port.eventsPerSecond / raw.eventsPerSecond, 3) }, raw);
    }

    // Under concurrency: STREAMS writers appending one event at a time (group commit shares their
    // transactions) against raw inserts of the same rows, STREAMS to a transaction.
    {
      const commits = plan(CONCURRENT_EVENTS, 1);
      const portFile = freshFile();
      const rawFile = freshFile();
      const portSeconds = await viaPortConcurrently(portFile, commits, STREAMS);
      const rawSeconds = await viaRawBatched(rawFile, commits, STREAMS);
      for (const file of [portFile, rawFile]) {
        if (countRows(file) !== CONCURRENT_EVENTS) throw new Error(`${file}: expected ${CONCURRENT_EVENTS} events after the run`);
      }
      const raw = figure(`raw better-sqlite3, ${STREAMS}/tx (same rows)`, STREAMS, 'uuidv4', CONCURRENT_EVENTS, rawSeconds);
      const port = figure(`SqliteEventStore, ${STREAMS} concurrent writers, 1/append`, 1, 'uuidv4', CONCURRENT_EVENTS, portSeconds);
      figures.push(
        { ...port, scenario: port.scenario, portOverRaw: round(port.eventsPerSecond / raw.eventsPerSecond, 3), concurrent: true },
        raw,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  printTable(figures);
  mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
  const sqliteVersion = (() => {
    const db = openSqliteDatabase(':memory:');
    const version = db.prepare('SELECT sqlite_version() AS v').pluck().get();
    db.close();
    return version;
  })();
  const report = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    sqlite: sqliteVersion,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    pragmas: 'journal_mode=WAL, synchronous=FULL',
    streams: STREAMS,
    figures,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${RESULTS_FILE}`);
}

function figure(scenario: string, eventsPerCommit: number, eventIds: IdKind, events: number, secs: number): Figure {
  return { scenario, eventsPerCommit, eventIds, events, seconds: round(secs, 3), eventsPerSecond: Math.round(events / secs) };
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits));
}

function printTable(figures: Figure[]): void {
  const rows = [
    ['scenario', 'events', 'seconds', 'events/s', 'port/raw'],
    ...figures.map((f) => [f.scenario, String(f.events), f.seconds.toFixed(3), String(f.eventsPerSecond), f.portOverRaw?.toFixed(3) ?? '']),
  ];
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
