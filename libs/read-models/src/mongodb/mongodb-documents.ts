import { Position } from '@shoplink/event-store';
import { BSON, ObjectId } from 'mongodb';
import { Checkpoint, Document } from '../read-model-store.port';

/**
 * How read models sit in MongoDB, as pure functions (unit-tested without a server in
 * mongodb-documents.unit.spec.ts). Three MongoDB collections in the configured database:
 *
 * - `read_model_documents`: every document of every read-model collection, `{ c, i, d }`
 *   (stored collection name, document id, the document), unique on (c, i). One MongoDB collection
 *   rather than one per read-model collection, because a projector's batch writes several
 *   collections and its checkpoint in one transaction, and a rebuild is switched in by renaming
 *   (see `read_model_storage`), which MongoDB's renameCollection cannot do inside a transaction.
 * - `read_model_checkpoints`: one record per projector; positions as decimal strings, because
 *   KurrentDB positions are unsigned 64-bit and BSON's long is signed.
 * - `read_model_storage`: under which stored name a collection's documents are (its own unless a
 *   rebuild was switched in), as the SQLite adapter does.
 */
export const DOCUMENTS = 'read_model_documents';
export const CHECKPOINTS = 'read_model_checkpoints';
export const STORAGE = 'read_model_storage';

export interface StoredDocument {
  /** The stored collection name (see read_model_storage). */
  readonly c: string;
  readonly i: string;
  readonly d: Document;
}

export interface CheckpointRecord {
  readonly _id: string;
  readonly commit: string;
  readonly prepare: string;
  readonly eventCreatedAt: Date;
}

export interface StorageRecord {
  readonly _id: string;
  readonly storedAs: string;
}

export function checkpointToRecord(projector: string, checkpoint: Checkpoint): CheckpointRecord {
  return {
    _id: projector,
    commit: checkpoint.position.commit.toString(10),
    prepare: checkpoint.position.prepare.toString(10),
    eventCreatedAt: new Date(checkpoint.eventCreatedAt.getTime()),
  };
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

export function checkpointFromRecord(record: CheckpointRecord): Checkpoint {
  if (!DECIMAL.test(record.commit) || !DECIMAL.test(record.prepare)) {
    throw new Error(`Checkpoint of ${record._id} holds a position that is not two decimal numbers: ${record.commit}/${record.prepare}`);
  }
  return { position: { commit: BigInt(record.commit), prepare: BigInt(record.prepare) }, eventCreatedAt: new Date(record.eventCreatedAt) };
}

export function positionOfRecord(record: CheckpointRecord | null): Position | null {
  return record ? checkpointFromRecord(record).position : null;
}

export function samePosition(a: Position | null, b: Position | null): boolean {
  return a === null || b === null ? a === b : a.commit === b.commit && a.prepare === b.prepare;
}

/**
 * The document as it will read back: exactly what JSON keeps, as the SQLite adapter stores it
 * (undefined fields dropped, Dates and other toJSON values as their JSON). Refused, before any
 * write, are values JSON cannot hold (BigInt, which BSON would otherwise store as a long) and
 * numbers JSON would silently turn into null (NaN, Infinity).
 */
export function toStoredDocument(doc: Document): Document {
  assertFiniteNumbers(doc);
  return JSON.parse(JSON.stringify(doc)) as Document;
}

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

/** The stored name a collection's documents are under: its own unless read_model_storage says otherwise. */
export function storedNamesOf(collections: readonly string[], records: readonly StorageRecord[]): Map<string, string> {
  const mapped = new Map(records.map((record) => [record._id, record.storedAs]));
  return new Map(collections.map((collection) => [collection, mapped.get(collection) ?? collection]));
}

/** Checks replaceProjector's arguments as the SQLite adapter does. */
export function checkReplaceable(
  live: { projector: string; collections: readonly string[] },
  rebuilt: { projector: string; collections: readonly string[] },
): void {
  if (live.collections.length !== rebuilt.collections.length) {
    throw new Error(`replaceProjector: ${live.collections.length} live collections but ${rebuilt.collections.length} rebuilt ones`);
  }
  const names = [...live.collections, ...rebuilt.collections];
  if (live.projector === rebuilt.projector || new Set(names).size !== names.length) {
    throw new Error('replaceProjector: the rebuilt projector and collections must differ from the live ones and from each other');
  }
}

/** MongoDB's limit on one document (the driver refuses a larger one before sending it). */
export const MONGODB_MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

const SIZE_PROBE_ID = new ObjectId('000000000000000000000000');

/** The BSON size of a document as stored in read_model_documents: { _id, c, i, d }. */
export function storedDocumentBytes(c: string, i: string, d: Document): number {
  return BSON.calculateObjectSize({ _id: SIZE_PROBE_ID, c, i, d });
}

/** Past this many fields a patch is no cheaper than the document. */
const MAX_PATCH_FIELDS = 32;

/**
 * The `$set` of a write that lists its changed fields (`DocumentWrite.changedFields`), over the
 * stored object `d`, from the encoded document; null when the write is not a patch (no list, too
 * many fields, or a name that is not a plain identifier, since `.` and `$` mean paths and operators).
 * Empty when nothing changed.
 */
export function storedPatchOf(encoded: Document, fields: readonly string[] | undefined): Record<string, unknown> | null {
  if (fields === undefined || fields.length > MAX_PATCH_FIELDS) return null;
  if (!fields.every((field) => /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(field) && field in encoded)) return null;
  return Object.fromEntries(fields.map((field) => [`d.${field}`, encoded[field]]));
}
