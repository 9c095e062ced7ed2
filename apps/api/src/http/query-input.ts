import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { parsePosition, Position } from '@shoplink/event-store';
import { IsOptional, Matches } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import { ID_FORMAT, ID_PATTERN } from './identifiers';
import { validateDto } from './validate-dto';
import { FieldProblem, ValidationFailedError } from './validation-failed.error';

export class ReadYourWritesQuery {
  @ApiProperty({
    required: false,
    description: "A command answer's `position`: wait (bounded) until the read model includes it",
    example: '42',
  })
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,19})(\.(0|[1-9][0-9]{0,19}))?$/, { message: 'minPosition must be a position from a command answer, e.g. 42' })
  minPosition?: string;
}

export interface QueryInput {
  readonly params: Readonly<Record<string, string>>;
  readonly minPosition: Position | null;
}

/** Validates a query route's path ids and `minPosition` together, naming every bad field. */
export const ValidQuery = createParamDecorator((_: unknown, ctx: ExecutionContext): QueryInput => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const params = (request.params ?? {}) as Record<string, string>;
  const problems: FieldProblem[] = Object.entries(params)
    .filter(([, value]) => !ID_PATTERN.test(value))
    .map(([name]) => ({ field: `path.${name}`, code: 'INVALID_ID', message: `${name} must be ${ID_FORMAT}` }));
  const query = validateDto(ReadYourWritesQuery, request.query, 'query');
  problems.push(...query.problems);
  if (problems.length > 0) throw new ValidationFailedError(problems);
  return { params, minPosition: query.value.minPosition === undefined ? null : parsePosition(query.value.minPosition) };
});
