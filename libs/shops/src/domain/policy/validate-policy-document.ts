import { PolicyDocument, POLICY_VERSION_PATTERN } from './policy-document';

/** One thing wrong with a policy file: where (a dotted path such as `markets.GB.overrides.minOwnerAge`) and what. */
export interface PolicyProblem {
  readonly field: string;
  readonly problem: string;
}

/** Which codes are real: the edge owns the ISO lists, the domain only asks. */
export interface PolicyCodeLists {
  isRegion(code: string): boolean;
  isCurrency(code: string): boolean;
}

export type PolicyValidation =
  { readonly ok: true; readonly document: PolicyDocument } | { readonly ok: false; readonly problems: PolicyProblem[] };

type FieldSpec =
  | { readonly kind: 'count'; readonly min: number }
  | { readonly kind: 'scopes' }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, FieldSpec>> };

/** Large enough for any real rule (274 years in days), small enough that every date computed from it exists. */
const MAX_NUMBER = 100_000;

const count = (min = 0): FieldSpec => ({ kind: 'count', min });
const object = (fields: Record<string, FieldSpec>): FieldSpec => ({ kind: 'object', fields });

/**
 * Every number of ShopPolicy and its bounds. A zero is allowed where it means "no wait" or "none"
 * (unlink after linking, cooling period, follower minimums); windows a request must be answered in
 * and attempt counts start at 1, since zero would make the step impossible.
 */
const NUMBERS = object({
  marketingLimit: object({ probation: object({ individual: count(), business: count() }), graduated: count() }),
  minOwnerAge: count(),
  violationLimit: count(),
  minFollowers: object({ official: count(), marketing: count() }),
  authorizationWindowHours: count(1),
  requiredScopes: object({ official: { kind: 'scopes' }, marketing: { kind: 'scopes' } }),
  marketingLinksPerWindow: count(),
  marketingLinkWindowDays: count(1),
  unlinkCodeValidityMinutes: count(1),
  unlinkMaxWrongCodes: count(1),
  earliestUnlinkHours: count(),
  officialUnlinksEver: count(),
  deactivationCoolingDays: count(),
  stepUpWindowMinutes: count(1),
  accountClaimGraceSeconds: count(1),
});

/**
 * Checks a parsed policy file against its schema and names every problem at once, so an operator
 * fixes the file in one go. Unknown keys are problems too: a misspelt override would otherwise be
 * ignored in silence and the default applied.
 */
export function validatePolicyDocument(raw: unknown, codes: PolicyCodeLists): PolicyValidation {
  const problems: PolicyProblem[] = [];
  const add = (field: string, problem: string) => problems.push({ field, problem });
  if (!isRecord(raw)) return { ok: false, problems: [{ field: '(file)', problem: 'expected a JSON object' }] };
  unknownKeys(raw, ['version', 'defaults', 'markets'], '', add);

  if (typeof raw.version !== 'string' || !POLICY_VERSION_PATTERN.test(raw.version))
    add(
      'version',
      `expected a text of 1 to 64 letters, digits, dots, dashes or underscores (e.g. "2026-12-01"), got ${shown(raw.version)}`,
    );
  checkField(raw.defaults, NUMBERS, 'defaults', false, add);

  if (!isRecord(raw.markets) || Object.keys(raw.markets).length === 0) {
    add('markets', 'expected an object naming at least one supported market, e.g. { "GB": { "currency": "GBP" } }');
  } else {
    for (const [region, market] of Object.entries(raw.markets)) {
      const at = `markets.${region}`;
      if (!codes.isRegion(region)) add(at, 'expected an ISO 3166-1 alpha-2 region code such as GB');
      if (!isRecord(market)) {
        add(at, 'expected an object with a currency and optional overrides');
        continue;
      }
      unknownKeys(market, ['currency', 'overrides'], at, add);
      if (typeof market.currency !== 'string' || !/^[A-Z]{3}$/.test(market.currency) || !codes.isCurrency(market.currency))
        add(`${at}.currency`, `expected an ISO 4217 currency code such as GBP, got ${shown(market.currency)}`);
      if (market.overrides !== undefined) checkField(market.overrides, NUMBERS, `${at}.overrides`, true, add);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const markets = Object.fromEntries(
    Object.entries(raw.markets as Record<string, { currency: string; overrides?: object }>).map(([region, m]) => [
      region,
      { currency: m.currency, overrides: m.overrides ?? {} },
    ]),
  );
  return { ok: true, document: { version: raw.version as string, defaults: raw.defaults as PolicyDocument['defaults'], markets } };
}

function checkField(value: unknown, spec: FieldSpec, at: string, partial: boolean, add: (field: string, problem: string) => void): void {
  switch (spec.kind) {
    case 'count':
      if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < spec.min || value > MAX_NUMBER)
        add(at, `expected a whole number from ${spec.min} to ${MAX_NUMBER}, got ${shown(value)}`);
      return;
    case 'scopes':
      if (!Array.isArray(value) || value.some((scope) => typeof scope !== 'string' || !/^[a-z0-9][a-z0-9._-]{0,99}$/.test(scope)))
        add(at, `expected a list of scope names such as "user.info.basic", got ${shown(value)}`);
      else if (new Set(value).size !== value.length) add(at, 'expected each scope once');
      return;
    case 'object':
      if (!isRecord(value)) {
        add(at, `expected an object, got ${shown(value)}`);
        return;
      }
      unknownKeys(value, Object.keys(spec.fields), at, add);
      for (const [key, fieldSpec] of Object.entries(spec.fields)) {
        if (value[key] === undefined) {
          if (!partial) add(`${at}.${key}`, 'required');
          continue;
        }
        checkField(value[key], fieldSpec, `${at}.${key}`, partial, add);
      }
  }
}

function unknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  at: string,
  add: (field: string, problem: string) => void,
): void {
  for (const key of Object.keys(value))
    if (!known.includes(key)) add(at === '' ? key : `${at}.${key}`, `unknown field; expected one of ${known.join(', ')}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
