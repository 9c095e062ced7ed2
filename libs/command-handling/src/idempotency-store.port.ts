export const IDEMPOTENCY_STORE = Symbol('IDEMPOTENCY_STORE');

/** The first answer given to a command, kept so a retry with the same key gets it again. */
export interface IdempotencyRecord {
  readonly key: string;
  /** Hash of what was asked (method, path, actor, body); another request under the same key is refused. */
  readonly requestHash: string;
  readonly statusCode: number;
  readonly body: unknown;
  readonly createdAt: Date;
}

/**
 * How long an answer is kept for retries: 30 days after it was given (`createdAt`). A retry is
 * expected within minutes or hours; a month covers a client's outage and a weekend's backlog with
 * room to spare. Older records are not found (a request with that key is run as a new one) and are
 * deleted: a TTL index on MongoDB, a bounded delete at most every few minutes on SQLite.
 * docs/production-path.md (Idempotency records) explains the choice.
 */
export const IDEMPOTENCY_RETENTION_MS = 30 * 86_400_000;

export interface IdempotencyStore {
  /** The record saved first under the key, unless it is older than the retention window (then null). */
  find(key: string): Promise<IdempotencyRecord | null>;
  /** Keeps the first record for a key; a second save of the same key is ignored. */
  save(record: IdempotencyRecord): Promise<void>;
  close(): Promise<void>;
}
