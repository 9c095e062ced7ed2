import { randomUUID } from 'node:crypto';
import { PersonalDataKeys } from '../personal-data-keys.port';

export interface PersonalDataKeysFixture {
  readonly keys: PersonalDataKeys;
  /** Another connection to the same keys (another API instance). */
  openAnother(): Promise<PersonalDataKeys>;
  cleanup(): Promise<void>;
}

/** What every key store promises crypto-shredding. Shop ids are fresh per test, so it runs against a shared server too. */
export function describePersonalDataKeysContract(name: string, create: () => Promise<PersonalDataKeysFixture>): void {
  describe(`PersonalDataKeys contract: ${name}`, () => {
    let fixture: PersonalDataKeysFixture;
    let keys: PersonalDataKeys;
    const shop = () => `shop-${randomUUID()}`;

    beforeEach(async () => {
      fixture = await create();
      keys = fixture.keys;
    });

    afterEach(async () => {
      await fixture.cleanup();
    });

    it('gives a shop one 256-bit key, the same on every call and every connection, and another shop another', async () => {
      const a = shop();
      const first = await keys.activeKey(a);
      expect(first.key).toHaveLength(32);
      expect(first.keyId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
      const other = await fixture.openAnother();
      expect(await other.activeKey(a)).toEqual(first);
      expect(await keys.findKey(first.keyId)).toEqual(first.key);
      const b = await keys.activeKey(shop());
      expect(b.keyId).not.toBe(first.keyId);
      expect(b.key.equals(first.key)).toBe(false);
    });

    it("agrees on one key when two connections create a new shop's key at once", async () => {
      const a = shop();
      const other = await fixture.openAnother();
      const created = await Promise.all([keys.activeKey(a), other.activeKey(a), keys.activeKey(a), other.activeKey(a)]);
      const live = await keys.activeKey(a);
      // Every caller may have sealed with the key it got, so each must stay findable until destroyed.
      for (const key of created) expect(await keys.findKey(key.keyId)).toEqual(key.key);
      expect(created.map((k) => k.keyId)).toContain(live.keyId);
    });

    it('destroys every key of the shop for good, idempotently, leaving other shops alone; a later key is a new one', async () => {
      const a = shop();
      const b = shop();
      const keyA = await keys.activeKey(a);
      const keyB = await keys.activeKey(b);
      expect(await keys.destroyKeys(a)).toBe(1);
      expect(await keys.findKey(keyA.keyId)).toBeNull();
      expect(await (await fixture.openAnother()).findKey(keyA.keyId)).toBeNull();
      expect(await keys.destroyKeys(a)).toBe(0);
      expect(await keys.findKey(keyB.keyId)).toEqual(keyB.key);
      const again = await keys.activeKey(a);
      expect(again.keyId).not.toBe(keyA.keyId);
      expect(await keys.findKey(keyA.keyId)).toBeNull();
    });

    it('finds nothing for an unknown key id', async () => {
      expect(await keys.findKey('unknown-key-id')).toBeNull();
    });
  });
}
