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
 * The ids of one shop's timeline blocks to read next, in block order: from the block holding
 * the first revision after `afterRevision` up to the block of `lastRevision`, at most `limit`.
 * A revision never changes and new events get higher ones (in the last block or a new one), so
 * a walk resumed after concurrent appends still starts where the previous one ended. The reader
 * skips the entries up to `afterRevision`.
 */
export function timelineBlockIds(shopId: string, afterRevision: number | null, lastRevision: number, limit: number): string[] {
  const first = afterRevision === null ? 0 : timelineBlockOf(afterRevision + 1);
  const last = timelineBlockOf(lastRevision);
  const ids: string[] = [];
  for (let block = first; block <= last && ids.length < limit; block++) ids.push(timelineBlockId(shopId, block));
  return ids;
}

/**
 * Whether an entry (or its index entry, which has the same fields) passes the filter. Times compare as text: occurredAt is always
 * `toISOString()` output (fixed width, UTC), whose text order is time order, so the bounds
 * must be written the same way.
 */
export function matchesTimelineFilter(entry: Pick<TimelineEntry, 'type' | 'actor' | 'occurredAt'>, filter: TimelineFilter): boolean {
  if (filter.types !== undefined && !filter.types.includes(entry.type)) return false;
  if (filter.actor !== undefined && entry.actor !== filter.actor) return false;
  if (filter.from !== undefined && !(entry.occurredAt >= filter.from)) return false;
  if (filter.to !== undefined && !(entry.occurredAt < filter.to)) return false;
  return true;
}
