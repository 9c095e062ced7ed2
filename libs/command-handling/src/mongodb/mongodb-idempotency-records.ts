import { IDEMPOTENCY_RETENTION_MS, IdempotencyRecord } from '../idempotency-store.port';

export const IDEMPOTENCY_RECORDS = 'idempotency_records';

/**
 * An idempotency record as MongoDB holds it, keyed by the Idempotency-Key. The answer's body is
 * kept as JSON text, as on SQLite: it reads back exactly as it was given (JSON null apart from no
 * body at all, numbers as numbers), whatever BSON would make of it.
 */
export interface IdempotencyDocument {
  readonly _id: string;
  readonly requestHash: string;
  readonly statusCode: number;
  /** JSON text of the body; null for an answer without one. */
  readonly body: string | null;
  readonly createdAt: Date;
}

export function toIdempotencyDocument(record: IdempotencyRecord): IdempotencyDocument {
  return {
    _id: record.key,
    requestHash: record.requestHash,
    statusCode: record.statusCode,
    body: record.body === undefined ? null : JSON.stringify(record.body),
    createdAt: new Date(record.createdAt.getTime()),
  };
}

export function fromIdempotencyDocument(document: IdempotencyDocument): IdempotencyRecord {
  return {
    key: document._id,
    requestHash: document.requestHash,
    statusCode: document.statusCode,
    body: document.body === null ? undefined : JSON.parse(document.body),
    createdAt: new Date(document.createdAt),
  };
}

/** MongoDB's duplicate-key error: the key was saved first by another request, whose record stays. */
export function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}

/**
 * The TTL index that deletes records past the retention window (MongoDB's TTL monitor runs about
 * once a minute, so `find` also skips expired records not deleted yet). Changing the window on a
 * running deployment needs `collMod` (createIndex refuses another expireAfterSeconds under the same name).
 */
export function idempotencyTtlIndex(retentionMs: number = IDEMPOTENCY_RETENTION_MS): {
  key: { createdAt: 1 };
  options: { name: string; expireAfterSeconds: number };
} {
  if (!Number.isSafeInteger(retentionMs) || retentionMs < 1000)
    throw new Error(`retentionMs must be a whole number of ms >= 1000, got ${retentionMs}`);
  return { key: { createdAt: 1 }, options: { name: 'expire_after_retention', expireAfterSeconds: Math.floor(retentionMs / 1000) } };
}
