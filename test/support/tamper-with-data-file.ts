import Database from 'better-sqlite3';
import { eventHash, GENESIS_HASH } from '@shoplink/event-store';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * What an intruder with write access to the SQLite file can do to a stream, done the way they
 * would: straight SQL, bypassing the service. Run only while the service is stopped.
 */
export class DataFileTamperer {
  constructor(private readonly file: string) {}

  private with<T>(work: (db: Database.Database) => T): T {
    const db = new Database(this.file);
    try {
      return db.transaction(() => work(db))();
    } finally {
      db.close();
    }
  }

  /** Changes one field of an event's data (e.g. who got which role). */
  alterData(streamId: string, revision: number, jsonPath: string, value: string | number): void {
    this.with((db) => {
      const changed = db
        .prepare('UPDATE events SET data = json_set(data, ?, ?) WHERE stream_id = ? AND revision = ?')
        .run(jsonPath, value, streamId, revision);
      if (changed.changes !== 1) throw new Error(`no event ${streamId}@${revision}`);
    });
  }

  deleteEvent(streamId: string, revision: number): void {
    this.with((db) => {
      if (db.prepare('DELETE FROM events WHERE stream_id = ? AND revision = ?').run(streamId, revision).changes !== 1)
        throw new Error(`no event ${streamId}@${revision}`);
    });
  }

  /** Exchanges the revisions of two events, so each sits where the other was. */
  swap(streamId: string, a: number, b: number): void {
    this.with((db) => {
      const move = db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?');
      move.run(-1, streamId, a);
      move.run(a, streamId, b);
      move.run(b, streamId, -1);
    });
  }

  /** Pushes the events from `revision` on along by one and slips a forged event (with a made-up hash) in at `revision`. */
  insertForged(streamId: string, revision: number, forged: { id: string; type: string; data: object }): void {
    this.with((db) => {
      const later = db
        .prepare('SELECT revision FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision DESC')
        .all(streamId, revision) as { revision: number }[];
      for (const row of later)
        db.prepare('UPDATE events SET revision = ? WHERE stream_id = ? AND revision = ?').run(row.revision + 1, streamId, row.revision);
      const metadata = {
        actor: { kind: 'member', id: 'm-intruder' },
        occurredAt: '2026-11-01T09:30:00.000Z',
        hash: 'f'.repeat(64),
        previousHash: 'e'.repeat(64),
        hashAlgorithm: 'sha256-chain-v1',
      };
      db.prepare('INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        streamId,
        revision,
        forged.id,
        forged.type,
        JSON.stringify(forged.data),
        JSON.stringify(metadata),
        new Date().toISOString(),
      );
    });
  }

  /**
   * Writes random bytes over the root page of the events index on exactly `columns` (e.g.
   * `['stream_id', 'revision']`), straight into the file as a failing disk or a stray write would:
   * the write-ahead log is checkpointed into the file first, so the damaged page is the one read.
   * Answers the page number and size.
   */
  scribbleOverIndex(columns: readonly string[]): { page: number; pageSize: number } {
    const db = new Database(this.file);
    let page: number;
    let pageSize: number;
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
      pageSize = db.pragma('page_size', { simple: true }) as number;
      const indexes = db.prepare("SELECT name, rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'").all() as {
        name: string;
        rootpage: number;
      }[];
      const index = indexes.find(({ name }) => {
        const indexed = (db.pragma(`index_info('${name.replace(/'/g, "''")}')`) as { name: string }[]).map((column) => column.name);
        return indexed.join(',') === columns.join(',');
      });
      if (index === undefined) throw new Error(`no index on events (${columns.join(', ')})`);
      page = index.rootpage;
    } finally {
      db.close();
    }
    const fd = openSync(this.file, 'r+');
    try {
      writeSync(fd, randomBytes(pageSize), 0, pageSize, (page - 1) * pageSize);
    } finally {
      closeSync(fd);
    }
    return { page, pageSize };
  }
}

/**
 * The intruder who knows the project: edits an event, then recomputes the hash of it and of every later
 * event of its stream with the project's own `eventHash`, so every per-stream chain verifies again.
 */
export function alterAndRehash(file: string, streamId: string, revision: number, jsonPath: string, value: string | number): void {
  const db = new Database(file);
  try {
    db.transaction(() => {
      const changed = db
        .prepare('UPDATE events SET data = json_set(data, ?, ?) WHERE stream_id = ? AND revision = ?')
        .run(jsonPath, value, streamId, revision);
      if (changed.changes !== 1) throw new Error(`no event ${streamId}@${revision}`);
      const rows = db
        .prepare('SELECT position, revision, type, data, metadata FROM events WHERE stream_id = ? ORDER BY revision')
        .all(streamId) as { position: number; revision: number; type: string; data: string; metadata: string }[];
      let previousHash = GENESIS_HASH;
      for (const row of rows) {
        const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
        const hash = eventHash(previousHash, { type: row.type, data: JSON.parse(row.data), metadata, revision: row.revision });
        db.prepare('UPDATE events SET metadata = ? WHERE position = ?').run(
          JSON.stringify({ ...metadata, hash, previousHash }),
          row.position,
        );
        previousHash = hash;
      }
    })();
  } finally {
    db.close();
  }
}

/** Deletes the last event of the whole log and rewinds SQLite's record of the highest position issued, so no hole shows. */
export function deleteLastEventAndRewind(file: string): { position: number; streamId: string; revision: number } {
  const db = new Database(file);
  try {
    return db.transaction(() => {
      const last = db.prepare('SELECT position, stream_id AS streamId, revision FROM events ORDER BY position DESC LIMIT 1').get() as {
        position: number;
        streamId: string;
        revision: number;
      };
      db.prepare('DELETE FROM events WHERE position = ?').run(last.position);
      db.prepare("UPDATE sqlite_sequence SET seq = ? WHERE name = 'events'").run(last.position - 1);
      return last;
    })();
  } finally {
    db.close();
  }
}
