import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PastLinksKey } from '@shoplink/shops';
import { ReadYourWritesQuery } from '../../http/query-input';
import { FieldProblem } from '../../http/validation-failed.error';
import { decodePastLinksCursor } from './past-links-cursor';

export const PAST_LINKS_DEFAULT_LIMIT = 100;
export const PAST_LINKS_MAX_LIMIT = 500;

/** `state=past` is the one list: the current links are all in the status answer. */
export class PastLinksQuery extends ReadYourWritesQuery {
  @IsIn(['past'], { message: 'state must be past (the current links are in GET /v1/shops/:shopId)' })
  state: string;

  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,2}$/, { message: `limit must be a whole number from 1 to ${PAST_LINKS_MAX_LIMIT}` })
  limit?: string;

  @IsOptional()
  @IsString()
  cursor?: string;
}

export interface PastLinksRequest {
  readonly limit: number;
  readonly after: PastLinksKey | null;
}

export function checkPastLinksQuery(query: PastLinksQuery): { value: PastLinksRequest; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const limit = query.limit === undefined ? PAST_LINKS_DEFAULT_LIMIT : Number(query.limit);
  if (limit > PAST_LINKS_MAX_LIMIT)
    problems.push({ field: 'query.limit', code: 'LIMIT_TOO_LARGE', message: `limit must be at most ${PAST_LINKS_MAX_LIMIT}` });
  let after: PastLinksKey | null = null;
  if (query.cursor !== undefined) {
    after = decodePastLinksCursor(query.cursor);
    if (after === null)
      problems.push({ field: 'query.cursor', code: 'INVALID_CURSOR', message: 'cursor must be a nextCursor this route answered' });
  }
  return { value: { limit, after }, problems };
}
