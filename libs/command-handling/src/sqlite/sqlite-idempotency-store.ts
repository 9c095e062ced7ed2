import { openSqliteDatabase, SqlContext, SqliteDatabase, SqliteGroupCommit } from '@shoplink/sqlite';
import { IDEMPOTENCY_RETENTION_MS, IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';

interface IdempotencyRow {
  key: string;
  request_hash: string;
  status_code: number;
  body: string | null;
  created_at: string;
}

export interface SqliteIdempotencyStoreOptions {
  /**
   * Write through this group commit (and its connection) instead of a connection of its own:
   * the event store's, when both live in one file, so a command's record is committed in the
   * same transaction, and with the same fsync, as other commands' events. The owner of the
   * group commit closes the connection.
   */
  readonly groupCommit?: SqliteGroupCommit;
  /** Records older than this are not found and are deleted (default IDEMPOTENCY_RETENTION_MS). */
  readonly retentionMs?: number;
  /** Least time between two deletions of expired records, run after a save (default 10 minutes; 0: after every save). */
  readonly pruneIntervalMs?: number;
}

/** Expired records deleted per pass: a save never waits on a long delete; a backlog goes over several passes. */
const PRUNE_BATCH = 1_000;

/**
 * The first answer to each Idempotency-Key, kept in the embedded SQLite file for the retention
 * window (IDEMPOTENCY_RETENTION_MS): older records are not found, and a save deletes up to
 * PRUNE_BATCH of them at most every `pruneIntervalMs`.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: SqliteDatabase;
  private readonly groupCommit: SqliteGroupCommit;
  private readonly ownsConnection: boolean;
  private readonly selectRecord;
  private readonly insertRecord: (
    args: [string, string, number, string | null, string],
    options?: { savepoint?: boolean },
  ) => Promise<void>;
  private readonly deleteExpired: (args: [string, number], options?: { savepoint?: boolean }) => Promise<void>;
  private readonly retentionMs: number;
  private readonly pruneIntervalMs: number;
  private lastPruneAt = Number.NEGATIVE_INFINITY;

  constructor(filename: string, options: SqliteIdempotencyStoreOptions = {}) {
    this.ownsConnection = options.groupCommit === undefined;
    this.groupCommit = options.groupCommit ?? new SqliteGroupCommit(openSqliteDatabase(filename));
    this.db = this.groupCommit.db;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS idempotency_records (
        key TEXT PRIMARY KEY,
        request_hash TEXT NOT NULL,
        status_code INTEGER NOT NULL,
        body TEXT CHECK (body IS NULL OR json_valid(body)),
        created_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idempotency_records_created_at ON idempotency_records (created_at);
    `);
    this.retentionMs = options.retentionMs ?? IDEMPOTENCY_RETENTION_MS;
    this.pruneIntervalMs = options.pruneIntervalMs ?? 600_000;
    this.selectRecord = this.db.prepare<[string, string], IdempotencyRow>(
      `SELECT key, request_hash, status_code, body, created_at FROM idempotency_records WHERE key = ? AND created_at >= ?`,
    );
    this.insertRecord = this.groupCommit.procedure('idempotency.insert', insertRecordProcedure);
    this.deleteExpired = this.groupCommit.procedure('idempotency.deleteExpired', deleteExpiredProcedure);
  }

  async find(key: string): Promise<IdempotencyRecord | null> {
    // ISO-8601 UTC text (toISOString) sorts as the instants it names.
    const row = this.selectRecord.get(key, this.expiredBefore());
    if (!row) return null;
    return {
      key: row.key,
      requestHash: row.request_hash,
      statusCode: row.status_code,
      // SQL NULL stands for an answer without a body; JSON null is stored as the text 'null'.
      body: row.body === null ? undefined : JSON.parse(row.body),
      createdAt: new Date(row.created_at),
    };
  }

  async save(record: IdempotencyRecord): Promise<void> {
    const body = record.body === undefined ? null : JSON.stringify(record.body);
    // One statement: no savepoint needed. Resolves once the shared transaction is durable.
    await this.insertRecord([record.key, record.requestHash, record.statusCode, body, record.createdAt.toISOString()], {
      savepoint: false,
    });
    if (Date.now() - this.lastPruneAt >= this.pruneIntervalMs) {
      this.lastPruneAt = Date.now();
      await this.deleteExpired([this.expiredBefore(), PRUNE_BATCH], { savepoint: false });
    }
  }

  private expiredBefore(): string {
    return new Date(Date.now() - this.retentionMs).toISOString();
  }

  async close(): Promise<void> {
    if (!this.ownsConnection || !this.db.open) return;
    await this.groupCommit.close();
    this.db.close();
  }
}

/** Runs in the group commit's transaction (on its writer thread: self-contained, see `Procedure`). */
function insertRecordProcedure(
  sql: SqlContext,
  key: string,
  requestHash: string,
  statusCode: number,
  body: string | null,
  createdAt: string,
): void {
  // OR IGNORE: two retries racing with the same key both get an answer, and the one
  // stored (and replayed from then on) is the first, as the port promises.
  sql
    .prepare('INSERT OR IGNORE INTO idempotency_records (key, request_hash, status_code, body, created_at) VALUES (?, ?, ?, ?, ?)')
    .run(key, requestHash, statusCode, body, createdAt);
}

/** Runs in the group commit's transaction: deletes up to `limit` records older than `before` (oldest first). */
function deleteExpiredProcedure(sql: SqlContext, before: string, limit: number): void {
  sql
    .prepare(
      'DELETE FROM idempotency_records WHERE key IN (SELECT key FROM idempotency_records WHERE created_at < ? ORDER BY created_at LIMIT ?)',
    )
    .run(before, limit);
}
