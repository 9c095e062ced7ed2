import { ERASED } from '@shoplink/personal-data';
import { ERASED_PERSONAL_VALUE } from '../domain/personal-data';
import { SHOP_PERSONAL_DATA } from './shop-personal-data-map';

describe('SHOP_PERSONAL_DATA', () => {
  it('erases with the value the vault shows, so a state folded over PersonalDataForgotten equals a replay of the erased log', () => {
    expect(ERASED_PERSONAL_VALUE).toBe(ERASED);
  });

  it("seals a shop stream's fields with that shop's key", () => {
    expect(SHOP_PERSONAL_DATA.ownerOf('shop-brand.one', {})).toBe('brand.one');
    expect(SHOP_PERSONAL_DATA.ownerOf('account-a-1', { shopId: 's-2' })).toBe('s-2');
    expect(SHOP_PERSONAL_DATA.ownerOf('account-a-1', {})).toBeNull();
  });
});
