import { QueryMessage } from '@shoplink/command-handling';
import { Document, PageKey, PageQuery, ReadModelStore } from '@shoplink/read-models';
import { ShopPolicy } from '../domain/shop-policy';
import { SHOP_STATUS_COLLECTION, ShopStatusDocument } from '../projections/shop-status.document';
import { coolingPeriodEndsAt, isBlockedFromDeactivation, mergePages, ShopListFilter, shopListQueries } from './shop-list-queries';

/** One line of an operational list: enough to act on, the full status is one GET away. */
export interface ShopListItem {
  readonly shopId: string;
  readonly name: string;
  readonly region: string;
  readonly status: string;
  readonly stage: string;
  readonly verification: string;
  readonly money: ShopStatusDocument['money'];
  readonly moneyFrozen: boolean;
  readonly awaitingConfirmation: boolean;
  readonly openUnlinkRequests: number;
  readonly blockedFromDeactivation: boolean;
  readonly coolingPeriodEndsAt: string | null;
  readonly revision: number;
  readonly updatedAt: string;
}

export interface ShopListPage {
  readonly shops: readonly ShopListItem[];
  /** The last shop of this page when more match, else null. */
  readonly lastShopId: string | null;
}

/** GET /v1/shops: up to `limit` shops after `afterShopId` in shopId order, each filter served by an index (SHOP_LIST_INDEXES). */
export class ListShops implements QueryMessage<ShopListPage> {
  declare readonly resultType?: ShopListPage;
  readonly queryType = 'ListShops';
  constructor(
    readonly filter: ShopListFilter,
    readonly afterShopId: string | null,
    readonly limit: number,
  ) {}
}

export interface ListShopsDeps {
  readonly readModels: ReadModelStore;
  readonly now: () => Date;
  readonly policy: ShopPolicy;
}

export class ListShopsHandler {
  constructor(private readonly deps: ListShopsDeps) {}

  async execute({ filter, afterShopId, limit }: ListShops): Promise<ShopListPage> {
    const now = this.deps.now();
    const after: PageKey | null = afterShopId === null ? null : { value: afterShopId, id: afterShopId };
    const { queries, keep } = shopListQueries(filter, after, limit, now, this.deps.policy);
    let documents: Document[];
    let hasMore: boolean;
    if (keep) {
      ({ documents, hasMore } = await this.scanKeeping(queries[0], keep, limit));
    } else {
      const pages = await Promise.all(queries.map((query) => this.deps.readModels.findPage(SHOP_STATUS_COLLECTION, query)));
      ({ documents, hasMore } = mergePages(pages, 'shopId', limit));
    }
    const shops = documents.map((doc) => this.item(doc as ShopStatusDocument, now));
    return { shops, lastShopId: hasMore && shops.length > 0 ? shops[shops.length - 1].shopId : null };
  }

  /** Reads on until `limit` + 1 documents were kept, so `hasMore` is exact and no page comes back empty. */
  private async scanKeeping(query: PageQuery, keep: (doc: Document) => boolean, limit: number) {
    const kept: Document[] = [];
    let after = query.after ?? null;
    while (kept.length <= limit) {
      const page = await this.deps.readModels.findPage(SHOP_STATUS_COLLECTION, { ...query, after, limit: limit + 1 });
      kept.push(...page.documents.filter(keep));
      if (page.next === null) break;
      after = page.next;
    }
    return { documents: kept.slice(0, limit), hasMore: kept.length > limit };
  }

  private item(doc: ShopStatusDocument, now: Date): ShopListItem {
    const { policy } = this.deps;
    return {
      shopId: doc.shopId,
      name: doc.name,
      region: doc.region,
      status: doc.status,
      stage: doc.stage,
      verification: doc.verification.status,
      money: doc.money,
      moneyFrozen: doc.moneyFrozen,
      awaitingConfirmation: doc.hasOpenUnlinkRequests,
      openUnlinkRequests: doc.openUnlinkRequests.length,
      blockedFromDeactivation: isBlockedFromDeactivation(doc, now, policy),
      coolingPeriodEndsAt: coolingPeriodEndsAt(doc, policy),
      revision: doc.revision,
      updatedAt: doc.updatedAt,
    };
  }
}
