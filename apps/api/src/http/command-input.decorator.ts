import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiBody, ApiExtension, ApiHeader, ApiResponse } from '@nestjs/swagger';
import type { ShopCommandType } from '@shoplink/shops';
import { CommandEnvelope } from '@shoplink/command-handling';
import type { CallingService } from '@shoplink/service-auth';
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { canonicalJson } from '@shoplink/event-store';
import { ACTOR_PATTERN, CORRELATION_ID_PATTERN, ID_FORMAT, ID_PATTERN, IDEMPOTENCY_KEY_PATTERN } from './identifiers';
import { CommandAnswerSchema, ErrorBodySchema } from './api-schemas';
import { callingServiceOf } from '../auth/calling-service';
import { validateDto } from './validate-dto';
import { FieldProblem, ValidationFailedError } from './validation-failed.error';

/** A command as it arrived: the validated body and path, and the envelope built from the headers. */
export interface CommandInput<B> {
  readonly body: B;
  readonly params: Readonly<Record<string, string>>;
  readonly envelope: CommandEnvelope;
  /** Hash of method, path, actor, If-Match and body: what the Idempotency-Key promises not to change. */
  readonly requestHash: string;
  /** The calling service as its verified token says (ServiceAuthGuard ran first): whom it may act as. */
  readonly caller: CallingService | undefined;
  /** X-Actor-Assertion: the identity provider's proof of the person in X-Actor (checked on the command path). */
  readonly assertion: string | undefined;
}

type DtoClass = new () => object;

/**
 * Validates everything a command route receives in one pass (path, headers, body) so a
 * caller sees every bad field at once, and nothing reaches the command bus unless all is well.
 */
export const ValidCommand = createParamDecorator((dto: DtoClass | undefined, ctx: ExecutionContext): CommandInput<object> => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const problems: FieldProblem[] = [];
  const params = (request.params ?? {}) as Record<string, string>;
  for (const [name, value] of Object.entries(params)) {
    if (!ID_PATTERN.test(value)) problems.push({ field: `path.${name}`, code: 'INVALID_ID', message: `${name} must be ${ID_FORMAT}` });
  }
  const header = (name: string): string | undefined => {
    const value = request.headers[name.toLowerCase()];
    return Array.isArray(value) ? value.join(',') : value;
  };
  const key = header('Idempotency-Key');
  if (key === undefined)
    problems.push({ field: 'header.Idempotency-Key', code: 'REQUIRED', message: 'Idempotency-Key is required on every command' });
  else if (!IDEMPOTENCY_KEY_PATTERN.test(key))
    problems.push({
      field: 'header.Idempotency-Key',
      code: 'INVALID_FORMAT',
      message: 'Idempotency-Key must be 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits)',
    });
  const actorText = header('X-Actor');
  const actorMatch = actorText === undefined ? null : ACTOR_PATTERN.exec(actorText);
  if (actorText === undefined)
    problems.push({ field: 'header.X-Actor', code: 'REQUIRED', message: 'X-Actor (<kind>:<id>) is required on every command' });
  else if (actorMatch === null)
    problems.push({
      field: 'header.X-Actor',
      code: 'INVALID_FORMAT',
      message: `X-Actor must be member:<id>, support:<id> or system:<id>, the id ${ID_FORMAT}`,
    });
  const correlationId = header('X-Correlation-Id');
  if (correlationId !== undefined && !CORRELATION_ID_PATTERN.test(correlationId))
    problems.push({
      field: 'header.X-Correlation-Id',
      code: 'INVALID_FORMAT',
      message: 'X-Correlation-Id must be 1-128 characters: letters, digits, ".", "_", ":", "-"',
    });
  const ifMatch = header('If-Match');
  const ifMatchRevision = ifMatch === undefined ? undefined : /^"?(0|[1-9][0-9]{0,14})"?$/.exec(ifMatch)?.[1];
  if (ifMatch !== undefined && ifMatchRevision === undefined)
    problems.push({ field: 'header.If-Match', code: 'INVALID_FORMAT', message: 'If-Match must be a stream revision, a whole number' });

  const validated = dto ? validateDto(dto, request.body, 'body') : { value: {}, problems: bodyMustBeEmpty(request.body) };
  problems.push(...validated.problems);
  if (problems.length > 0) throw new ValidationFailedError(problems);

  const commandId = key as string;
  const actor = { kind: actorMatch![1], id: actorMatch![2] };
  // The request's id names it when the caller sent none (correlation-id.ts), and every answer echoes it.
  const correlation = correlationId ?? randomUUID();
  const requestHash = createHash('sha256')
    .update(
      canonicalJson({
        method: request.method,
        path: request.url.split('?')[0],
        actor,
        ifMatch: ifMatchRevision ?? null,
        body: request.body ?? null,
      }),
    )
    .digest('hex');
  const caller = callingServiceOf(request);
  return {
    body: validated.value,
    params,
    requestHash,
    caller,
    assertion: header('X-Actor-Assertion'),
    envelope: {
      commandId,
      correlationId: correlation,
      causationId: commandId,
      actor,
      // The verified token's subject (ServiceAuthGuard ran before this), never a header the caller could set.
      callingService: caller?.name ?? 'unidentified',
      expectedRevision: ifMatchRevision === undefined ? undefined : Number(ifMatchRevision),
    },
  };
});

