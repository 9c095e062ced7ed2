import { Position } from '@shoplink/event-store';
import { openSqliteDatabase, SqliteDatabase, typedStorageError } from '@shoplink/sqlite';
import { CheckpointMovedError } from '../read-model-store.errors';
import {
  Checkpoint,
  Document,
  DocumentPage,
  DocumentWrite,
  IndexDeclaration,
  PageQuery,
  ProjectorTables,
  ReadModelStore,
} from '../read-model-store.port';
import { SqliteDocumentPages } from './sqlite-document-pages';

interface CheckpointRow {
  commit_position: string;
  prepare_position: string;
  event_created_at: string;
}

export interface SqliteReadModelStoreOptions {
  /**
   * `NORMAL` for the service's live projector (a batch and its checkpoint commit together, so a
   * power cut loses only whole batches, projected again from the surviving checkpoint), and for
   * a connection that only builds a rebuilt copy (rebuild-projections): its
   * batches are not fsync'd one by one (WAL mode keeps the file safe from corruption), and
   * `replaceProjector` commits the switch at FULL, which makes everything before it durable
   * too. A crash before the switch loses only the copy, which the next rebuild starts afresh.
   * Default `FULL`: every commit is on disk when it returns.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /**
   * Runs each projector batch's commit at a moment when another writer on the same file is not in
   * a transaction (the event store's group commit, whose transactions run on a worker thread): this
   * thread then never sleeps in SQLite's busy handler waiting for that writer's fsync, nor makes it wait.
   */
  readonly writeGate?: { whenIdle<T>(work: () => T): Promise<T> };
}

/**
 * Read models in the embedded SQLite file: one table of JSON documents keyed by
 * (collection, id), one row of checkpoint per projector.
 *
 * Positions are stored as decimal text: they are unsigned 64-bit in KurrentDB, which
 * does not fit SQLite's signed INTEGER, and text keeps every digit.
 *
 * A collection's rows are stored under its own name unless `read_model_storage` says
 * otherwise: `replaceProjector` switches a rebuilt copy in by exchanging the stored names
 * of the live and the rebuilt collections (a few rows), however many documents they hold,
 * so the write lock is held for milliseconds and the appends of a running service never wait
 * on it. Every read resolves the stored name and reads the documents in one snapshot.
 */
export class SqliteReadModelStore implements ReadModelStore {
  private readonly db: SqliteDatabase;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly synchronous: 'FULL' | 'NORMAL';
  private readonly writeGate: { whenIdle<T>(work: () => T): Promise<T> } | null;
  /** Runs `read` in one read transaction (a snapshot), so a switch committed meanwhile is seen entirely or not at all. */
  private readonly inSnapshot: <T>(read: () => T) => T;
  /** The json_set statements of the field lists patched so far (a projection changes a few lists of fields). */
  private readonly patchStatements = new Map<string, PatchStatement>();

