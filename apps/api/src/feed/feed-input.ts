import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { parsePosition, Position } from '@shoplink/event-store';
import type { FastifyRequest } from 'fastify';
import { FieldProblem, ValidationFailedError } from '../http/validation-failed.error';
import { FEED_EVENT_TYPES } from '@shoplink/feed';

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 1000;
const POSITION_FORMAT = 'a position from the feed, e.g. 42';
const KNOWN_TYPES: ReadonlySet<string> = new Set(FEED_EVENT_TYPES);
const QUERY_FIELDS = {
  catchUp: ['after', 'types', 'limit'],
  stream: ['after', 'types'],
} as const;

export interface FeedInput {
  /** Exclusive; null for the start of the log. */
  readonly after: Position | null;
  /** Null for every type. */
  readonly types: ReadonlySet<string> | null;
  readonly limit: number;
}

/** `GET /v1/feed`: `after`, `types` (comma-separated, or repeated), `limit`; every bad field named. */
export const ValidFeedQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): FeedInput => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  return parseFeedInput(request, 'catchUp');
});

/** `GET /v1/feed/stream`: `after` and `types`; a `Last-Event-ID` header (a reconnecting client) wins over `after`. */
export function parseStreamInput(request: FastifyRequest): FeedInput {
  return parseFeedInput(request, 'stream');
}

function parseFeedInput(request: FastifyRequest, route: keyof typeof QUERY_FIELDS): FeedInput {
  const query = (request.query ?? {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const allowed: readonly string[] = QUERY_FIELDS[route];
  for (const name of Object.keys(query)) {
    if (!allowed.includes(name))
      problems.push({ field: `query.${name}`, code: 'UNKNOWN_FIELD', message: `query.${name} is not a known field` });
  }

  let after = position(single(query.after, 'query.after', problems), 'query.after', problems);
  if (route === 'stream') {
    const lastEventId = single(request.headers['last-event-id'], 'header.Last-Event-ID', problems);
    if (lastEventId !== undefined) after = position(lastEventId, 'header.Last-Event-ID', problems);
  }

  let types: Set<string> | null = null;
  if (query.types !== undefined) {
    const listed = (Array.isArray(query.types) ? query.types : [query.types]).flatMap((value) => String(value).split(','));
    types = new Set();
    for (const type of listed.map((t) => t.trim())) {
      if (KNOWN_TYPES.has(type)) types.add(type);
      else
        problems.push({
          field: 'query.types',
          code: 'UNKNOWN_EVENT_TYPE',
          message: `${JSON.stringify(type)} is not an event type; known: ${FEED_EVENT_TYPES.join(', ')}`,
        });
    }
  }

  let limit = FEED_DEFAULT_LIMIT;
  const rawLimit = single(query.limit, 'query.limit', problems);
  if (rawLimit !== undefined) {
    limit = /^[1-9][0-9]{0,3}$/.test(rawLimit) ? Number(rawLimit) : NaN;
    if (!(limit <= FEED_MAX_LIMIT))
      problems.push({ field: 'query.limit', code: 'INVALID_LIMIT', message: `limit must be a whole number from 1 to ${FEED_MAX_LIMIT}` });
  }

  if (problems.length > 0) throw new ValidationFailedError(problems);
  return { after, types, limit };
}

function single(value: unknown, field: string, problems: FieldProblem[]): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  problems.push({ field, code: 'REPEATED_FIELD', message: `${field} must be given once` });
  return undefined;
}

function position(text: string | undefined, field: string, problems: FieldProblem[]): Position | null {
  if (text === undefined) return null;
  const parsed = parsePosition(text);
  if (parsed === null)
    problems.push({ field, code: 'INVALID_POSITION', message: `${field.replace(/^\w+\./, '')} must be ${POSITION_FORMAT}` });
  return parsed;
}
