import { ShopPolicy } from '../shop-policy';

/** Any part of the numbers, down to a single leaf: what a market changes of the global defaults. */
export type PolicyOverrides = {
  readonly [K in keyof ShopPolicy]?: ShopPolicy[K] extends readonly unknown[]
    ? ShopPolicy[K]
    : ShopPolicy[K] extends object
      ? { readonly [L in keyof ShopPolicy[K]]?: ShopPolicy[K][L] extends object ? Partial<ShopPolicy[K][L]> : ShopPolicy[K][L] }
      : ShopPolicy[K];
};

/** A market TikTok Shop sells in: its one currency, and the numbers it sets apart from the defaults. */
export interface MarketPolicy {
  readonly currency: string;
  readonly overrides: PolicyOverrides;
}

/**
 * TikTok Shop's published rules as data (the policy file): a version an auditor can cite, the global
 * numbers, and the supported markets (ISO 3166-1 region → its currency and overrides). A shop can be
 * registered only in a market listed here.
 */
export interface PolicyDocument {
  readonly version: string;
  readonly defaults: ShopPolicy;
  readonly markets: Readonly<Record<string, MarketPolicy>>;
}

/** Versions are cited in URLs and metadata: the same form as every other identifier. */
export const POLICY_VERSION_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
