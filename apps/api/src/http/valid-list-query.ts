import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { parsePosition, Position } from '@shoplink/event-store';
import type { FastifyRequest } from 'fastify';
import { ID_FORMAT, ID_PATTERN } from '../http/identifiers';
import { ReadYourWritesQuery } from './query-input';
import { validateDto } from '../http/validate-dto';
import { FieldProblem, ValidationFailedError } from '../http/validation-failed.error';

export interface ListQueryInput<T> {
  readonly params: Readonly<Record<string, string>>;
  readonly query: T;
  readonly minPosition: Position | null;
}

/**
 * Like ValidQuery, for routes with query fields of their own: the path ids, the DTO's fields
 * (unknown ones refused) and `check`'s rules that span fields are validated together, and
 * every bad field is named in one 400. `check` turns the DTO into what the route uses.
 */
export function ValidListQuery<D extends ReadYourWritesQuery, T>(
  dto: new () => D,
  check: (value: D) => { value: T; problems: FieldProblem[] },
) {
  return createParamDecorator((_: unknown, ctx: ExecutionContext): ListQueryInput<T> => {
    const request = ctx.switchToHttp().getRequest<FastifyRequest>();
    const params = (request.params ?? {}) as Record<string, string>;
    const problems: FieldProblem[] = Object.entries(params)
      .filter(([, value]) => !ID_PATTERN.test(value))
      .map(([name]) => ({ field: `path.${name}`, code: 'INVALID_ID', message: `${name} must be ${ID_FORMAT}` }));
    const validated = validateDto(dto, request.query, 'query');
    problems.push(...validated.problems);
    // Rules spanning fields only run on fields that passed their own checks, so one mistake is named once.
    const failed = new Set(validated.problems.map((p) => p.field));
    const checked = check(withoutFailed(validated.value, failed));
    problems.push(...checked.problems);
    if (problems.length > 0) throw new ValidationFailedError(problems);
    const minPosition = validated.value.minPosition === undefined ? null : parsePosition(validated.value.minPosition);
    return { params, query: checked.value, minPosition };
  })();
}

function withoutFailed<D extends object>(value: D, failed: ReadonlySet<string>): D {
  const copy = { ...value } as Record<string, unknown>;
  for (const field of failed) delete copy[field.replace(/^query\./, '')];
  return copy as D;
}
