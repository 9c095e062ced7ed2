import { ShopPolicy } from '../shop-policy';
import { policyOfMarket } from './market-policy';
import { PolicyDocument } from './policy-document';

/**
 * The policy the service decides under for its whole life: its version (written into every decision
 * event's metadata) and, per market, the defaults merged with that market's overrides. Plain data in,
 * plain numbers out; the file it came from is read elsewhere.
 */
export class PolicyInForce {
  private readonly byRegion = new Map<string, ShopPolicy>();

  /** Region → currency of every supported market: where a shop may be registered, and in what money. */
  readonly supportedMarkets: Readonly<Record<string, string>>;

  constructor(readonly document: PolicyDocument) {
    this.supportedMarkets = Object.fromEntries(Object.entries(document.markets).map(([region, market]) => [region, market.currency]));
  }

  get version(): string {
    return this.document.version;
  }

  /** The global numbers: for decisions that belong to no market (an account's claims across shops). */
  get defaults(): ShopPolicy {
    return this.document.defaults;
  }

  /** The numbers for a shop of this region (the defaults for a region that is not a market). */
  forRegion(region: string | null): ShopPolicy {
    if (region === null) return this.defaults;
    let policy = this.byRegion.get(region);
    if (policy === undefined) {
      policy = policyOfMarket(this.document, region);
      this.byRegion.set(region, policy);
    }
    return policy;
  }
}
