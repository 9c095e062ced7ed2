import { QueryMessage } from '@shoplink/command-handling';
import { TimelineFilter } from '../projections/timeline-query';
import { TimelineEntry } from '../projections/timeline.projection';
import { TimelineReader } from './timeline-reader';

export interface ShopHistoryPage {
  readonly shopId: string;
  readonly entries: readonly TimelineEntry[];
  /** Where the next page starts (see TimelinePage), or null when nothing further matched. */
  readonly lastRevision: number | null;
}

/** GET /v1/shops/:shopId/history: one page of the shop's timeline, oldest first. */
export class GetShopHistory implements QueryMessage<ShopHistoryPage> {
  declare readonly resultType?: ShopHistoryPage;
  readonly queryType = 'GetShopHistory';
  constructor(
    readonly shopId: string,
    readonly filter: TimelineFilter,
    readonly afterRevision: number | null,
    readonly limit: number,
  ) {}
}

/**
 * GET /v1/shops/:shopId/history/export: every matching entry up to the shop's revision when the
 * export started, read a page at a time as the consumer pulls (the shop's existence is checked
 * before the answer, once streaming has begun an error can only cut the download short).
 */
export class ExportShopHistory implements QueryMessage<AsyncIterable<TimelineEntry[]>> {
  declare readonly resultType?: AsyncIterable<TimelineEntry[]>;
  readonly queryType = 'ExportShopHistory';
  constructor(
    readonly shopId: string,
    readonly filter: TimelineFilter,
  ) {}
}

export class GetShopHistoryHandler {
  constructor(private readonly timeline: TimelineReader) {}

  async execute({ shopId, filter, afterRevision, limit }: GetShopHistory): Promise<ShopHistoryPage> {
    const lastRevision = await this.timeline.currentRevision(shopId);
    const page = await this.timeline.page(shopId, filter, afterRevision, limit, lastRevision);
    return { shopId, entries: page.entries, lastRevision: page.lastRevision };
  }
}

export class ExportShopHistoryHandler {
  constructor(private readonly timeline: TimelineReader) {}

  async execute({ shopId, filter }: ExportShopHistory): Promise<AsyncIterable<TimelineEntry[]>> {
    const upToRevision = await this.timeline.currentRevision(shopId);
    return this.timeline.pages(shopId, filter, upToRevision);
  }
}
