import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { INSTANT_FORMAT, INSTANT_PATTERN, parseInstant } from '@shoplink/shops';
import { ID_FORMAT, ID_PATTERN } from '../http/identifiers';
import { validateDto } from '../http/validate-dto';
import { FieldProblem, ValidationFailedError } from '../http/validation-failed.error';

/** A stream id: `<category>-<id>`, e.g. `shop-brand` or `account-tt-1`; the id in the documented format. */
export const STREAM_ID_PATTERN = /^[a-z][a-z0-9]{0,31}-[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const STREAM_ID_FORMAT = `<category>-<id>, e.g. shop-brand or account-tt-1: a lower-case category, "-", then an id of ${ID_FORMAT}`;

const REVISION_PATTERN = /^(0|[1-9][0-9]{0,14})$/;

export const RAW_EVENTS_DEFAULT_LIMIT = 100;
export const RAW_EVENTS_MAX_LIMIT = 1000;

export class RawEventsQuery {
  @ApiProperty({
    required: false,
    description: "First revision to return (inclusive); default 0. Pass the previous page's `nextRevision`.",
    example: '0',
  })
  @IsOptional()
  @Matches(REVISION_PATTERN, { message: 'fromRevision must be a stream revision, a whole number from 0' })
  fromRevision?: string;

  @ApiProperty({
    required: false,
    description: `Events per page, 1-${RAW_EVENTS_MAX_LIMIT}; default ${RAW_EVENTS_DEFAULT_LIMIT}`,
    example: '100',
  })
  @IsOptional()
  @Matches(/^([1-9][0-9]{0,3})$/, { message: `limit must be a whole number from 1 to ${RAW_EVENTS_MAX_LIMIT}` })
  limit?: string;
}

export class StateAsOfQuery {
  @ApiProperty({
    required: false,
    description: `Replay the events that occurred (metadata.occurredAt) at or before this moment: ${INSTANT_FORMAT}`,
  })
  @IsOptional()
  @Matches(INSTANT_PATTERN, { message: `asOf must be ${INSTANT_FORMAT}` })
  asOf?: string;

  @ApiProperty({ required: false, description: 'Replay the events up to and including this stream revision' })
  @IsOptional()
  @Matches(REVISION_PATTERN, { message: 'revision must be a stream revision, a whole number from 0' })
  revision?: string;
}

export interface RawEventsInput {
  readonly streamId: string;
  readonly fromRevision: number;
  readonly limit: number;
}

export type StateAsOfInput = { readonly shopId: string } & ({ readonly asOf: Date } | { readonly revision: number });

function pathProblems(request: FastifyRequest): { params: Record<string, string>; problems: FieldProblem[] } {
  const params = (request.params ?? {}) as Record<string, string>;
  const problems: FieldProblem[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (name === 'streamId') {
      if (!STREAM_ID_PATTERN.test(value))
        problems.push({ field: 'path.streamId', code: 'INVALID_STREAM_ID', message: `streamId must be ${STREAM_ID_FORMAT}` });
    } else if (!ID_PATTERN.test(value))
      problems.push({ field: `path.${name}`, code: 'INVALID_ID', message: `${name} must be ${ID_FORMAT}` });
  }
  return { params, problems };
}

/** `GET /v1/audit/streams/:streamId/events`: the path and the paging, every bad field named. */
export const ValidRawEventsQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): RawEventsInput => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const { params, problems } = pathProblems(request);
  const query = validateDto(RawEventsQuery, request.query, 'query');
  problems.push(...query.problems);
  const limit = query.value.limit === undefined ? RAW_EVENTS_DEFAULT_LIMIT : Number(query.value.limit);
  if (query.value.limit !== undefined && query.problems.every((p) => p.field !== 'query.limit') && limit > RAW_EVENTS_MAX_LIMIT) {
    problems.push({ field: 'query.limit', code: 'MAX', message: `limit must not be greater than ${RAW_EVENTS_MAX_LIMIT}` });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return { streamId: params.streamId, fromRevision: Number(query.value.fromRevision ?? 0), limit };
});

/** `GET /v1/audit/shops/:shopId/state`: exactly one of `asOf` and `revision`. */
export const ValidStateAsOfQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): StateAsOfInput => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const { params, problems } = pathProblems(request);
  const query = validateDto(StateAsOfQuery, request.query, 'query');
  problems.push(...query.problems);
  const { asOf, revision } = query.value;
  if (asOf !== undefined && revision !== undefined) {
    const message = 'Give either asOf or revision, not both';
    problems.push({ field: 'query.asOf', code: 'EXACTLY_ONE_OF', message }, { field: 'query.revision', code: 'EXACTLY_ONE_OF', message });
  } else if (asOf === undefined && revision === undefined) {
    const message = `One of asOf (${INSTANT_FORMAT}) or revision (a whole number) is required`;
    problems.push({ field: 'query.asOf', code: 'EXACTLY_ONE_OF', message }, { field: 'query.revision', code: 'EXACTLY_ONE_OF', message });
  }
  const instant = asOf === undefined ? null : parseInstant(asOf);
  if (asOf !== undefined && instant === null && query.problems.every((p) => p.field !== 'query.asOf')) {
    problems.push({ field: 'query.asOf', code: 'INVALID_DATE', message: `asOf is not a real moment: ${INSTANT_FORMAT}` });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return instant !== null ? { shopId: params.shopId, asOf: instant } : { shopId: params.shopId, revision: Number(revision) };
});

/** Path ids only: the integrity check takes no query, and says so about any it is sent. */
export const ValidShopPath = createParamDecorator((_: unknown, ctx: ExecutionContext): { shopId: string } => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const { params, problems } = pathProblems(request);
  for (const name of Object.keys(request.query ?? {})) {
    problems.push({ field: `query.${name}`, code: 'UNKNOWN_FIELD', message: `query.${name} is not a known field` });
  }
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return { shopId: params.shopId };
});
