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

export interface IdempotencyStore {
  find(key: string): Promise<IdempotencyRecord | null>;
  /** Keeps the first record for a key; a second save of the same key is ignored. */
  save(record: IdempotencyRecord): Promise<void>;
  close(): Promise<void>;
}
