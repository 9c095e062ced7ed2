import { entryOf, idTable, withEntry, withoutEntry } from './id-table';
import { evolveShop, foldShop, foldShopInPlace } from './evolve-shop';
import { RegisteredShop, ShopState, shopStateFromSnapshot } from './shop.state';
import { accessGranted, graduatedShop, orderPlaced } from './testing/shop.specification';

const BUILT_INS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'prototype', 'isPrototypeOf'];

const registered = (state: ShopState): RegisteredShop => {
  if (!state.registered) throw new Error('expected a registered shop');
  return state;
};

describe('id tables: ids named like Object.prototype members are ordinary ids', () => {
  it.each(BUILT_INS)('%s reads as absent until it is recorded, then as its entry', (id) => {
    const empty = idTable<string>();
    expect(entryOf(empty, id)).toBeUndefined();
    const one = withEntry(empty, id, 'open');
    expect(entryOf(one, id)).toBe('open');
    expect(Object.keys(one)).toEqual([id]);
    expect(Object.getPrototypeOf(one)).toBeNull();
    expect(Object.keys(withoutEntry(one, id))).toEqual([]);
  });

  it.each(BUILT_INS)('an order or member named %s is kept as an entry, folded in place or copied', (id) => {
    const history = [...graduatedShop(), orderPlaced(id), accessGranted(id, 'viewer')];
    for (const shop of [registered(foldShop(history)), registered(foldShopInPlace(foldShop([]), history))]) {
      expect(Object.keys(shop.orders)).toEqual([id]);
      expect(entryOf(shop.orders, id)).toBe('awaiting_fulfilment');
      expect(entryOf(shop.members, id)).toBe('viewer');
      expect(entryOf(shop.incidents, id)).toBeUndefined();
      expect(Object.getPrototypeOf(shop.orders)).toBeNull();
    }
  });

  it('a snapshot (JSON) round-trips, and its tables get back their null prototype', () => {
    const shop = registered(foldShop([...graduatedShop(), orderPlaced('__proto__'), orderPlaced('o-2')]));
    const parsed = registered(shopStateFromSnapshot(JSON.parse(JSON.stringify(shop)) as ShopState));
    expect(parsed).toEqual(shop);
    expect(Object.keys(parsed.orders)).toEqual(['__proto__', 'o-2']);
    expect(Object.getPrototypeOf(parsed.links)).toBeNull();
    // Folding in place onto the parsed state adds an entry, never replaces a prototype.
    const next = registered(foldShopInPlace(parsed, [orderPlaced('constructor')]));
    expect(Object.keys(next.orders)).toEqual(['__proto__', 'o-2', 'constructor']);
    expect(registered(evolveShop(next, accessGranted('__proto__', 'viewer'))).members).toEqual(
      expect.objectContaining({ ['__proto__']: 'viewer' }),
    );
  });
});
