import { Position } from '@shoplink/event-store';

export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

export type Document = { [key: string]: unknown };

/** One document to write (or delete, when `doc` is null) as part of a checkpointed batch. */
export interface DocumentWrite {
  readonly collection: string;
  readonly id: string;
  readonly doc: Document | null;
  /**
   * Optional, with a `doc`: the top-level fields in which `doc` differs from the stored document,
   * which exists and has the same fields in the same order. The store may then write only these
   * fields (SQLite json_set, MongoDB $set on the stored object) rather than the whole document, so a
   * commit costs what changed, not what the document has accumulated; either way the stored
   * document reads back as `doc`. Fields not listed must be equal to the stored ones; an empty list
   * means nothing changed.
   */
  readonly changedFields?: readonly string[];
}

export interface Checkpoint {
  readonly position: Position;
  /** When the checkpointed event was created; lets health answers state lag in seconds. */
  readonly eventCreatedAt: Date;
}

/**
 * Where projections keep their documents. Every batch writes its documents and the
 * projector's checkpoint atomically, so a crash can neither skip nor double-apply an event.
 */
export interface ReadModelStore {
  /** The projector's checkpoint, or null when it has never run (or its tables were dropped). */
  getCheckpoint(projector: string): Promise<Checkpoint | null>;
  /**
   * Writes the documents and moves the checkpoint in one transaction. With `expected` (the
   * checkpoint position the batch continues from, null for none) it is fenced: when the stored
   * checkpoint differs, nothing is written and CheckpointMovedError is thrown.
   */
  commitBatch(projector: string, checkpoint: Checkpoint, writes: readonly DocumentWrite[], expected?: Position | null): Promise<void>;
  get(collection: string, id: string): Promise<Document | null>;
  /** Documents of a collection whose top-level `field` equals `value`, ordered by id. */
  findBy(collection: string, field: string, value: string | number | boolean, limit?: number): Promise<Document[]>;
  /** Every document of a collection ordered by id (for rebuild comparisons and small operational lists). */
  all(collection: string): Promise<Document[]>;
  /** Drops the projector's documents and checkpoint so it rebuilds from the start of the log. */
  reset(projector: string, collections: readonly string[]): Promise<void>;
  close(): Promise<void>;

  // --- rebuild-projections: switching a rebuilt copy in ---
  /**
   * In one transaction: the documents of `rebuilt.collections[i]` replace every document of
   * `live.collections[i]`, the rebuilt checkpoint replaces the live one (absent stays absent),
   * and the rebuilt projector is left with neither documents nor checkpoint. Readers see the
   * old documents or the new ones, never a mix; a live projector's next fenced commit fails
   * and it continues from the switched-in checkpoint.
   */
  replaceProjector(live: ProjectorTables, rebuilt: ProjectorTables): Promise<void>;

  // --- pages and indexes: history timelines and operational lists ---
  /**
   * One page of a collection: documents matching every `where` equality and the `range`,
   * ordered by `orderBy` then id, strictly after `after` (keyset pagination, so appends or
   * changes elsewhere never shift a page). Documents whose `orderBy` field is null or absent
   * are never returned. MongoDB: a filter of equalities/$in/$gt…, a sort on { field, _id }.
   */
  findPage(collection: string, query: PageQuery): Promise<DocumentPage>;
  /**
   * Declares indexes over top-level fields, in order; idempotent (create if absent). Queries
   * are correct without them, only slower. MongoDB: createIndex on the same fields.
   */
  ensureIndexes(indexes: readonly IndexDeclaration[]): Promise<void>;

  /**
   * Document writes this store skipped since the process started because the document was
   * larger than the store accepts (MongoDB: 16 MiB), so readiness can report them. Absent on
   * stores without such a limit. docs/production-path.md (Read-model documents over the size limit).
   */
  skippedDocuments?(): SkippedDocuments;
}

export interface SkippedDocument {
  readonly collection: string;
  readonly id: string;
  readonly bytes: number;
  readonly limitBytes: number;
  readonly at: Date;
}

export interface SkippedDocuments {
  readonly count: number;
  /** The most recent one. */
  readonly last: SkippedDocument | null;
}

/**
 * A JSON scalar a page query compares a top-level field with. Field names in page queries and indexes are identifiers
 * (letters, digits, `_`).
 */
export type FieldValue = string | number | boolean;

export interface PageQuery {
  /**
   * Every condition must hold. A value: the field equals it, with the same JSON type (the
   * string "1" never matches the number 1, nor 1 match true). An array: any of its values (all
   * of one type; empty matches nothing). null: the field is null or absent.
   */
  readonly where?: Readonly<Record<string, FieldValue | null | readonly FieldValue[]>>;
  /** At most one field within bounds; only documents whose field has the bounds' type match. */
  readonly range?: FieldRange;
  /** A top-level string or number field; ascending, ties broken by document id. */
  readonly orderBy: string;
  /** Start strictly after this key: a previous page's `next`. */
  readonly after?: PageKey | null;
  /** A positive integer. */
  readonly limit: number;
}

export interface FieldRange {
  readonly field: string;
  readonly gt?: string | number;
  readonly gte?: string | number;
  readonly lt?: string | number;
  readonly lte?: string | number;
}

/** Where a page ended: the last document's `orderBy` value and id. */
export interface PageKey {
  readonly value: string | number;
  readonly id: string;
}

export interface DocumentPage {
  readonly documents: Document[];
  /** The key to ask for the next page with; null when no further document matched when this page was read. */
  readonly next: PageKey | null;
}

/** An index a query needs: top-level fields of one collection, in order (equalities first, then the order field). */
export interface IndexDeclaration {
  readonly collection: string;
  readonly fields: readonly string[];
}

/** A projector's checkpoint name and its collections (for replaceProjector, matched by index). */
export interface ProjectorTables {
  readonly projector: string;
  readonly collections: readonly string[];
}
