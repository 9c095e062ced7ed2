import { randomBytes } from 'node:crypto';
import { DataKey, PersonalDataKeys } from '../personal-data-keys.port';

/** For unit specs of code that seals and reveals; the real adapters pass the contract suite. */
export class InMemoryPersonalDataKeys implements PersonalDataKeys {
  private readonly keys = new Map<string, { shopId: string; key: Buffer | null }>();

  async activeKey(shopId: string): Promise<DataKey> {
    for (const [keyId, entry] of this.keys) if (entry.shopId === shopId && entry.key !== null) return { keyId, key: entry.key };
    const created = { keyId: randomBytes(9).toString('base64url'), key: randomBytes(32) };
    this.keys.set(created.keyId, { shopId, key: created.key });
    return created;
  }

  async findKey(keyId: string): Promise<Buffer | null> {
    return this.keys.get(keyId)?.key ?? null;
  }

  async destroyKeys(shopId: string): Promise<number> {
    let destroyed = 0;
    for (const entry of this.keys.values()) {
      if (entry.shopId !== shopId || entry.key === null) continue;
      entry.key = null;
      destroyed += 1;
    }
    return destroyed;
  }

  async close(): Promise<void> {}
}
