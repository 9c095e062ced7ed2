import { SqlContext, SqliteGroupCommit } from '@shoplink/sqlite';
import { JsonObject } from '../event-store.port';
import { Snapshot, SnapshotStore } from '../snapshot-store.port';

interface SnapshotRow {
  revision: number;
  event_id: string;
  event_hash: string | null;
  state: string;
}

/**
 * Snapshots beside the streams, in the events' own SQLite file: one row per stream and fold
 * version. Writes go through the event store's group commit (one writer connection, no lock
 * contention with appends) and need no durability of their own: a lost snapshot is rebuilt.
 */
export class SqliteSnapshotStore implements SnapshotStore {
  private readonly selectSnapshot;
  private readonly saveInTransaction: (args: [string, number, number, string, string | null, string]) => Promise<void>;

  constructor(private readonly groupCommit: SqliteGroupCommit) {
    const db = groupCommit.db;
    db.exec(`
      CREATE TABLE IF NOT EXISTS snapshots (
        stream_id      TEXT NOT NULL,
        evolve_version INTEGER NOT NULL,
        revision       INTEGER NOT NULL,
        event_id       TEXT NOT NULL,
        state          TEXT NOT NULL,
        event_hash     TEXT,
        PRIMARY KEY (stream_id, evolve_version)
      )`);
    addEventHashColumn(db);
    this.selectSnapshot = db.prepare<[string, number], SnapshotRow>(
      'SELECT revision, event_id, event_hash, state FROM snapshots WHERE stream_id = ? AND evolve_version = ?',
    );
    this.saveInTransaction = groupCommit.procedure('snapshots.save', saveSnapshotProcedure);
  }

  async load(streamId: string, evolveVersion: number): Promise<Snapshot | null> {
    const row = this.selectSnapshot.get(streamId, evolveVersion);
    if (row === undefined) return null;
    const snapshot = { streamId, evolveVersion, revision: row.revision, eventId: row.event_id, state: JSON.parse(row.state) as JsonObject };
    return row.event_hash === null ? snapshot : { ...snapshot, eventHash: row.event_hash };
  }

  async save(snapshot: Snapshot): Promise<void> {
    // Serialised before the write lock is taken.
    const state = JSON.stringify(snapshot.state);
    await this.saveInTransaction([
      snapshot.streamId,
      snapshot.evolveVersion,
      snapshot.revision,
      snapshot.eventId,
      snapshot.eventHash ?? null,
      state,
    ]);
  }
}

/** Runs in the group commit's transaction (on its writer thread: self-contained, see `Procedure`). */
function saveSnapshotProcedure(
  sql: SqlContext,
  streamId: string,
  evolveVersion: number,
  revision: number,
  eventId: string,
  eventHash: string | null,
  state: string,
): void {
  sql.prepare('DELETE FROM snapshots WHERE stream_id = ? AND evolve_version <> ?').run(streamId, evolveVersion);
  sql
    .prepare(
      `INSERT INTO snapshots (stream_id, evolve_version, revision, event_id, event_hash, state) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (stream_id, evolve_version) DO UPDATE SET
         revision = excluded.revision, event_id = excluded.event_id, event_hash = excluded.event_hash, state = excluded.state
       WHERE excluded.revision > snapshots.revision OR (snapshots.event_hash IS NULL AND excluded.event_hash IS NOT NULL)`,
    )
    .run(streamId, evolveVersion, revision, eventId, eventHash, state);
}

/**
 * Files made before snapshots recorded the hash of their last event get the column, empty: those
 * snapshots are then not used (the state is folded from the events) until a new one replaces them.
 * Another process may add it at the same moment, which is as good.
 */
function addEventHashColumn(db: SqliteGroupCommit['db']): void {
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(snapshots)').all();
  if (columns.some((column) => column.name === 'event_hash')) return;
  try {
    db.exec('ALTER TABLE snapshots ADD COLUMN event_hash TEXT');
  } catch (error) {
    if (!/duplicate column/i.test(error instanceof Error ? error.message : String(error))) throw error;
  }
}
