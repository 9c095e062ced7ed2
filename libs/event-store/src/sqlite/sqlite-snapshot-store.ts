import { SqlContext, SqliteGroupCommit } from '@shoplink/sqlite';
import { JsonObject } from '../event-store.port';
import { Snapshot, SnapshotStore } from '../snapshot-store.port';

interface SnapshotRow {
  revision: number;
  event_id: string;
  state: string;
}

/**
 * Snapshots beside the streams, in the events' own SQLite file: one row per stream and fold
 * version. Writes go through the event store's group commit (one writer connection, no lock
 * contention with appends) and need no durability of their own: a lost snapshot is rebuilt.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly selectSnapshot;
  private readonly saveInTransaction: (args: [string, number, number, string, string]) => Promise<void>;

  constructor(private readonly groupCommit: SqliteGroupCommit) {
    const db = groupCommit.db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS snapshots (
        stream_id      TEXT NOT NULL,
        evolve_version INTEGER NOT NULL,
        revision       INTEGER NOT NULL,
        event_id       TEXT NOT NULL,
        state          TEXT NOT NULL,
        PRIMARY KEY (stream_id, evolve_version)
      )`);
    this.selectSnapshot = db.prepare<[string, number], SnapshotRow>(
      'SELECT revision, event_id, state FROM snapshots WHERE stream_id = ? AND evolve_version = ?',
    );
    this.saveInTransaction = groupCommit.procedure('snapshots.save', saveSnapshotProcedure);
  }

  async load(streamId: string, evolveVersion: number): Promise<Snapshot | null> {
    const row = this.selectSnapshot.get(streamId, evolveVersion);
    if (row === undefined) return null;
    return { streamId, evolveVersion, revision: row.revision, eventId: row.event_id, state: JSON.parse(row.state) as JsonObject };
  }

  async save(snapshot: Snapshot): Promise<void> {
    // Serialised before the write lock is taken.
    const state = JSON.stringify(snapshot.state);
    await this.saveInTransaction([snapshot.streamId, snapshot.evolveVersion, snapshot.revision, snapshot.eventId, state]);
  }
}

/** Runs in the group commit's transaction (on its writer thread: self-contained, see `Procedure`). */
function saveSnapshotProcedure(
  sql: SqlContext,
  streamId: string,
  evolveVersion: number,
  revision: number,
  eventId: string,
  state: string,
): void {
  sql.prepare('DELETE FROM snapshots WHERE stream_id = ? AND evolve_version <> ?').run(streamId, evolveVersion);
  sql
    .prepare(
      `INSERT INTO snapshots (stream_id, evolve_version, revision, event_id, state) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (stream_id, evolve_version) DO UPDATE SET revision = excluded.revision, event_id = excluded.event_id, state = excluded.state
       WHERE excluded.revision > snapshots.revision`,
    )
    .run(streamId, evolveVersion, revision, eventId, state);
}
