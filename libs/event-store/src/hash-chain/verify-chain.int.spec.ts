import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { HashChainingEventStore } from './hash-chaining-event-store';
import { GENESIS_HASH } from './event-hash';
import { verifyChain } from './verify-chain';

/** Writes a chained stream through the port, then tampers with the SQLite file directly, as an intruder would. */
describe('the hash chain catches tampering with the data file', () => {
  let dir: string;
  let file: string;
  const STREAM = 'shop-audited';

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-chain-'));
    file = join(dir, 'shoplink.db');
    const store = new HashChainingEventStore(new SqliteEventStore(file));
    for (let n = 0; n < 6; n++) {
      await store.appendToStream(
        STREAM,
        [{ id: `00000000-0000-4000-8000-00000000000${n}`, type: 'Noted', data: { n }, metadata: { actor: 'member:m-1' } }],
        n === 0 ? 'no_stream' : n - 1,
      );
    }
    await store.appendToStream(
      'shop-other',
      [{ id: '00000000-0000-4000-8000-0000000000aa', type: 'Noted', data: { n: 0 }, metadata: {} }],
      'any',
    );
    await store.close();
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function verdict() {
    const store = new SqliteEventStore(file);
    try {
      return verifyChain(STREAM, await store.readStream(STREAM));
    } finally {
      await store.close();
    }
  }

  function tamper(sql: (db: Database.Database) => void): void {
    const db = new Database(file);
    sql(db);
    db.close();
  }

  const shift = (db: Database.Database, from: number, by: number) => {
    const rows = db
      .prepare('SELECT position, revision FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision ' + (by > 0 ? 'DESC' : 'ASC'))
      .all(STREAM, from) as { position: number; revision: number }[];
    for (const row of rows) db.prepare('UPDATE events SET revision = ? WHERE position = ?').run(row.revision + by, row.position);
  };

  it('an untouched stream verifies, each event chained to the one before it from the genesis hash', async () => {
    const result = await verdict();
    expect(result).toMatchObject({ intact: true, events: 6, firstProblem: null });
    const store = new SqliteEventStore(file);
    const events = await store.readStream(STREAM);
    await store.close();
    expect(events[0].metadata.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < events.length; i++) expect(events[i].metadata.previousHash).toBe(events[i - 1].metadata.hash);
  });

  it('names a changed payload as altered', async () => {
    tamper((db) => db.prepare("UPDATE events SET data = json_set(data, '$.n', 99) WHERE stream_id = ? AND revision = 2").run(STREAM));
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'altered', revision: 2 });
  });

  it('names changed metadata (who acted) as altered', async () => {
    tamper((db) =>
      db
        .prepare("UPDATE events SET metadata = json_set(metadata, '$.actor', 'member:m-evil') WHERE stream_id = ? AND revision = 4")
        .run(STREAM),
    );
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'altered', revision: 4 });
  });

  it('names a deleted event as removed, with or without the rest renumbered to hide the gap', async () => {
    tamper((db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(STREAM));
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'removed', revision: 2 });
    tamper((db) => shift(db, 3, -1));
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'removed', revision: 2 });
  });

  /** Revision, id and position of the event now at `revision`, as a report names a neighbour. */
  async function neighbourAt(revision: number) {
    const store = new SqliteEventStore(file);
    const [event] = await store.readStream(STREAM, { fromRevision: revision, maxCount: 1 });
    await store.close();
    return { revision: event.revision, eventId: event.id, position: String(event.position.commit) };
  }

  it.each([
    ['in the middle', 2],
    ['first', 0],
    ['last but one', 4],
  ])('names a deleted event (%s) by its missing revision and the surviving events either side of the hole', async (_where, gone) => {
    const before = gone === 0 ? null : await neighbourAt(gone - 1);
    const after = await neighbourAt(gone + 1);
    tamper((db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(STREAM, gone));

    const problem = (await verdict()).firstProblem;

    expect(problem).toEqual({
      kind: 'removed',
      streamId: STREAM,
      revision: gone,
      eventId: null,
      before,
      after,
      message: expect.stringContaining(`Revision ${gone} is missing`),
    });
  });

  it('names a deleted event the same way when the rest were renumbered to close the hole', async () => {
    const before = await neighbourAt(1);
    const after = { ...(await neighbourAt(3)), revision: 2 };
    tamper((db) => db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = 2').run(STREAM));
    tamper((db) => shift(db, 3, -1));

    expect((await verdict()).firstProblem).toMatchObject({ kind: 'removed', revision: 2, eventId: null, before, after });
  });

  it('names a swapped pair as reordered', async () => {
    tamper((db) => {
      db.prepare('UPDATE events SET revision = -1 WHERE stream_id = ? AND revision = 2').run(STREAM);
      db.prepare('UPDATE events SET revision = 2 WHERE stream_id = ? AND revision = 3').run(STREAM);
      db.prepare('UPDATE events SET revision = 3 WHERE stream_id = ? AND revision = -1').run(STREAM);
    });
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'reordered', revision: 2 });
  });

  it('names an inserted event as inserted, whether it carries a forged hash or none', async () => {
    tamper((db) => {
      shift(db, 2, 1);
      const forged = JSON.stringify({
        actor: 'member:m-1',
        hash: 'f'.repeat(64),
        previousHash: 'e'.repeat(64),
        hashAlgorithm: 'sha256-chain-v1',
      });
      db.prepare(
        "INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, 2, 'forged-1', 'Noted', '{\"n\":42}', ?, ?)",
      ).run(STREAM, forged, new Date().toISOString());
    });
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'inserted', revision: 2, eventId: 'forged-1' });
  });

  it('names an inserted event without any hash as inserted', async () => {
    tamper((db) => {
      shift(db, 3, 1);
      db.prepare(
        "INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, 3, 'forged-2', 'Noted', '{}', '{}', ?)",
      ).run(STREAM, new Date().toISOString());
    });
    expect((await verdict()).firstProblem).toMatchObject({ kind: 'inserted', revision: 3, eventId: 'forged-2' });
  });

  it('an event re-hashed by an intruder who knows the algorithm still breaks the chain at the next event', async () => {
    tamper((db) =>
      db
        .prepare(
          "UPDATE events SET metadata = json_set(metadata, '$.hash', '" +
            'a'.repeat(64) +
            "'), data = '{\"n\":7}' WHERE stream_id = ? AND revision = 1",
        )
        .run(STREAM),
    );
    const result = await verdict();
    expect(result.intact).toBe(false);
    expect(result.firstProblem?.revision).toBe(1);
  });
});
