import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { Document, PageKey, READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_STATUS_COLLECTION, ShopPolicy, ShopStatusDocument } from '@shoplink/shops';
import { SHOP_POLICY } from '../storage/tokens';
import { coolingPeriodEndsAt, isBlockedFromDeactivation, mergePages, ShopListFilter, shopListQueries } from './shop-list.query';

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

@Injectable()
export class ShopListReader {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SHOP_POLICY) private readonly policy: ShopPolicy,
  ) {}

  /** Up to `limit` shops after `afterShopId` in shopId order, and whether more match. */
  async list(
    filter: ShopListFilter,
    afterShopId: string | null,
    limit: number,
  ): Promise<{ shops: ShopListItem[]; lastShopId: string | null }> {
    const now = this.clock.now();
    const after: PageKey | null = afterShopId === null ? null : { value: afterShopId, id: afterShopId };
    const { queries, keep } = shopListQueries(filter, after, limit, now, this.policy);
    let documents: Document[];
    let hasMore: boolean;
    if (keep) {
      ({ documents, hasMore } = await this.scanKeeping(queries[0], keep, limit));
    } else {
      const pages = await Promise.all(queries.map((query) => this.readModels.findPage(SHOP_STATUS_COLLECTION, query)));
      ({ documents, hasMore } = mergePages(pages, 'shopId', limit));
    }
    const shops = documents.map((doc) => this.item(doc as ShopStatusDocument, now));
    return { shops, lastShopId: hasMore && shops.length > 0 ? shops[shops.length - 1].shopId : null };
  }

  /** Reads on until `limit` + 1 documents were kept, so `hasMore` is exact and no page comes back empty. */
  private async scanKeeping(query: Parameters<ReadModelStore['findPage']>[1], keep: (doc: Document) => boolean, limit: number) {
    const kept: Document[] = [];
    let after = query.after ?? null;
    while (kept.length <= limit) {
      const page = await this.readModels.findPage(SHOP_STATUS_COLLECTION, { ...query, after, limit: limit + 1 });
      kept.push(...page.documents.filter(keep));
      if (page.next === null) break;
      after = page.next;
    }
    return { documents: kept.slice(0, limit), hasMore: kept.length > limit };
  }

  private item(doc: ShopStatusDocument, now: Date): ShopListItem {
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
      blockedFromDeactivation: isBlockedFromDeactivation(doc, now, this.policy),
      coolingPeriodEndsAt: coolingPeriodEndsAt(doc, this.policy),
      revision: doc.revision,
      updatedAt: doc.updatedAt,
    };
  }
}
