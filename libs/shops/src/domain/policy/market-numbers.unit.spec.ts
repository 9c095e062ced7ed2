import { DEFAULT_SHOP_POLICY } from '../shop-policy';
import {
  accountLinked,
  daysBefore,
  deactivateShop,
  given,
  graduatedShop,
  NOW,
  orderFulfilled,
  orderPlaced,
  registerShop,
  requestUnlink,
} from '../testing/shop.specification';
import { PolicyInForce } from './policy-in-force';

/** Germany waits for nothing: no unlink wait, no cooling period. Britain keeps the defaults. */
const POLICY = new PolicyInForce({
  version: 'markets-1',
  defaults: DEFAULT_SHOP_POLICY,
  markets: {
    GB: { currency: 'GBP', overrides: {} },
    DE: { currency: 'EUR', overrides: { earliestUnlinkHours: 0, deactivationCoolingDays: 0 } },
  },
});
const inMarket = (region: string) => ({ policy: POLICY.forRegion(region), supportedMarkets: POLICY.supportedMarkets });

describe("The decider applies the numbers of the shop's market", () => {
  it('a German shop may unlink an account linked an hour ago; a British one must wait 24 hours', () => {
    // accountLinked: linked 23 hours before NOW.
    const de = given(graduatedShop({ region: 'DE' }), accountLinked('acc-mkt', 'marketing')).when(requestUnlink('acc-mkt'), inMarket('DE'));
    expect(de.decide().map((event) => event.type)).toEqual(['UnlinkRequested']);
    given(graduatedShop({ region: 'GB' }), accountLinked('acc-mkt', 'marketing'))
      .when(requestUnlink('acc-mkt'), inMarket('GB'))
      .thenThrows('UNLINK_BLOCKED', ['TOO_SOON_AFTER_LINKING']);
  });

  it('a German shop may leave the moment its last order closed; a British one after 90 days', () => {
    const orders = (region: string) => [
      ...graduatedShop({ region }),
      orderPlaced('o-1', 100, daysBefore(NOW, 1)),
      orderFulfilled('o-1', NOW),
    ];
    expect(
      given(orders('DE'))
        .when(deactivateShop, inMarket('DE'))
        .decide()
        .map((event) => event.type),
    ).toEqual(['ShopDeactivated']);
    given(orders('GB')).when(deactivateShop, inMarket('GB')).thenThrows('DEACTIVATION_BLOCKED', ['COOLING_PERIOD']);
  });
});

describe('RegisterShop: only in a supported market, in its currency', () => {
  it('registers a shop in a listed market and its currency', () => {
    const decided = given()
      .when(registerShop({ region: 'DE', currency: 'EUR' }), { ...inMarket('DE') })
      .decide();
    expect(decided).toMatchObject([{ type: 'ShopRegistered', data: { region: 'DE', currency: 'EUR' } }]);
  });

  it('refuses a region the policy does not list (MARKET_NOT_SUPPORTED, REGION_NOT_SUPPORTED), naming the markets', () => {
    const refused = given()
      .when(registerShop({ region: 'FR', currency: 'EUR' }), { ...inMarket('FR') })
      .thenThrows('MARKET_NOT_SUPPORTED', ['REGION_NOT_SUPPORTED']);
    expect(refused.message).toBe('Region FR is not a supported market; the policy in force supports DE, GB');
    expect(refused.kind).toBe('rule');
  });

  it("refuses another currency than the market's (MARKET_NOT_SUPPORTED, CURRENCY_NOT_OF_MARKET)", () => {
    const refused = given()
      .when(registerShop({ region: 'GB', currency: 'EUR' }), { ...inMarket('GB') })
      .thenThrows('MARKET_NOT_SUPPORTED', ['CURRENCY_NOT_OF_MARKET']);
    expect(refused.message).toBe('Shops in GB trade in GBP, not EUR');
  });
});
