import { ERASED, sealValue } from './sealed-value';
import { PersonalDataVault } from './personal-data-vault';
import { InMemoryPersonalDataKeys } from './testing/in-memory-personal-data-keys';

describe('PersonalDataVault', () => {
  it('seals the named fields only, and reveals them with their JSON type, whole or inside a text', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonalDataKeys());
    const data = { shopId: 's-1', profile: { handle: 'brand', ownerAge: 34, followers: 10 }, role: 'official' };
    const sealed = await vault.sealFields('s-1', data, [
      ['profile', 'handle'],
      ['profile', 'ownerAge'],
      ['absent', 'field'],
    ]);
    expect(sealed.profile.followers).toBe(10);
    expect(sealed.profile.handle).toMatch(/^⟦pd1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+⟧$/);
    expect(JSON.stringify(sealed)).not.toContain('brand');
    // The age must not appear as a value (random ciphertext may well contain the digits "34").
    expect(sealed.profile.ownerAge).toMatch(/^⟦pd1:[A-Za-z0-9_-]+:[A-Za-z0-9_-]+⟧$/);
    expect(JSON.stringify(sealed)).not.toMatch(/"ownerAge":34\b/);
    expect(data.profile.handle).toBe('brand');
    expect(await vault.reveal(sealed)).toEqual(data);
    const summary = { summary: `Official account @${sealed.profile.handle} linked`, list: [sealed.profile.ownerAge] };
    expect(await vault.reveal(summary)).toEqual({ summary: 'Official account @brand linked', list: [34] });
  });

  it('keeps an already sealed value as it is (a handle copied from an earlier event)', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonalDataKeys());
    const first = await vault.sealFields('s-1', { handle: 'brand' }, [['handle']]);
    expect(await vault.sealFields('s-1', first, [['handle']])).toEqual(first);
  });

  it('shows every value of a forgotten shop as erased, for good, and leaves other shops readable', async () => {
    const keys = new InMemoryPersonalDataKeys();
    const vault = new PersonalDataVault(keys);
    const a = await vault.sealFields('s-a', { handle: 'alice' }, [['handle']]);
    const b = await vault.sealFields('s-b', { handle: 'bob' }, [['handle']]);
    expect(await vault.reveal([a, b])).toEqual([{ handle: 'alice' }, { handle: 'bob' }]);
    expect(await vault.forget('s-a')).toBe(1);
    expect(await vault.reveal([a, b, `text with ${a.handle}`])).toEqual([{ handle: ERASED }, { handle: 'bob' }, `text with ${ERASED}`]);
    // A vault of another process, with a fresh cache, agrees.
    expect(await new PersonalDataVault(keys).reveal(a)).toEqual({ handle: ERASED });
    // New personal data of that shop gets a new key, readable until forgotten again.
    const later = await vault.sealFields('s-a', { handle: 'alice2' }, [['handle']]);
    expect(await vault.reveal(later)).toEqual({ handle: 'alice2' });
  });

  it('never opens a value with another key id, an altered payload, or a forged token', async () => {
    const keys = new InMemoryPersonalDataKeys();
    const vault = new PersonalDataVault(keys);
    const { keyId, key } = await keys.activeKey('s-1');
    const other = await keys.activeKey('s-2');
    const genuine = sealValue('secret', keyId, key);
    const movedToOtherKey = genuine.replace(keyId, other.keyId);
    const payload = genuine.slice(genuine.lastIndexOf(':') + 1, -1);
    const flipped = genuine.replace(payload, (payload[0] === 'A' ? 'B' : 'A') + payload.slice(1));
    expect(await vault.reveal([genuine, movedToOtherKey, flipped, '⟦pd1:unknownkey:AAAAAAAAAAAAAAAAAAAAAAAAAAAA⟧'])).toEqual([
      'secret',
      ERASED,
      ERASED,
      ERASED,
    ]);
  });

  it('answers values without sealed data as they are, the same object', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonalDataKeys());
    const plain = { a: 1, b: ['x', { c: null }] };
    expect(await vault.reveal(plain)).toBe(plain);
  });

  it('keeps opened values only as long as the key they were opened with: another process forgetting is seen once the key is refetched', async () => {
    const keys = new InMemoryPersonalDataKeys();
    let now = 0;
    const vault = new PersonalDataVault(keys, { liveKeyTtlMs: 2_000, now: () => now });
    const sealed = await vault.sealFields('s-1', { handle: 'alice', ownerAge: 34 }, [['handle'], ['ownerAge']]);
    expect(await vault.reveal(sealed)).toEqual({ handle: 'alice', ownerAge: 34 });
    expect(await vault.reveal(sealed)).toEqual({ handle: 'alice', ownerAge: 34 }); // from the opened values
    await new PersonalDataVault(keys).forget('s-1'); // another process
    now += 1_999;
    expect(await vault.reveal(sealed)).toEqual({ handle: 'alice', ownerAge: 34 }); // its key still cached, as before
    now += 1;
    expect(await vault.reveal(sealed)).toEqual({ handle: ERASED, ownerAge: ERASED });
    const later = await vault.sealFields('s-2', { handle: 'bob' }, [['handle']]);
    expect(await vault.reveal(later)).toEqual({ handle: 'bob' });
    await vault.forget('s-2'); // this process: at once
    expect(await vault.reveal(later)).toEqual({ handle: ERASED });
  });
});