function bodyMustBeEmpty(body: unknown): FieldProblem[] {
  const empty = body === undefined || body === null || (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0);
  return empty ? [] : [{ field: 'body', code: 'UNEXPECTED_BODY', message: 'This command takes no body' }];
}

/** The success status of a command route: 200, or 201 where the command creates what it names (RegisterShop). */
export type CommandSuccessStatus = 200 | 201;

/**
 * OpenAPI for a command route: the domain command it sends (`x-shop-command`, which the role table
 * and the sensitive steps are written in), its body, the headers every command reads (with their
 * formats, as ValidCommand checks them), its success answer and every refusal, each an ErrorBody.
 */
export function ApiCommand(command: ShopCommandType, dto?: DtoClass, successStatus: CommandSuccessStatus = 200): MethodDecorator {
  return applyDecorators(
    ApiExtension('x-shop-command', command),
    ...(dto ? [ApiBody({ type: dto, required: true })] : []),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'The command id, 8-128 characters: letters, digits, ".", "_", ":", "-" (a UUID fits); a retry with the same key and body returns the first answer and appends nothing',
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, minLength: 8, maxLength: 128 },
      example: '5f0b3c7e-5d1a-4d7a-9a55-1f7c1a0e8f42',
    }),
    ApiHeader({
      name: 'X-Actor',
      required: true,
      description: `member:<id>, support:<id> or system:<id>, one the service token's actors claim grants; the id ${ID_FORMAT}`,
      schema: { type: 'string', pattern: ACTOR_PATTERN.source },
      example: 'member:m-owner',
    }),
    ApiHeader({
      name: 'X-Actor-Assertion',
      required: false,
      description:
        "Required for member: and support: actors: the identity provider's signed assertion (JWT) for that person; sensitive steps need a second factor in its amr, used within 5 minutes",
      schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*$' },
    }),
    ApiHeader({
      name: 'X-Correlation-Id',
      required: false,
      description:
        'Copied into every event and echoed on the answer; generated when absent. 1-128 characters: letters, digits, ".", "_", ":", "-"',
      schema: { type: 'string', pattern: CORRELATION_ID_PATTERN.source, minLength: 1, maxLength: 128 },
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: "The shop stream's revision the command was decided on, quoted or not; a stale one answers 409 CONCURRENCY_CONFLICT",
      schema: { type: 'string', pattern: '^"?(0|[1-9][0-9]{0,14})"?$' },
      example: '"3"',
    }),
    ApiResponse({
      status: successStatus,
      description: successStatus === 201 ? 'Created: the events appended' : 'Accepted: the events appended (none on a retry or a no-op)',
      type: CommandAnswerSchema,
      headers: {
        'Idempotent-Replayed': {
          description: 'true when this is the first answer to the same Idempotency-Key, replayed',
          schema: { type: 'string', enum: ['true'] },
        },
      },
    }),
    ApiResponse({ status: 400, description: 'VALIDATION_FAILED: every bad field named in details', type: ErrorBodySchema }),
    ApiResponse({
      status: 401,
      description:
        'UNAUTHENTICATED (no valid service token) or ACTOR_ASSERTION_INVALID (a member or support actor without a valid X-Actor-Assertion)',
      type: ErrorBodySchema,
    }),
    ApiResponse({
      status: 403,
      description:
        "FORBIDDEN_SCOPE (the token lacks the route's scope), FORBIDDEN_ACTOR (the service token's actors claim does not grant X-Actor), FORBIDDEN_ROLE (the actor may not send this command) or STEP_UP_REQUIRED (a sensitive step without a recent second factor; details name what is needed)",
      type: ErrorBodySchema,
    }),
    ApiResponse({ status: 404, description: 'SHOP_NOT_FOUND and other missing things', type: ErrorBodySchema }),
    ApiResponse({
      status: 409,
      description: 'CONCURRENCY_CONFLICT (safe to retry) or a state conflict',
      type: ErrorBodySchema,
    }),
    ...(dto
      ? [
          ApiResponse({
            status: 413,
            description: 'PAYLOAD_TOO_LARGE: the body is larger than the service accepts',
            type: ErrorBodySchema,
          }),
          ApiResponse({
            status: 415,
            description: 'UNSUPPORTED_MEDIA_TYPE: send JSON with Content-Type: application/json',
            type: ErrorBodySchema,
          }),
        ]
      : []),
    ApiResponse({
      status: 422,
      description:
        'A business rule refused the command (a stable code and every failed rule in details; a refusal the domain records also carries streamId, revision, position and events), or IDEMPOTENCY_KEY_REUSED with another request',
      type: ErrorBodySchema,
    }),
    ApiResponse({
      status: 503,
      description:
        'The store cannot take the command now; retry after Retry-After with the same Idempotency-Key: STORAGE_FULL (the disk is full; accepted again once space is freed), STORAGE_CORRUPT (the data file is malformed) or STORAGE_UNCHECKED (the data file is still being checked at start)',
      type: ErrorBodySchema,
    }),
  );
}
