import { applyDecorators } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ErrorBodySchema } from './api-schemas';

/** The format of a command answer's `position` (and of a feed position): `<commit>` or `<commit>.<prepare>`. */
export const POSITION_PATTERN = '^(0|[1-9][0-9]{0,19})(\\.(0|[1-9][0-9]{0,19}))?$';

/** `minPosition` on a read-model query: read your own write. */
export const ApiMinPosition = (): MethodDecorator =>
  ApiQuery({
    name: 'minPosition',
    required: false,
    description:
      "A command answer's `position`: wait (bounded) until the read model includes it; 503 READ_MODEL_BEHIND if it does not in time",
    schema: { type: 'string', pattern: POSITION_PATTERN },
    example: '42',
  });

/** `limit` of a paged route: a whole number within its bounds. */
export const ApiLimit = (max: number, byDefault: number, what: string): MethodDecorator =>
  ApiQuery({
    name: 'limit',
    required: false,
    description: `${what} per page, 1..${max} (default ${byDefault})`,
    schema: { type: 'integer', minimum: 1, maximum: max, default: byDefault },
  });

/** `cursor` of a paged route: the `nextCursor` of the previous page, opaque. */
export const ApiCursor = (): MethodDecorator =>
  ApiQuery({
    name: 'cursor',
    required: false,
    description: 'The nextCursor of the previous page, as it was given (opaque)',
    schema: { type: 'string', minLength: 1, maxLength: 512 },
  });

/**
 * The refusals of a read route: bad input (every bad field named), nothing of that id, and a
 * read model that did not reach `minPosition` in time.
 */
export const ApiReadRefusals = (options: { notFound?: string; readModel?: boolean } = {}): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiResponse({
      status: 400,
      description: 'VALIDATION_FAILED: every bad path id or query parameter named in details',
      type: ErrorBodySchema,
    }),
    ...(options.notFound ? [ApiResponse({ status: 404, description: options.notFound, type: ErrorBodySchema })] : []),
    ...(options.readModel === false
      ? []
      : [
          ApiResponse({
            status: 503,
            description: 'READ_MODEL_BEHIND: the read model did not reach minPosition in time; see Retry-After',
            type: ErrorBodySchema,
          }),
        ]),
  );

/** The 200 answer of a read route: a JSON object, described in words (the read models are not published as schemas yet). */
export const ApiReadAnswer = (description: string, example?: Record<string, unknown>): MethodDecorator =>
  ApiResponse({
    status: 200,
    description,
    schema: { type: 'object', additionalProperties: true, ...(example ? { example } : {}) },
  });
