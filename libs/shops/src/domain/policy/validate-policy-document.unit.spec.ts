import { DEFAULT_SHOP_POLICY } from '../shop-policy';
import { validatePolicyDocument } from './validate-policy-document';

const CODES = {
  isRegion: (code: string) => ['GB', 'DE', 'US'].includes(code),
  isCurrency: (code: string) => ['GBP', 'EUR', 'USD'].includes(code),
};
const valid = () => ({
  version: '2026-12-01',
  defaults: structuredClone(DEFAULT_SHOP_POLICY) as unknown as Record<string, unknown>,
  markets: { GB: { currency: 'GBP' }, DE: { currency: 'EUR', overrides: { minOwnerAge: 21, marketingLimit: { graduated: 6 } } } } as Record<
    string,
    unknown
  >,
});
const problemsOf = (raw: unknown): string[] => {
  const checked = validatePolicyDocument(raw, CODES);
  return checked.ok ? [] : checked.problems.map(({ field, problem }) => `${field}: ${problem}`);
};

describe('validatePolicyDocument', () => {
  it('accepts a complete file, giving every market its overrides (none when absent)', () => {
    const checked = validatePolicyDocument(valid(), CODES);
    expect(checked).toEqual({
      ok: true,
      document: {
        version: '2026-12-01',
        defaults: DEFAULT_SHOP_POLICY,
        markets: {
          GB: { currency: 'GBP', overrides: {} },
          DE: { currency: 'EUR', overrides: { minOwnerAge: 21, marketingLimit: { graduated: 6 } } },
        },
      },
    });
  });

  it('names every bad field at once, each with what was expected and what it got', () => {
    const raw = valid();
    raw.version = 'version 2';
    raw.defaults.earliestUnlinkHours = -1;
    raw.defaults.unlinkMaxWrongCodes = 0;
    raw.defaults.minFollowers = { official: 0, marketing: 1.5 };
    delete raw.defaults.deactivationCoolingDays;
    raw.defaults.requiredScopes = { official: ['user.info.basic', 'user.info.basic'], marketing: 'ads.manage' };
    raw.markets.ZZ = { currency: 'GBP' };
    raw.markets.US = { currency: 'QQQ', overrides: { earliestUnlinkHour: 0 } };
    expect(problemsOf(raw)).toEqual([
      'version: expected a text of 1 to 64 letters, digits, dots, dashes or underscores (e.g. "2026-12-01"), got "version 2"',
      'defaults.minFollowers.marketing: expected a whole number from 0 to 100000, got 1.5',
      'defaults.requiredScopes.official: expected each scope once',
      'defaults.requiredScopes.marketing: expected a list of scope names such as "user.info.basic", got "ads.manage"',
      'defaults.unlinkMaxWrongCodes: expected a whole number from 1 to 100000, got 0',
      'defaults.earliestUnlinkHours: expected a whole number from 0 to 100000, got -1',
      'defaults.deactivationCoolingDays: required',
      'markets.ZZ: expected an ISO 3166-1 alpha-2 region code such as GB',
      'markets.US.currency: expected an ISO 4217 currency code such as GBP, got "QQQ"',
      'markets.US.overrides.earliestUnlinkHour: unknown field; expected one of marketingLimit, minOwnerAge, violationLimit, minFollowers, authorizationWindowHours, requiredScopes, marketingLinksPerWindow, marketingLinkWindowDays, unlinkCodeValidityMinutes, unlinkMaxWrongCodes, earliestUnlinkHours, officialUnlinksEver, deactivationCoolingDays, stepUpWindowMinutes, accountClaimGraceSeconds',
    ]);
  });

  it('checks overrides with the same bounds as the defaults, but none of them is required', () => {
    const raw = valid();
    raw.markets.DE = { currency: 'EUR', overrides: { marketingLimit: { probation: { business: -2 } }, stepUpWindowMinutes: 0 } };
    expect(problemsOf(raw)).toEqual([
      'markets.DE.overrides.marketingLimit.probation.business: expected a whole number from 0 to 100000, got -2',
      'markets.DE.overrides.stepUpWindowMinutes: expected a whole number from 1 to 100000, got 0',
    ]);
  });

  it('refuses a file without markets, a market that is not an object, unknown top-level keys and non-objects', () => {
    expect(problemsOf({ ...valid(), markets: {} })).toEqual([
      'markets: expected an object naming at least one supported market, e.g. { "GB": { "currency": "GBP" } }',
    ]);
    expect(problemsOf({ ...valid(), markets: { GB: 'GBP' }, comment: 'x' })).toEqual([
      'comment: unknown field; expected one of version, defaults, markets',
      'markets.GB: expected an object with a currency and optional overrides',
    ]);
    expect(problemsOf([1, 2])).toEqual(['(file): expected a JSON object']);
    expect(problemsOf({ version: '1', markets: { GB: { currency: 'GBP' } } })).toEqual(['defaults: expected an object, got nothing']);
  });
});
