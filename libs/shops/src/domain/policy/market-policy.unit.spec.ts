import { DEFAULT_SHOP_POLICY } from '../shop-policy';
import { policyOfMarket } from './market-policy';
import { PolicyDocument } from './policy-document';
import { PolicyInForce } from './policy-in-force';

const DOCUMENT: PolicyDocument = {
  version: '7',
  defaults: DEFAULT_SHOP_POLICY,
  markets: {
    GB: { currency: 'GBP', overrides: {} },
    DE: {
      currency: 'EUR',
      overrides: { earliestUnlinkHours: 0, marketingLimit: { probation: { business: 2 } }, requiredScopes: { marketing: ['ads.manage'] } },
    },
  },
};

describe('policyOfMarket: the defaults with the market overrides laid over them', () => {
  it('changes only the leaves a market names, and replaces a list whole', () => {
    const de = policyOfMarket(DOCUMENT, 'DE');
    expect(de).toEqual({
      ...DEFAULT_SHOP_POLICY,
      earliestUnlinkHours: 0,
      marketingLimit: { probation: { individual: 0, business: 2 }, graduated: 4 },
      requiredScopes: { official: DEFAULT_SHOP_POLICY.requiredScopes.official, marketing: ['ads.manage'] },
    });
    // The defaults themselves are untouched.
    expect(DOCUMENT.defaults.marketingLimit.probation.business).toBe(1);
  });

  it('gives the defaults to a market without overrides, to a region that is no market, and to no region', () => {
    expect(policyOfMarket(DOCUMENT, 'GB')).toEqual(DEFAULT_SHOP_POLICY);
    expect(policyOfMarket(DOCUMENT, 'JP')).toBe(DEFAULT_SHOP_POLICY);
    expect(policyOfMarket(DOCUMENT, null)).toBe(DEFAULT_SHOP_POLICY);
    // An inherited name is not a market.
    expect(policyOfMarket(DOCUMENT, 'constructor')).toBe(DEFAULT_SHOP_POLICY);
  });
});

describe('PolicyInForce', () => {
  const inForce = new PolicyInForce(DOCUMENT);

  it('names its version, its defaults, and each market with its currency', () => {
    expect(inForce.version).toBe('7');
    expect(inForce.defaults).toBe(DEFAULT_SHOP_POLICY);
    expect(inForce.supportedMarkets).toEqual({ GB: 'GBP', DE: 'EUR' });
  });

  it('answers a market its merged numbers, the same object each time', () => {
    expect(inForce.forRegion('DE').earliestUnlinkHours).toBe(0);
    expect(inForce.forRegion('DE')).toBe(inForce.forRegion('DE'));
    expect(inForce.forRegion('GB').earliestUnlinkHours).toBe(24);
    expect(inForce.forRegion(null)).toBe(DEFAULT_SHOP_POLICY);
  });
});
