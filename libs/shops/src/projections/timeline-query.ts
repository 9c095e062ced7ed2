import { PageQuery } from '@shoplink/read-models';
import { TimelineEntry, timelineBlockId, timelineBlockOf } from './timeline.projection';

/** What a history reader narrows the timeline to; every part optional, all of them ANDed. */
export interface TimelineFilter {
  /** Any of these event types. */
  readonly types?: readonly string[];
  /** Inclusive lower bound on occurredAt, as `Date.toISOString()` writes it. */
  readonly from?: string;
  /** Exclusive upper bound on occurredAt, same form. */
  readonly to?: string;
  /** `kind:id`. */
  readonly actor?: string;
}

/**
 * The page query for one shop's timeline blocks, in block order, starting with the block that
 * holds the first revision after `afterRevision`. A revision never changes and new events get
 * higher ones (in the last block or a new one), so a walk resumed after concurrent appends still
 * starts where the previous one ended. The reader skips the entries up to `afterRevision`.
 */
export function timelineBlocksQuery(shopId: string, afterRevision: number | null, limit: number): PageQuery {
  const firstBlock = afterRevision === null ? 0 : timelineBlockOf(afterRevision + 1);
  return {
    where: { shopId },
    orderBy: 'block',
    after: firstBlock === 0 ? null : { value: firstBlock - 1, id: timelineBlockId(shopId, firstBlock - 1) },
    limit,
  };
}

/**
 * Whether an entry passes the filter. Times compare as text: occurredAt is always
 * `toISOString()` output (fixed width, UTC), whose text order is time order, so the bounds
 * must be written the same way.
 */
export function matchesTimelineFilter(entry: TimelineEntry, filter: TimelineFilter): boolean {
  if (filter.types !== undefined && !filter.types.includes(entry.type)) return false;
  if (filter.actor !== undefined && entry.actor !== filter.actor) return false;
  if (filter.from !== undefined && !(entry.occurredAt >= filter.from)) return false;
  if (filter.to !== undefined && !(entry.occurredAt < filter.to)) return false;
  return true;
}
