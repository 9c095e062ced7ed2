import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_STATUS_COLLECTION, ShopRuleViolation, TIMELINE_COLLECTION, TimelineEntry, TimelineFilter, timelinePageQuery } from '@shoplink/shops';

export interface TimelinePage {
  readonly entries: TimelineEntry[];
  /** Revision of the last entry shown when more entries matched; null when none did. */
  readonly lastRevision: number | null;
}

/** Export reads this many entries per query: big enough for few round trips, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 500;

/** Reads the timeline read model: pages for the history route, a lazy sequence for exports. */
@Injectable()
export class TimelineReader {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  /** The shop's revision now; SHOP_NOT_FOUND when the read model has never seen it. */
  async currentRevision(shopId: string): Promise<number> {
    const status = await this.readModels.get(SHOP_STATUS_COLLECTION, shopId);
    if (status === null) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    return Number(status.revision);
  }

  async page(shopId: string, filter: TimelineFilter, afterRevision: number | null, limit: number): Promise<TimelinePage> {
    const page = await this.readModels.findPage(TIMELINE_COLLECTION, timelinePageQuery(shopId, filter, afterRevision, limit));
    const entries = page.documents as TimelineEntry[];
    return { entries, lastRevision: page.next === null ? null : Number(page.next.value) };
  }

  /**
   * Every matching entry up to `upToRevision`, one page of entries at a time, read only when
   * the consumer asks for more (a stream's backpressure), so memory holds one page whatever the
   * shop's size. Events appended while an export runs are left for the next export.
   */
  async *pages(shopId: string, filter: TimelineFilter, upToRevision: number): AsyncGenerator<TimelineEntry[]> {
    let after: number | null = null;
    for (;;) {
      const page = await this.page(shopId, filter, after, EXPORT_PAGE_SIZE);
      const entries = page.entries.filter((entry) => entry.revision <= upToRevision);
      if (entries.length > 0) yield entries;
      if (page.lastRevision === null || entries.length < page.entries.length) return;
      after = page.lastRevision;
    }
  }
}
