import { EventStore, RecordedEvent } from '@shoplink/event-store';
import { ReadModelStore } from '@shoplink/read-models';
import { shopStreamId } from '../domain/shop.events';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { SHOP_STATUS_COLLECTION } from '../projections/shop-status.document';
import { matchesTimelineFilter, timelineBlockIds, TimelineFilter } from '../projections/timeline-query';
import { TIMELINE_COLLECTION, TimelineBlock, timelineEntryOf, TimelineEntry, timelineIndexOf } from '../projections/timeline.projection';

export interface TimelinePage {
  readonly entries: TimelineEntry[];
  /**
   * Where the next page starts: the revision of the last entry shown when more entries matched,
   * or of the last entry examined when the page stopped at MAX_SCANNED_ENTRIES; null when
   * nothing further matched.
   */
  readonly lastRevision: number | null;
}

/** Export reads this many entries per query: big enough for few round trips, small enough to keep memory flat. */
export const EXPORT_PAGE_SIZE = 500;

/** Timeline blocks read per query (8 blocks of 64: 512 entries). */
export const BLOCKS_PER_READ = 8;

/**
 * Most entries one history page examines. A filter that matches rarely in a long history would
 * otherwise read the whole history for one page; past this the page ends, possibly short or empty,
 * with a cursor after the last entry examined, and the next page continues from there.
 */
export const MAX_SCANNED_ENTRIES = 10_000;

/**
 * Reads the timeline read model (an index of every event of a shop in blocks of consecutive
 * revisions, see TimelineBlock): pages for the history route, a lazy sequence for exports.
 * Filters are applied to the index as the blocks are read, in revision order; the entries kept
 * are rendered from their events, read from the shop stream as stored (sealed personal data is
 * revealed on the way out, as for every answer).
 */
export class TimelineReader {
  constructor(
    private readonly readModels: ReadModelStore,
    /** The log as stored: entries keep personal fields sealed, and the answer opens them on the way out. */
    private readonly events: EventStore,
  ) {}

  /** The shop's revision now; SHOP_NOT_FOUND when the read model has never seen it. */
  async currentRevision(shopId: string): Promise<number> {
    const status = await this.readModels.get(SHOP_STATUS_COLLECTION, shopId);
    if (status === null) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    return Number(status.revision);
  }

  /** `lastRevision`: the shop's revision as the caller read it (currentRevision), the end of the walk. */
  async page(
    shopId: string,
    filter: TimelineFilter,
    afterRevision: number | null,
    limit: number,
    lastRevision: number,
  ): Promise<TimelinePage> {
    const matched: number[] = [];
    let scanned = 0;
    for await (const { block, more } of this.blocks(shopId, afterRevision, lastRevision)) {
      for (const entry of timelineIndexOf(block)) {
        if (afterRevision !== null && entry.revision <= afterRevision) continue;
        scanned += 1;
        if (!matchesTimelineFilter(entry, filter)) continue;
        // One more match than the page holds: there is a next page.
        if (matched.length === limit) return { entries: await this.entries(shopId, matched), lastRevision: matched[limit - 1] };
        matched.push(entry.revision);
      }
      if (scanned >= MAX_SCANNED_ENTRIES && more) return { entries: await this.entries(shopId, matched), lastRevision: block.lastRevision };
    }
    return { entries: await this.entries(shopId, matched), lastRevision: null };
  }

  /**
   * Every matching entry up to `upToRevision`, one page of entries at a time, read only when
   * the consumer asks for more (a stream's backpressure), so memory holds one page whatever the
   * shop's size. Events appended while an export runs are left for the next export.
   */
  async *pages(shopId: string, filter: TimelineFilter, upToRevision: number): AsyncGenerator<TimelineEntry[]> {
    let page: number[] = [];
    for await (const { block } of this.blocks(shopId, null, upToRevision)) {
      if (block.firstRevision > upToRevision) break;
      for (const entry of timelineIndexOf(block)) {
        if (entry.revision > upToRevision) break;
        if (matchesTimelineFilter(entry, filter)) page.push(entry.revision);
      }
      if (page.length >= EXPORT_PAGE_SIZE) {
        yield await this.entries(shopId, page);
        page = [];
      }
    }
    if (page.length > 0) yield await this.entries(shopId, page);
  }

  /**
   * The entries of these revisions (ascending) of the shop's stream, rendered from their events:
   * one read per run of consecutive revisions, so an unfiltered page is one read.
   */
  private async entries(shopId: string, revisions: readonly number[]): Promise<TimelineEntry[]> {
    const entries: TimelineEntry[] = [];
    for (let start = 0; start < revisions.length;) {
      let end = start + 1;
      while (end < revisions.length && revisions[end] === revisions[end - 1] + 1) end += 1;
      const events = await this.events.readStream(shopStreamId(shopId), { fromRevision: revisions[start], maxCount: end - start });
      for (let i = start; i < end; i++) entries.push(timelineEntryOf(eventAt(events, i - start, revisions[i], shopId)));
      start = end;
    }
    return entries;
  }

  /**
   * The shop's blocks in order from the one holding the revision after `afterRevision` up to
   * the one holding `lastRevision`, read by id,
   * BLOCKS_PER_READ at a time; `more` says whether further blocks may follow. A block not there
   * yet (the projector behind the status document) ends the walk.
   */
  private async *blocks(
    shopId: string,
    afterRevision: number | null,
    lastRevision: number,
  ): AsyncGenerator<{ block: TimelineBlock; more: boolean }> {
    let after = afterRevision;
    for (;;) {
      const ids = timelineBlockIds(shopId, after, lastRevision, BLOCKS_PER_READ);
      if (ids.length === 0) return;
      const blocks = await Promise.all(ids.map((id) => this.readModels.get(TIMELINE_COLLECTION, id) as Promise<TimelineBlock | null>));
      for (let i = 0; i < blocks.length; i++) {
        const block = blocks[i];
        if (block === null) return;
        const more = block.lastRevision < lastRevision;
        yield { block, more };
        if (!more) return;
        after = block.lastRevision;
      }
    }
  }
}

/** The index names only events the log holds; a gap means the file was altered (the integrity route names where). */
function eventAt(events: readonly RecordedEvent[], index: number, revision: number, shopId: string): RecordedEvent {
  const event = events[index];
  if (event === undefined || event.revision !== revision) {
    throw new Error(
      `The timeline of shop ${shopId} lists revision ${revision}, which its stream does not hold as expected; GET /v1/audit/shops/${shopId}/integrity says what changed`,
    );
  }
  return event;
}
