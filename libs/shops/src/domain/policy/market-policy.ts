import { ShopPolicy } from '../shop-policy';
import { PolicyDocument, PolicyOverrides } from './policy-document';

/**
 * The numbers a shop of `region` is decided with: the global defaults, with the market's overrides
 * laid over them leaf by leaf (a list, such as required scopes, is replaced whole). A region that is
 * not a market gets the defaults (a shop exists only in a market; this covers decisions on streams
 * without a region and shops registered before the market was dropped).
 */
export function policyOfMarket(document: PolicyDocument, region: string | null): ShopPolicy {
  const market = region === null ? undefined : Object.hasOwn(document.markets, region) ? document.markets[region] : undefined;
  return market === undefined ? document.defaults : mergeOverrides(document.defaults, market.overrides);
}

export function mergeOverrides(defaults: ShopPolicy, overrides: PolicyOverrides): ShopPolicy {
  return mergeObjects(defaults as unknown as Record<string, unknown>, overrides) as unknown as ShopPolicy;
}

function mergeObjects(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (value === undefined) continue;
    const below = base[key];
    merged[key] = isPlainObject(value) && isPlainObject(below) ? mergeObjects(below, value) : value;
  }
  return merged;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
