export const PERSONAL_DATA_KEYS = Symbol('PERSONAL_DATA_KEYS');

/** A shop's data key: AES-256, named by an id that sealed values carry. */
export interface DataKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * Per-shop encryption keys for personal fields (crypto-shredding). Destroying a shop's keys
 * makes every personal field sealed with them unreadable for good, without touching the event
 * log: history stays append-only and its hash chains stay valid.
 */
export interface PersonalDataKeys {
  /** The shop's live key, created on first use. After destroyKeys, a new key (a new id). */
  activeKey(shopId: string): Promise<DataKey>;
  /** The key with this id; null when it was destroyed (or never existed). */
  findKey(keyId: string): Promise<Buffer | null>;
  /** Destroys every key of the shop so that its bytes are gone from storage; answers how many were live. Idempotent. */
  destroyKeys(shopId: string): Promise<number>;
  close(): Promise<void>;
}
