import { DataKey, PersonalDataKeys } from './personal-data-keys.port';
import { ERASED, mayHoldSealedValue, openValue, SEALED_VALUE, sealValue, wholeSealedValue } from './sealed-value';

export type FieldPath = readonly string[];

export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

interface KnownKey {
  readonly key: Buffer | null;
  readonly at: number;
}

/** Most values kept opened per live key, and most keys that keep any (see `opened`). */
const MAX_OPENED_PER_KEY = 4_096;
const MAX_KEYS_WITH_OPENED = 10_000;

/**
 * Seals personal fields with the shop's key and reveals them again, or shows them as erased
 * once the key is destroyed. Keys are cached: a destroyed key forever (destruction cannot be
 * undone), a live one for `liveKeyTtlMs`, which bounds how long another process that shares
 * the key store may still reveal or seal with a key this one destroyed.
 */
export class PersonalDataVault {
  private readonly active = new Map<string, { readonly dataKey: DataKey; readonly at: number }>();
  private readonly known = new Map<string, KnownKey>();
  /**
   * Values already opened, per key id, with the key they were opened with: a read model answers the
   * same sealed handles on every query, and AES-GCM per value per answer was most of a status read's
   * reveal. An entry is used only while that very key is the one `findKey` answers (the same cached
   * Buffer), so it lives exactly as long as the cached key: refetched, destroyed or forgotten, the
   * key's opened values are dropped with it. Only primitives are kept (an object would be shared).
   */
  private readonly opened = new Map<string, { readonly key: Buffer; readonly values: Map<string, unknown> }>();
  private readonly liveKeyTtlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly keys: PersonalDataKeys,
    options: { readonly liveKeyTtlMs?: number; readonly now?: () => number } = {},
  ) {
    this.liveKeyTtlMs = options.liveKeyTtlMs ?? 2_000;
    this.now = options.now ?? Date.now;
  }

  /** A copy of `data` with the values at `paths` sealed with the shop's key; absent paths are skipped. */
  async sealFields<T extends object>(shopId: string, data: T, paths: readonly FieldPath[]): Promise<T> {
    if (paths.length === 0) return data;
    const { keyId, key } = await this.activeKey(shopId);
    const copy = structuredClone(data) as Record<string, unknown>;
    for (const path of paths) {
      let parent: Record<string, unknown> | undefined = copy;
      for (const step of path.slice(0, -1)) parent = isObject(parent?.[step]) ? parent[step] : undefined;
      const last = path[path.length - 1];
      if (parent === undefined || !(last in parent) || parent[last] === undefined) continue;
      const value = parent[last];
      // Already sealed (a value copied from an earlier event as stored): keep it as it is.
      if (typeof value === 'string' && wholeSealedValue(value) !== null) continue;
      parent[last] = sealValue(value, keyId, key);
    }
    return copy as T;
  }

  /**
   * `value` with every sealed value in it opened: a whole sealed string becomes the value it
   * held (a number stays a number), one inside a text is replaced by its text; values whose key
   * is destroyed read as ERASED. Anything without a sealed value is answered as it is.
   */
  async reveal<T>(value: T): Promise<T> {
    const keyIds = new Set<string>();
    collectKeyIds(value, keyIds);
    if (keyIds.size === 0) return value;
    const keys = new Map<string, Buffer | null>();
    await Promise.all([...keyIds].map(async (keyId) => keys.set(keyId, await this.findKey(keyId))));
    return replaceSealed(value, (keyId, payload) => this.open(keyId, payload, keys.get(keyId))) as T;
  }

  /** The value sealed in `payload` with this key (ERASED without one), opened once per cached key. */
  private open(keyId: string, payload: string, key: Buffer | null | undefined): unknown {
    if (key === null || key === undefined) return ERASED;
    let opened = this.opened.get(keyId);
    if (opened === undefined || opened.key !== key) {
      if (this.opened.size >= MAX_KEYS_WITH_OPENED) this.opened.clear();
      opened = { key, values: new Map() };
      this.opened.set(keyId, opened);
    }
    if (opened.values.has(payload)) return opened.values.get(payload);
    const value = openValue(keyId, payload, key);
    const result = value === undefined ? ERASED : value;
    if (typeof result !== 'object' || result === null) {
      if (opened.values.size >= MAX_OPENED_PER_KEY) opened.values.clear();
      opened.values.set(payload, result);
    }
    return result;
  }

  /** Destroys the shop's keys: its personal fields read as ERASED from now on, everywhere. */
  async forget(shopId: string): Promise<number> {
    const destroyed = await this.keys.destroyKeys(shopId);
    this.active.delete(shopId);
    // The cache does not know which key ids were this shop's: forget every live one, and what they opened.
    for (const [keyId, known] of this.known) if (known.key !== null) this.known.delete(keyId);
    this.opened.clear();
    return destroyed;
  }

  private async activeKey(shopId: string): Promise<DataKey> {
    const cached = this.active.get(shopId);
    if (cached !== undefined && this.now() - cached.at < this.liveKeyTtlMs) return cached.dataKey;
    const dataKey = await this.keys.activeKey(shopId);
    this.active.set(shopId, { dataKey, at: this.now() });
    return dataKey;
  }

  private async findKey(keyId: string): Promise<Buffer | null> {
    const cached = this.known.get(keyId);
    if (cached !== undefined && (cached.key === null || this.now() - cached.at < this.liveKeyTtlMs)) return cached.key;
    const key = await this.keys.findKey(keyId);
    if (this.known.size > 50_000) this.known.clear();
    this.known.set(keyId, { key, at: this.now() });
    // Values opened with the key as cached before are not kept beyond it.
    this.opened.delete(keyId);
    return key;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function collectKeyIds(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (!mayHoldSealedValue(value)) return;
    for (const match of value.matchAll(SEALED_VALUE)) into.add(match[1]);
  } else if (Array.isArray(value)) {
    for (const item of value) collectKeyIds(item, into);
  } else if (isObject(value) && !(value instanceof Date)) {
    for (const item of Object.values(value)) collectKeyIds(item, into);
  }
}

type Opener = (keyId: string, payload: string) => unknown;

function replaceSealed(value: unknown, open: Opener): unknown {
  if (typeof value === 'string') {
    if (!mayHoldSealedValue(value)) return value;
    const whole = wholeSealedValue(value);
    if (whole !== null) return open(whole.keyId, whole.payload);
    return value.replace(SEALED_VALUE, (_all, keyId: string, payload: string) => {
      const plain = open(keyId, payload);
      return typeof plain === 'string' ? plain : JSON.stringify(plain);
    });
  }
  if (Array.isArray(value)) return value.map((item) => replaceSealed(item, open));
  if (isObject(value) && !(value instanceof Date)) {
    const copy: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) copy[name] = replaceSealed(item, open);
    return copy;
  }
  return value;
}
