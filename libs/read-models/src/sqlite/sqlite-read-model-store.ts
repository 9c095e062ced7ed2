import { Position } from '@shoplink/event-store';
import { openSqliteDatabase, SqliteDatabase } from '@shoplink/sqlite';
import { Checkpoint, Document, DocumentWrite, ReadModelStore } from '../read-model-store.port';

interface CheckpointRow {
  commit_position: string;
  prepare_position: string;
  event_created_at: string;
}

/**
 * Read models in the embedded SQLite file: one table of JSON documents keyed by
 * (collection, id), one row of checkpoint per projector.
 *
 * Positions are stored as decimal text: they are unsigned 64-bit in KurrentDB, which
 * does not fit SQLite's signed INTEGER, and text keeps every digit.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: SqliteDatabase;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(filename: string) {
    this.db = openSqliteDatabase(filename);
    this.createSchema();
    this.statements = prepareStatements(this.db);
  }

  private createSchema(): void {
    // IMMEDIATE: connections opening a fresh file at once run this one after the other,
    // so none drops checkpoints that another has already written beside its new tables.
    this.db
      .transaction(() => {
        const documentsExist = this.db
          .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'read_model_documents'`)
          .get();
        // Operators rebuild read models by dropping their tables. A checkpoint that
        // outlived its documents would make every projector resume mid-log over an
        // empty collection, and the documents would never hold the early events again.
        if (!documentsExist) this.db.exec('DROP TABLE IF EXISTS read_model_checkpoints');
        this.db.exec(`
          CREATE TABLE IF NOT EXISTS read_model_documents (
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            doc TEXT NOT NULL CHECK (json_valid(doc)),
            PRIMARY KEY (collection, id)
          ) WITHOUT ROWID;
          CREATE TABLE IF NOT EXISTS read_model_checkpoints (
            projector TEXT PRIMARY KEY,
            commit_position TEXT NOT NULL,
            prepare_position TEXT NOT NULL,
            event_created_at TEXT NOT NULL
          );
        `);
      })
      .immediate();
  }

  async getCheckpoint(projector: string): Promise<Checkpoint | null> {
    const row = this.statements.selectCheckpoint.get(projector);
    if (!row) return null;
    const position: Position = { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
    return { position, eventCreatedAt: new Date(row.event_created_at) };
  }

  async commitBatch(projector: string, checkpoint: Checkpoint, writes: readonly DocumentWrite[]): Promise<void> {
    const { upsertDocument, deleteDocument, upsertCheckpoint } = this.statements;
    // IMMEDIATE takes the write lock up front, so the busy timeout applies instead of
    // a lock-upgrade failure halfway through when the event store is writing too.
    this.db
      .transaction(() => {
        for (const write of writes) {
          if (write.doc === null) deleteDocument.run(write.collection, write.id);
          else upsertDocument.run(write.collection, write.id, serializeDocument(write.doc));
        }
        upsertCheckpoint.run(
          projector,
          checkpoint.position.commit.toString(),
          checkpoint.position.prepare.toString(),
          checkpoint.eventCreatedAt.toISOString(),
        );
      })
      .immediate();
  }

  async get(collection: string, id: string): Promise<Document | null> {
    const row = this.statements.selectDocument.get(collection, id);
    return row ? parseDocument(row.doc) : null;
  }

  async findBy(collection: string, field: string, value: string | number | boolean, limit?: number): Promise<Document[]> {
    const path = topLevelPath(field);
    const params = { collection, path, limit: limit ?? -1 };
    // json_extract turns JSON true into 1, so the JSON type is compared too: a search
    // for the number 1 must not find `true`, nor a search for "1" find the number.
    const rows =
      typeof value === 'boolean'
        ? this.statements.findByBoolean.all({ ...params, value: value ? 'true' : 'false' })
        : typeof value === 'number'
          ? this.statements.findByNumber.all({ ...params, value })
          : this.statements.findByText.all({ ...params, value });
    return rows.map((row) => parseDocument(row.doc));
  }

  async all(collection: string): Promise<Document[]> {
    return this.statements.selectCollection.all(collection).map((row) => parseDocument(row.doc));
  }

  async reset(projector: string, collections: readonly string[]): Promise<void> {
    const { deleteCollection, deleteCheckpoint } = this.statements;
    this.db
      .transaction(() => {
        for (const collection of collections) deleteCollection.run(collection);
        deleteCheckpoint.run(projector);
      })
      .immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

type FindByParams = { collection: string; path: string; value: string | number; limit: number };
type DocRow = { doc: string };

function prepareStatements(db: SqliteDatabase) {
  const findBy = (typeCondition: string) =>
    db.prepare<FindByParams, DocRow>(
      `SELECT doc FROM read_model_documents
       WHERE collection = @collection AND ${typeCondition}
       ORDER BY id LIMIT @limit`,
    );
  return {
    selectCheckpoint: db.prepare<[string], CheckpointRow>(
      `SELECT commit_position, prepare_position, event_created_at FROM read_model_checkpoints WHERE projector = ?`,
    ),
    upsertCheckpoint: db.prepare<[string, string, string, string]>(
      `INSERT INTO read_model_checkpoints (projector, commit_position, prepare_position, event_created_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT (projector) DO UPDATE SET
         commit_position = excluded.commit_position,
         prepare_position = excluded.prepare_position,
         event_created_at = excluded.event_created_at`,
    ),
    deleteCheckpoint: db.prepare<[string]>(`DELETE FROM read_model_checkpoints WHERE projector = ?`),
    selectDocument: db.prepare<[string, string], DocRow>(
      `SELECT doc FROM read_model_documents WHERE collection = ? AND id = ?`,
    ),
    upsertDocument: db.prepare<[string, string, string]>(
      `INSERT INTO read_model_documents (collection, id, doc) VALUES (?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`,
    ),
    deleteDocument: db.prepare<[string, string]>(`DELETE FROM read_model_documents WHERE collection = ? AND id = ?`),
    selectCollection: db.prepare<[string], DocRow>(
      `SELECT doc FROM read_model_documents WHERE collection = ? ORDER BY id`,
    ),
    deleteCollection: db.prepare<[string]>(`DELETE FROM read_model_documents WHERE collection = ?`),
    findByText: findBy(`json_type(doc, @path) = 'text' AND json_extract(doc, @path) = @value`),
    findByNumber: findBy(`json_type(doc, @path) IN ('integer', 'real') AND json_extract(doc, @path) = @value`),
    findByBoolean: findBy(`json_type(doc, @path) = @value`),
  };
}

function parseDocument(text: string): Document {
  return JSON.parse(text) as Document;
}

/** `$."field"`: quoted, so a dot or bracket in the name is part of the key rather than a nested path. */
function topLevelPath(field: string): string {
  if (field.length === 0 || field.includes('"')) throw new Error(`Unsupported document field name: ${JSON.stringify(field)}`);
  return `$."${field}"`;
}

/**
 * JSON.stringify already refuses BigInt; it would silently turn NaN and Infinity into
 * null, which would not read back as written, so those are refused as well.
 */
function serializeDocument(doc: Document): string {
  return JSON.stringify(doc, (_key, value: unknown) => {
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new TypeError(`Document holds a number JSON cannot represent: ${value}`);
    }
    return value;
  });
}
