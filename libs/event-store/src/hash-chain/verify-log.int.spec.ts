import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionAt } from '../position';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { HashChainingEventStore } from './hash-chaining-event-store';
import { verifyLog, VerifyLogOptions } from './verify-log';

/** A log of three interleaved streams, written through the port, then tampered with in the SQLite file. */
describe('verifyLog checks every stream of the log, and the log itself', () => {
  let dir: string;
  let file: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-log-'));
    file = join(dir, 'shoplink.db');
    const store = new HashChainingEventStore(new SqliteEventStore(file));
    // Positions 1..12: a, b, c, a, b, c, …; each stream revisions 0..3.
    for (let n = 0; n < 4; n++) {
      for (const stream of ['shop-a', 'shop-b', 'account-c']) {
        await store.appendToStream(
          stream,
          [{ id: `${stream}-${n}`, type: 'Noted', data: { n }, metadata: { actor: 'member:m-1' } }],
          n === 0 ? 'no_stream' : n - 1,
        );
      }
    }
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verdict(options: VerifyLogOptions = {}) {
    const store = new SqliteEventStore(file);
    try {
      return await verifyLog(store, { contiguousPositions: true, pageSize: 5, ...options });
    } finally {
      await store.close();
    }
  }

  function tamper(sql: string, ...params: unknown[]): void {
    const db = new Database(file);
    db.prepare(sql).run(...params);
    db.close();
  }

  it('an untouched log is intact, read across several pages', async () => {
    const pages: number[] = [];
    const result = await verdict({ onProgress: ({ events }) => pages.push(events) });
    expect(result).toMatchObject({
      intact: true,
      events: 12,
      streams: 3,
      brokenStreams: 0,
      head: '12',
      firstProblem: null,
      problems: [],
      problemsFound: 0,
    });
    expect(pages).toEqual([5, 10, 12]);
  });

  it('names the first altered event of each broken stream, in log order', async () => {
    tamper("UPDATE events SET data = '{\"n\":9}' WHERE stream_id = 'shop-b' AND revision = 2");
    tamper("UPDATE events SET metadata = json_set(metadata, '$.actor', 'member:m-evil') WHERE stream_id = 'shop-a' AND revision = 3");
    const result = await verdict();
    expect(result.intact).toBe(false);
    expect(result.brokenStreams).toBe(2);
    expect(result.problems).toEqual([
      expect.objectContaining({ kind: 'altered', streamId: 'shop-b', revision: 2, eventId: 'shop-b-2', position: '8' }),
      expect.objectContaining({ kind: 'altered', streamId: 'shop-a', revision: 3, eventId: 'shop-a-3', position: '10' }),
    ]);
    expect(result.firstProblem).toEqual(result.problems[0]);
  });

  it('catches a deleted event in the middle of a stream as removed, and its hole in the positions', async () => {
    tamper("DELETE FROM events WHERE stream_id = 'shop-a' AND revision = 1");
    const result = await verdict();
    expect(result.problems).toEqual([
      expect.objectContaining({
        kind: 'position-gap',
        missingFrom: '4',
        missingTo: '4',
        after: expect.objectContaining({ streamId: 'account-c', revision: 0 }),
      }),
      expect.objectContaining({
        kind: 'removed',
        streamId: 'shop-a',
        revision: 1,
        eventId: null,
        // shop-a's events sit at positions 1, 4, 7, 10: the hole is between 1 and 7, and is reported where it shows.
        before: { revision: 0, eventId: 'shop-a-0', position: '1' },
        after: { revision: 2, eventId: 'shop-a-2', position: '7' },
        position: '7',
      }),
    ]);
  });

  it('names the neighbours of a deleted first event and of a deleted last-but-one event', async () => {
    tamper("DELETE FROM events WHERE stream_id = 'shop-b' AND revision = 0");
    tamper("DELETE FROM events WHERE stream_id = 'account-c' AND revision = 2");
    const result = await verdict();
    expect(result.problems.filter((p) => p.kind === 'removed')).toEqual([
      expect.objectContaining({
        streamId: 'shop-b',
        revision: 0,
        before: null,
        after: { revision: 1, eventId: 'shop-b-1', position: '5' },
      }),
      expect.objectContaining({
        streamId: 'account-c',
        revision: 2,
        before: { revision: 1, eventId: 'account-c-1', position: '6' },
        after: { revision: 3, eventId: 'account-c-3', position: '12' },
      }),
    ]);
  });

  it('catches the deletion of the last event of a stream, which breaks no chain, by the hole it leaves', async () => {
    tamper("DELETE FROM events WHERE stream_id = 'shop-a' AND revision = 3");
    const result = await verdict();
    expect(result.brokenStreams).toBe(0);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'position-gap', missingFrom: '10', missingTo: '10', missing: '1' })]);
    expect(result.firstProblem?.message).toMatch(/Position 10 is missing after account-c revision 2/);
  });

  it('without contiguous positions (a store numbering by bytes) only the chains are checked', async () => {
    tamper("DELETE FROM events WHERE stream_id = 'shop-a' AND revision = 3");
    expect(await verdict({ contiguousPositions: false })).toMatchObject({ intact: true, checks: { contiguousPositions: false } });
  });

  it('catches the deletion of the last events of the whole log only against the highest position the store handed out', async () => {
    tamper('DELETE FROM events WHERE position >= 11');
    expect((await verdict()).intact).toBe(true);
    const result = await verdict({ expectedHead: positionAt(12) });
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'position-gap', missingFrom: '11', missingTo: '12', missing: '2' })]);
  });

  it('catches events moved along the log without touching their revisions', async () => {
    // Swap the positions of shop-a revisions 1 and 2 (positions 4 and 7).
    tamper('UPDATE events SET position = 100 WHERE position = 4');
    tamper('UPDATE events SET position = 4 WHERE position = 7');
    tamper('UPDATE events SET position = 7 WHERE position = 100');
    const result = await verdict();
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'reordered', streamId: 'shop-a', revision: 2, position: '4' })]);
  });

  it('lists at most maxProblems, counting them all', async () => {
    tamper("UPDATE events SET data = '{}' WHERE revision = 0");
    const result = await verdict({ maxProblems: 2 });
    expect(result.problems).toHaveLength(2);
    expect(result.problemsFound).toBe(3);
  });

  it('an empty log is intact', async () => {
    tamper('DELETE FROM events');
    expect(await verdict()).toMatchObject({ intact: true, events: 0, streams: 0, head: null });
  });
});
