import { PageQuery } from '@shoplink/read-models';
import { timelineEntryId } from './timeline.projection';

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
 * The page query for one shop's timeline: entries in revision order strictly after
 * `afterRevision`. A revision never changes and new events get higher ones, so a page read
 * after concurrent appends still starts where the previous one ended.
 *
 * Times compare as text: occurredAt is always `toISOString()` output (fixed width, UTC),
 * whose text order is time order, so the bounds must be written the same way.
 */
export function timelinePageQuery(shopId: string, filter: TimelineFilter, afterRevision: number | null, limit: number): PageQuery {
  const where: Record<string, string | readonly string[]> = { shopId };
  if (filter.types !== undefined) where.type = filter.types.length === 1 ? filter.types[0] : filter.types;
  if (filter.actor !== undefined) where.actor = filter.actor;
  const range = filter.from !== undefined || filter.to !== undefined ? { field: 'occurredAt', gte: filter.from, lt: filter.to } : undefined;
  return {
    where,
    range,
    orderBy: 'revision',
    after: afterRevision === null ? null : { value: afterRevision, id: timelineEntryId(shopId, afterRevision) },
    limit,
  };
}