  constructor(filename: string, options: SqliteReadModelStoreOptions = {}) {
    this.db = openSqliteDatabase(filename);
    // The schema's CHECK (json_valid(doc)) stays for any other writer (the sqlite3 shell). This
    // connection writes only what serializeDocument made with JSON.stringify, which is valid JSON
    // by construction; parsing every document again cost about a fifth of a rebuild (measured:
    // the timeline's 290 MB per million events) and of every projector commit.
    this.db.pragma('ignore_check_constraints = ON');
    this.synchronous = options.synchronous ?? 'FULL';
    this.writeGate = options.writeGate ?? null;
    if (this.synchronous !== 'FULL') this.db.pragma(`synchronous = ${this.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
    this.createSchema();
    this.statements = prepareStatements(this.db);
    const snapshot = this.db.transaction((read: () => unknown) => read());
    this.inSnapshot = <T>(read: () => T): T => snapshot(read) as T;
  }

  private createSchema(): void {
    // IMMEDIATE: connections opening a fresh file at once run this one after the other,
    // so none drops checkpoints that another has already written beside its new tables.
    this.db
      .transaction(() => {
        const documentsExist = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'read_model_documents'`).get();
        // Operators rebuild read models by dropping their tables. A checkpoint that
        // outlived its documents would make every projector resume mid-log over an
        // empty collection, and the documents would never hold the early events again.
        if (!documentsExist)
          this.db.exec(
            'DROP TABLE IF EXISTS read_model_checkpoints; DROP TABLE IF EXISTS read_model_storage; DROP TABLE IF EXISTS read_model_indexes',
          );
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
          CREATE TABLE IF NOT EXISTS read_model_storage (
            collection TEXT PRIMARY KEY,
            stored_as TEXT NOT NULL
          );
          CREATE TABLE IF NOT EXISTS read_model_indexes (
            collection TEXT NOT NULL,
            fields TEXT NOT NULL,
            PRIMARY KEY (collection, fields)
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

  async commitBatch(
    projector: string,
    checkpoint: Checkpoint,
    writes: readonly DocumentWrite[],
    expected?: Position | null,
  ): Promise<void> {
    const { upsertDocument, deleteDocument, upsertCheckpoint } = this.statements;
    // IMMEDIATE takes the write lock up front, so the busy timeout applies instead of
    // a lock-upgrade failure halfway through when the event store is writing too.
    const commit = (): void =>
      this.db
        .transaction(() => {
          if (expected !== undefined) this.checkFence(projector, expected);
          const storedAs = this.storedNames();
          for (const write of writes) {
            if (write.doc === null) deleteDocument.run(storedAs(write.collection), write.id);
            else if (!this.patchDocument(storedAs(write.collection), write.id, write.doc, write.changedFields))
              upsertDocument.run(storedAs(write.collection), write.id, serializeDocument(write.doc));
          }
          upsertCheckpoint.run(
            projector,
            checkpoint.position.commit.toString(),
            checkpoint.position.prepare.toString(),
            checkpoint.eventCreatedAt.toISOString(),
          );
        })
        .immediate();
    try {
      if (this.writeGate) await this.writeGate.whenIdle(commit);
      else commit();
    } catch (error) {
      // A full disk or a malformed page as its typed error, so the projector's host can tell it from a bug.
      throw typedStorageError(error);
    }
  }

  /**
   * Sets only the changed top-level fields of a stored document (json_set, one statement per field
   * list), so a commit serialises what changed rather than everything the document holds. False when
   * it cannot (no field list, a name that is not a plain identifier, no stored document): the
   * caller writes the whole document.
   */
  private patchDocument(storedAs: string, id: string, doc: Document, fields: readonly string[] | undefined): boolean {
    if (fields === undefined || fields.length > MAX_PATCH_FIELDS || !fields.every(isPlainField)) return false;
    if (fields.length === 0) return true; // nothing changed
    const values = fields.map((field) => serializeValue(doc[field]));
    const sql = `UPDATE read_model_documents SET doc = json_set(doc, ${fields.map((f) => `'${topLevelPath(f)}', json(?)`).join(', ')}) WHERE collection = ? AND id = ?`;
    let statement = this.patchStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare<unknown[]>(sql);
      this.patchStatements.set(sql, statement);
    }
    return statement.run(...values, storedAs, id).changes === 1;
  }

  async get(collection: string, id: string): Promise<Document | null> {
    // One statement is one snapshot: the stored name and the document are read together, without a transaction around them.
    const row = this.statements.selectStoredDocument.get({ collection, id });
    return row ? parseDocument(row.doc) : null;
  }

  async findBy(collection: string, field: string, value: string | number | boolean, limit?: number): Promise<Document[]> {
    const path = topLevelPath(field);
    // json_extract turns JSON true into 1, so the JSON type is compared too: a search
    // for the number 1 must not find `true`, nor a search for "1" find the number.
    const rows = this.inSnapshot(() => {
      const params = { collection: this.storedAs(collection), path, limit: limit ?? -1 };
      return typeof value === 'boolean'
        ? this.statements.findByBoolean.all({ ...params, value: value ? 'true' : 'false' })
        : typeof value === 'number'
          ? this.statements.findByNumber.all({ ...params, value })
          : this.statements.findByText.all({ ...params, value });
    });
    return rows.map((row) => parseDocument(row.doc));
  }

  async all(collection: string): Promise<Document[]> {
    return this.inSnapshot(() => this.statements.selectCollection.all(this.storedAs(collection))).map((row) => parseDocument(row.doc));
  }

  async reset(projector: string, collections: readonly string[]): Promise<void> {
    const { deleteCollection, deleteCheckpoint } = this.statements;
    this.db
      .transaction(() => {
        for (const collection of collections) deleteCollection.run(this.storedAs(collection));
        deleteCheckpoint.run(projector);
      })
      .immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // --- rebuild-projections: switching a rebuilt copy in ---
  async replaceProjector(live: ProjectorTables, rebuilt: ProjectorTables): Promise<void> {
    if (live.collections.length !== rebuilt.collections.length) {
      throw new Error(`replaceProjector: ${live.collections.length} live collections but ${rebuilt.collections.length} rebuilt ones`);
    }
    const names = [...live.collections, ...rebuilt.collections];
    if (live.projector === rebuilt.projector || new Set(names).size !== names.length) {
      throw new Error('replaceProjector: the rebuilt projector and collections must differ from the live ones and from each other');
    }
    const { selectCheckpoint, deleteCheckpoint, upsertCheckpoint, selectIndexFields } = this.statements;
    // Every index declared for a live collection must serve its rebuilt copy once switched in.
    // A rebuild declares them before writing (cheap); any it did not know of is built here.
    this.pages.ensureIndexes(
      live.collections.flatMap((collection, i) =>
        selectIndexFields
          .all(collection)
          .map((row) => ({ collection: this.storedAs(rebuilt.collections[i]), fields: JSON.parse(row.fields) as string[] })),
      ),
    );
    // The switch itself: the live collections take the rebuilt copy's stored names and the
    // rebuilt ones the old live names, with the checkpoint. FULL, whatever this connection
    // uses, so the switch and every rebuilt batch before it are on disk when it returns.
    this.withSynchronousFull(() =>
      this.db
        .transaction(() => {
          live.collections.forEach((collection, i) => {
            const liveStoredAs = this.storedAs(collection);
            this.setStoredAs(collection, this.storedAs(rebuilt.collections[i]));
            this.setStoredAs(rebuilt.collections[i], liveStoredAs);
          });
          const checkpoint = selectCheckpoint.get(rebuilt.projector);
          deleteCheckpoint.run(live.projector);
          if (checkpoint)
            upsertCheckpoint.run(live.projector, checkpoint.commit_position, checkpoint.prepare_position, checkpoint.event_created_at);
          deleteCheckpoint.run(rebuilt.projector);
        })
        .immediate(),
    );
    // The old live documents, now under the rebuilt names, go in small transactions, so
    // the write lock is never held long. A new rebuild that has started writing (it has a
    // checkpoint) has already dropped them itself, and is left alone.
    const { deleteSomeOfCollection } = this.statements;
    for (const collection of rebuilt.collections) {
      for (;;) {
        const deleted = this.db
          .transaction(() =>
            selectCheckpoint.get(rebuilt.projector)
              ? 0
              : deleteSomeOfCollection.run({ collection: this.storedAs(collection), limit: CLEAR_CHUNK }).changes,
          )
          .immediate();
        if (deleted < CLEAR_CHUNK) break;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** The name a collection's rows are stored under (its own, unless a switch exchanged it). */
  private storedAs(collection: string): string {
    return this.statements.selectStoredAs.get(collection)?.stored_as ?? collection;
  }

  /** storedAs for many writes of one transaction, asking the table once per collection. */
  private storedNames(): (collection: string) => string {
    const known = new Map<string, string>();
    return (collection) => {
      let name = known.get(collection);
      if (name === undefined) known.set(collection, (name = this.storedAs(collection)));
      return name;
    };
  }

  private setStoredAs(collection: string, storedAs: string): void {
    if (storedAs === collection) this.statements.deleteStoredAs.run(collection);
    else this.statements.upsertStoredAs.run(collection, storedAs);
  }

  private withSynchronousFull<T>(work: () => T): T {
    if (this.synchronous === 'FULL') return work();
    this.db.pragma('synchronous = FULL');
    try {
      return work();
    } finally {
      this.db.pragma(`synchronous = ${this.synchronous}`);
    }
  }

  private checkFence(projector: string, expected: Position | null): void {
    const row = this.statements.selectCheckpoint.get(projector);
    const actual: Position | null = row ? { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) } : null;
    const same =
      actual === null || expected === null ? actual === expected : actual.commit === expected.commit && actual.prepare === expected.prepare;
    if (!same) throw new CheckpointMovedError(projector, expected, actual);
  }

  // --- pages and indexes: history timelines and operational lists (see sqlite-document-pages.ts) ---
  private pagesOnce: SqliteDocumentPages | null = null;

  private get pages(): SqliteDocumentPages {
    return (this.pagesOnce ??= new SqliteDocumentPages(this.db));
  }

  async findPage(collection: string, query: PageQuery): Promise<DocumentPage> {
    return this.inSnapshot(() => this.pages.findPage(this.storedAs(collection), query));
  }

  /** Indexes the rows where the collection is stored now; a rebuild declares them for its copy before writing it. */
  async ensureIndexes(indexes: readonly IndexDeclaration[]): Promise<void> {
    this.pages.ensureIndexes(indexes.map((index) => ({ ...index, collection: this.storedAs(index.collection) })));
    // Remembered per collection name, so a rebuilt copy switched in later gets the same indexes.
    for (const index of indexes) this.statements.insertIndexFields.run(index.collection, JSON.stringify(index.fields));
  }

  /** The query plan of a page query, so tests can prove it is served by an index. */
  explainPage(collection: string, query: PageQuery): string[] {
    return this.inSnapshot(() => this.pages.explain(this.storedAs(collection), query));
  }
}

/** Old documents removed per transaction after a switch. */
const CLEAR_CHUNK = 5_000;

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
    selectDocument: db.prepare<[string, string], DocRow>(`SELECT doc FROM read_model_documents WHERE collection = ? AND id = ?`),
    selectStoredDocument: db.prepare<[{ collection: string; id: string }], DocRow>(
      `SELECT doc FROM read_model_documents
       WHERE collection = COALESCE((SELECT stored_as FROM read_model_storage WHERE collection = @collection), @collection) AND id = @id`,
    ),
    upsertDocument: db.prepare<[string, string, string]>(
      `INSERT INTO read_model_documents (collection, id, doc) VALUES (?, ?, ?)
       ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc`,
    ),
    deleteDocument: db.prepare<[string, string]>(`DELETE FROM read_model_documents WHERE collection = ? AND id = ?`),
    selectCollection: db.prepare<[string], DocRow>(`SELECT doc FROM read_model_documents WHERE collection = ? ORDER BY id`),
    deleteCollection: db.prepare<[string]>(`DELETE FROM read_model_documents WHERE collection = ?`),
    deleteSomeOfCollection: db.prepare<{ collection: string; limit: number }>(
      `DELETE FROM read_model_documents WHERE collection = @collection
       AND id IN (SELECT id FROM read_model_documents WHERE collection = @collection ORDER BY id LIMIT @limit)`,
    ),
    selectStoredAs: db.prepare<[string], { stored_as: string }>(`SELECT stored_as FROM read_model_storage WHERE collection = ?`),
    upsertStoredAs: db.prepare<[string, string]>(
      `INSERT INTO read_model_storage (collection, stored_as) VALUES (?, ?) ON CONFLICT (collection) DO UPDATE SET stored_as = excluded.stored_as`,
    ),
    deleteStoredAs: db.prepare<[string]>(`DELETE FROM read_model_storage WHERE collection = ?`),
    selectIndexFields: db.prepare<[string], { fields: string }>(
      `SELECT fields FROM read_model_indexes WHERE collection = ? ORDER BY fields`,
    ),
    insertIndexFields: db.prepare<[string, string]>(`INSERT OR IGNORE INTO read_model_indexes (collection, fields) VALUES (?, ?)`),
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
 * null, which would not read back as written, so those are refused as well. The check
 * walks the document before a plain stringify: a replacer function would make JSON.stringify
 * leave its fast path, several times slower, and a rebuild serialises every document.
 */
function serializeDocument(doc: Document): string {
  assertFiniteNumbers(doc);
  return JSON.stringify(doc);
}

/** A field's value for json(?): undefined (a field the document lacks) is refused, as it would not read back. */
function serializeValue(value: unknown): string {
  if (value === undefined) throw new TypeError('A changed field must be present in the document');
  assertFiniteNumbers(value);
  return JSON.stringify(value);
}

type PatchStatement = ReturnType<SqliteDatabase['prepare']> & { run(...params: unknown[]): { changes: number } };

/** Past this many fields a patch is no cheaper than the document; and a statement's parameters stay few. */
const MAX_PATCH_FIELDS = 32;

/** Names that sit in a JSON path inside an SQL literal as they are. */
const isPlainField = (field: string): boolean => /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field);

function assertFiniteNumbers(value: unknown): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`Document holds a number JSON cannot represent: ${value}`);
  } else if (Array.isArray(value)) {
    for (const item of value) assertFiniteNumbers(item);
  } else if (typeof value === 'object' && value !== null) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
    for (const key in value) assertFiniteNumbers((value as Record<string, unknown>)[key]);
  }
}
