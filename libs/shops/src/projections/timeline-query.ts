import { SHOP_EVENT_TYPES } from '../domain/shop.events';
import { isShopEventType, TimelineEntry, timelineBlockId, timelineBlockOf } from './timeline.projection';

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

/** How a time bound of the timeline filter is written: a date (UTC midnight) or a date-time with its offset. */
export const TIMELINE_TIME_FORMAT = 'an ISO-8601 date (2026-11-01, UTC midnight) or date-time with Z or an offset (2026-11-01T09:30:00Z)';
/** A time without a zone would mean the reader's zone, so one is required. */
export const TIMELINE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
/** `kind:id`, as actors are recorded in event metadata. */
export const TIMELINE_ACTOR_PATTERN = /^(member|support|system):([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/;

/** The filter as a caller writes it (query string or command line): text, unchecked. */
export interface TimelineFilterInput {
  readonly types?: readonly string[];
  readonly from?: string;
  readonly to?: string;
  readonly actor?: string;
}

export interface TimelineFilterProblem {
  readonly field: 'type' | 'from' | 'to' | 'actor';
  readonly code: string;
  readonly message: string;
}

/**
 * The one reading of the timeline filters, shared by the history routes and the audit CLI: known event
 * types only, times written with a zone (turned into `toISOString()` form, which compares as text in
 * time order), `from` (inclusive) before `to` (exclusive), actors as `kind:id`. Every problem is named.
 */
export function timelineFilterOf(input: TimelineFilterInput): { value: TimelineFilter; problems: TimelineFilterProblem[] } {
  const problems: TimelineFilterProblem[] = [];
  const types = input.types === undefined ? undefined : [...new Set(input.types)];
  for (const type of types ?? []) {
    if (!isShopEventType(type)) {
      problems.push({
        field: 'type',
        code: 'UNKNOWN_EVENT_TYPE',
        message: `${type} is not a shop event type; known types: ${SHOP_EVENT_TYPES.join(', ')}`,
      });
    }
  }
  const from = timeBound('from', input.from, problems);
  const to = timeBound('to', input.to, problems);
  if (from !== undefined && to !== undefined && from >= to) {
    problems.push({ field: 'to', code: 'EMPTY_TIME_WINDOW', message: 'to must be later than from (from is inclusive, to exclusive)' });
  }
  if (input.actor !== undefined && !TIMELINE_ACTOR_PATTERN.test(input.actor)) {
    problems.push({
      field: 'actor',
      code: 'INVALID_ACTOR',
      message: 'actor must be <kind>:<id> with kind member, support or system, e.g. member:m-17',
    });
  }
  return { value: { types, from, to, actor: input.actor }, problems };
}

function timeBound(field: 'from' | 'to', text: string | undefined, problems: TimelineFilterProblem[]): string | undefined {
  if (text === undefined) return undefined;
  const time = TIMELINE_TIME_PATTERN.test(text) && realDate(text) ? new Date(text) : null;
  if (time === null || Number.isNaN(time.getTime())) {
    problems.push({ field, code: 'INVALID_TIME', message: `${field} must be ${TIMELINE_TIME_FORMAT}` });
    return undefined;
  }
  // Entries store occurredAt as toISOString() writes it, so the bounds are written the same way to compare as text.
  return time.toISOString();
}

/** The calendar date written exists (no 2026-02-30), and the clock time too (no 25:00). */
function realDate(text: string): boolean {
  const [, year, month, day, hour, minute, second] = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(text) ?? [];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const dateExists =
    date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  const timeExists = hour === undefined || (Number(hour) < 24 && Number(minute) < 60 && (second === undefined || Number(second) < 60));
  return dateExists && timeExists;
}
