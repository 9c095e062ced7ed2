import { openSqliteDatabase, SqlContext, SqliteDatabase, SqliteGroupCommit } from '@shoplink/sqlite';
import { IdempotencyRecord, IdempotencyStore } from '../idempotency-store.port';

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
}

/** The first answer to each Idempotency-Key, kept in the embedded SQLite file. */
export class SqliteIdempotencyStore implements IdempotencyStore {
  private readonly db: SqliteDatabase;
  private readonly groupCommit: SqliteGroupCommit;
  private readonly ownsConnection: boolean;
  private readonly selectRecord;
  private readonly insertRecord: (
    args: [string, string, number, string | null, string],
    options?: { savepoint?: boolean },
  ) => Promise<void>;

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
      )
    `);
    this.selectRecord = this.db.prepare<[string], IdempotencyRow>(
      `SELECT key, request_hash, status_code, body, created_at FROM idempotency_records WHERE key = ?`,
    );
    this.insertRecord = this.groupCommit.procedure('idempotency.insert', insertRecordProcedure);
  }

  async find(key: string): Promise<IdempotencyRecord | null> {
    const row = this.selectRecord.get(key);
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
