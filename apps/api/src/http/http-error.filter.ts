import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from '@shoplink/command-handling';
import { StreamIntegrityBrokenError, WrongExpectedRevisionError } from '@shoplink/event-store';
import { ActorNotGrantedError } from '@shoplink/service-auth';
import { ShopRuleViolation } from '@shoplink/shops';
import { StorageHealth, StorageUnavailableError } from '@shoplink/storage';
import type { FastifyReply } from 'fastify';
import { ActorAssertionInvalidError, ForbiddenScopeError, RateLimitedError, UnauthenticatedError } from '../auth/auth.errors';
import { errorBody, ErrorBody } from './error-body';
import { ReadModelBehindError } from '../projections/read-your-writes';
import { statusOfRefusal } from './refusal-status';
import { ValidationFailedError } from './validation-failed.error';

/**
 * The one place errors become HTTP answers. Known errors keep their stable code; anything
 * unexpected is logged and answered 500 without its message, which could leak internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  /** `health` turns a full disk or a malformed page met by any route (a read too) into its condition and a 503. */
  constructor(private readonly health?: StorageHealth) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const error = this.health?.failed(thrown) ?? thrown;
    const body = this.toBody(error);
    if (body.statusCode === 409 && body.code === 'CONCURRENCY_CONFLICT') void reply.header('Retry-After', '0');
    if (body.statusCode === 503) void reply.header('Retry-After', '1');
    if (error instanceof RateLimitedError || error instanceof StorageUnavailableError)
      void reply.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof UnauthenticatedError) void reply.header('WWW-Authenticate', 'Bearer realm="shoplink"');
    void reply.status(body.statusCode).send(body);
  }

  private toBody(error: unknown): ErrorBody {
    if (error instanceof UnauthenticatedError) return errorBody(401, error.code, error.message);
    if (error instanceof ForbiddenScopeError)
      return errorBody(403, error.code, error.message, [{ code: error.code, requiredScope: error.requiredScope }]);
    if (error instanceof RateLimitedError) return errorBody(429, error.code, error.message);
    if (error instanceof ValidationFailedError) return errorBody(400, error.code, error.message, error.problems);
    if (error instanceof ActorAssertionInvalidError) return errorBody(401, error.code, error.message);
    if (error instanceof ActorNotGrantedError) {
      return errorBody(403, error.code, error.message, [{ code: error.code, actor: error.actor, requiredGrant: error.neededGrant }]);
    }
    if (error instanceof ShopRuleViolation) return errorBody(statusOfRefusal(error.kind), error.code, error.message, error.details);
    if (error instanceof ConcurrencyConflictError) {
      return errorBody(
        409,
        error.code,
        error.message,
        [{ code: error.code, message: 'Another command changed the shop first; read it again and retry' }],
        {
          actualRevision: error.actualRevision,
        },
      );
    }
    if (error instanceof WrongExpectedRevisionError) {
      // Only reaches here when an account stream kept changing through every retry.
      return errorBody(409, 'CONCURRENCY_CONFLICT', `Stream ${error.streamId} kept changing; retry`, [
        { code: 'CONCURRENCY_CONFLICT', message: 'Safe to retry' },
      ]);
    }
    if (error instanceof StreamIntegrityBrokenError) {
      return errorBody(409, error.code, error.message, [{ code: error.code, ...error.problem }]);
    }
    if (error instanceof ReadModelBehindError) return errorBody(503, error.code, error.message);
    if (error instanceof StorageUnavailableError) {
      return errorBody(503, error.code, error.message, [{ code: error.code, since: error.condition.since, ...error.condition.details }]);
    }
    if (error instanceof IdempotencyKeyReusedError) {
      return errorBody(422, error.code, error.message, [
        { field: 'header.Idempotency-Key', code: error.code, message: 'Use a new key for a new request' },
      ]);
    }
    const status = httpStatusOf(error);
    if (status !== null && status < 500) return errorBody(status, codeOfStatus(status), messageOf(error, status), detailsOf(error, status));
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return errorBody(500, 'INTERNAL_ERROR', 'Something went wrong on our side; the command may be retried with the same Idempotency-Key');
  }
}

/** Nest's own HttpExceptions and Fastify's errors (bad JSON, body too large, wrong media type) both carry a status. */
function httpStatusOf(error: unknown): number | null {
  if (error instanceof HttpException) return error.getStatus();
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : null;
}

/** Our own validation answers its 400s itself, so a 400 arriving here comes from parsing the body. */
const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'MALFORMED_BODY',
  404: 'ROUTE_NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

function codeOfStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? 'BAD_REQUEST';
}

function messageOf(error: unknown, status: number): string {
  if (status === 404) return 'No such route';
  if (status === 413) return 'The request body is larger than this service accepts';
  if (status === 415) return 'Send JSON with Content-Type: application/json';
  // Fastify's own 4xx messages describe the request, not our internals, so they are safe to pass on.
  return error instanceof Error ? error.message : 'Bad request';
}

function detailsOf(error: unknown, status: number): unknown[] {
  return status === 400 ? [{ field: 'body', code: 'MALFORMED_BODY', message: messageOf(error, status) }] : [];
}
