import { IsIn, IsISO8601, IsOptional, IsString, Matches } from 'class-validator';
import { TIMELINE_TIME_FORMAT, TIMELINE_TIME_PATTERN, TimelineFilter, timelineFilterOf } from '@shoplink/shops';
import { ACTOR_PATTERN } from '../http/identifiers';
import { ReadYourWritesQuery } from '../http/query-input';
import { FieldProblem } from '../http/validation-failed.error';
import { decodeHistoryCursor } from './history-cursor';

export const HISTORY_DEFAULT_LIMIT = 100;
export const HISTORY_MAX_LIMIT = 500;

/** A date (UTC midnight) or a date-time with its offset: a time without a zone would mean the server's zone. */
const ZONED_TIME = TIMELINE_TIME_PATTERN;
const TIME_MESSAGE = `must be ${TIMELINE_TIME_FORMAT}`;

/** The filters history and export share: `type`, `from`, `to`, `actor`. */
export class TimelineFilterQuery extends ReadYourWritesQuery {
  @IsOptional()
  @IsString({ message: 'type must be one list of event types separated by commas, not repeated' })
  @Matches(/^[A-Za-z]{1,64}(,[A-Za-z]{1,64}){0,63}$/, {
    message: 'type must be event types separated by commas, e.g. AccountUnlinked,UnlinkRequested',
  })
  type?: string;

  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true }, { message: `from ${TIME_MESSAGE}` })
  @Matches(ZONED_TIME, { message: `from ${TIME_MESSAGE}` })
  from?: string;

  @IsOptional()
  @IsString()
  @IsISO8601({ strict: true }, { message: `to ${TIME_MESSAGE}` })
  @Matches(ZONED_TIME, { message: `to ${TIME_MESSAGE}` })
  to?: string;

  @IsOptional()
  @IsString()
  @Matches(ACTOR_PATTERN, { message: 'actor must be <kind>:<id> with kind member, support or system, e.g. member:m-17' })
  actor?: string;
}

export class HistoryQuery extends TimelineFilterQuery {
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,2}$/, { message: `limit must be a whole number from 1 to ${HISTORY_MAX_LIMIT}` })
  limit?: string;

  @IsOptional()
  @IsString()
  cursor?: string;
}

export const EXPORT_FORMATS = ['jsonl', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export class HistoryExportQuery extends TimelineFilterQuery {
  @IsIn(EXPORT_FORMATS, { message: 'format must be jsonl or csv' })
  format: string;
}

export interface HistoryRequest {
  readonly filter: TimelineFilter;
  readonly limit: number;
  readonly afterRevision: number | null;
}

export interface HistoryExportRequest {
  readonly filter: TimelineFilter;
  readonly format: ExportFormat;
}

/**
 * The filter rules no single decorator states (known event types, times in order), in the one reading of the
 * filters the audit CLI shares (`timelineFilterOf`). The decorators have checked each field's form already.
 */
export function checkTimelineFilter(query: TimelineFilterQuery): { value: TimelineFilter; problems: FieldProblem[] } {
  const types = query.type === undefined ? undefined : query.type.split(',');
  const { value, problems } = timelineFilterOf({ types, from: query.from, to: query.to, actor: query.actor });
  return { value, problems: problems.map(({ field, code, message }) => ({ field: `query.${field}`, code, message })) };
}

export function checkHistoryQuery(query: HistoryQuery): { value: HistoryRequest; problems: FieldProblem[] } {
  const { value: filter, problems } = checkTimelineFilter(query);
  const limit = query.limit === undefined ? HISTORY_DEFAULT_LIMIT : Number(query.limit);
  if (limit > HISTORY_MAX_LIMIT)
    problems.push({ field: 'query.limit', code: 'LIMIT_TOO_LARGE', message: `limit must be at most ${HISTORY_MAX_LIMIT}` });
  let afterRevision: number | null = null;
  if (query.cursor !== undefined) {
    afterRevision = decodeHistoryCursor(query.cursor);
    if (afterRevision === null)
      problems.push({ field: 'query.cursor', code: 'INVALID_CURSOR', message: 'cursor must be a nextCursor this route answered' });
  }
  return { value: { filter, limit, afterRevision }, problems };
}

export function checkHistoryExportQuery(query: HistoryExportQuery): { value: HistoryExportRequest; problems: FieldProblem[] } {
  const { value: filter, problems } = checkTimelineFilter(query);
  return { value: { filter, format: query.format as ExportFormat }, problems };
}
