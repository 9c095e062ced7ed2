import { foldShop } from '../evolve-shop';
import { RegisteredShop } from '../shop.state';
import {
  given,
  graduatedShop,
  individualShop,
  NOW,
  OWNER,
  pastMarketingLinks,
  registerShop,
  requestLink,
  SHOP_ID,
  validProfile,
} from './shop.specification';

/** The helper must fail loudly, or every spec written with it could pass by accident. */
describe('shop specification helper', () => {
  it('then fails when the decided events differ', () => {
    expect(() => given().when(registerShop()).then([])).toThrow();
  });

  it('thenThrows fails when the command succeeds', () => {
    expect(() => given().when(registerShop()).thenThrows('SHOP_NOT_FOUND')).toThrow(/to be refused with SHOP_NOT_FOUND/);
  });

  it('thenThrows fails on another code or other details', () => {
    const when = given().when(requestLink('acc-1', 'official'));
    expect(() => when.thenThrows('FORBIDDEN_ROLE')).toThrow();
    expect(() => given(individualShop()).when(registerShop()).thenThrows('SHOP_ALREADY_REGISTERED', ['X'])).toThrow();
  });

  it('thenThrows fails on an error that is not a ShopRuleViolation', () => {
    expect(() => given(individualShop()).when(requestLink('acc-1', 'official'), { account: undefined }).thenThrows('ANY')).toThrow();
  });

  it('defaults: fixed clock, owner as actor', () => {
    const [event] = given().when(registerShop()).decide();
    expect(event).toMatchObject({ data: { registeredAt: NOW.toISOString(), ownerMemberId: OWNER.id } });
  });

  it('builders: graduated business shop, valid profile, past links', () => {
    const shop = foldShop(graduatedShop()) as RegisteredShop;
    expect(shop).toMatchObject({ shopId: SHOP_ID, kind: 'business', stage: 'graduated', verification: 'verified' });
    expect(validProfile()).toMatchObject({ kind: 'business', ownerAge: 34, region: shop.region, followers: 5000, recentViolations: 0 });
    const standing = pastMarketingLinks(3, 2);
    expect(standing.recentLinks.map((l) => l.linkedAt)).toEqual([
      '2025-02-25T10:00:00.000Z',
      '2025-02-26T10:00:00.000Z',
      '2025-02-27T10:00:00.000Z',
    ]);
  });
});
