import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino, { DestinationStream, Logger } from 'pino';
import { storage, Store } from 'nestjs-pino/storage';
import { callingServiceOf } from '../../auth/calling-service';
import { routeOf } from '../http-route';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from '../observability.options';
import { REDACTED_REQUEST_HEADERS, REDACTED_RESPONSE_HEADERS, redactedHeaders } from './log-redaction';
import { pinoOptions } from './pino-params';

export const LOG_DESTINATION = Symbol('LOG_DESTINATION');

/**
 * The request's logging scope, as nestjs-pino reads it (`storage.getStore().logger`): a child of the
 * service's logger bound to the request id, made only when something logs inside the request (a
 * command's line), not for every request.
 */
class RequestScope {
  private scoped: Logger | undefined;
  readonly responseLogger = undefined;

  constructor(
    private readonly parent: Logger,
    private readonly reqId: string,
  ) {}

  get logger(): Logger {
    return (this.scoped ??= this.parent.child({ reqId: this.reqId }));
  }

  set logger(logger: Logger) {
    this.scoped = logger; // PinoLogger.assign()
  }
}

/**
 * One JSON line per request, when its answer is finished (or the connection closed first), with
 * what pino-http wrote before: the request id, `req` (id, method, url, query, headers with the
 * credentials redacted, remote address and port), `res` (status code, headers), `responseTime`,
 * and the correlation id, the calling service and the route template; level error for a 5xx or a
 * failed answer, info otherwise. Built here from Fastify's hooks instead of pino-http's middleware,
 * which made three child loggers and ran the redaction paths over every request; the line's
 * headers are redacted by name (log-redaction.ts), the paths every other line still goes through.
 */
@Injectable()
export class RequestLog {
  /** Parent of each request's scope: redacts like every other logger of the service. */
  private readonly scoped: Logger;
  /** Writes the request lines, whose only secrets (headers) are redacted before they get here. */
  private readonly lines: Logger;

  constructor(@Inject(OBSERVABILITY_OPTIONS) options: ObservabilityOptions, @Inject(LOG_DESTINATION) destination: DestinationStream) {
    const shared = pinoOptions(options);
    this.scoped = pino(shared, destination);
    this.lines = pino({ ...shared, redact: undefined }, destination);
  }

  install(fastify: FastifyInstance): void {
    const logsRequests = this.lines.isLevelEnabled('info') || this.lines.isLevelEnabled('error');
    fastify.addHook('onRequest', (request, reply, done) => {
      const reqId = request.id;
      if (logsRequests) this.watch(reqId, request.raw, reply.raw, request.query);
      // Everything the request runs from here on (guards, handler, command) logs with its id.
      storage.run(new RequestScope(this.scoped, reqId) satisfies Store, done);
    });
  }

  private watch(reqId: string, req: IncomingMessage, res: ServerResponse, query: unknown): void {
    const startedAt = Date.now();
    const onDone = (err?: Error): void => {
      res.removeListener('close', onDone);
      res.removeListener('finish', onDone);
      res.removeListener('error', onDone);
      this.write(reqId, req, res, query, Date.now() - startedAt, err);
    };
    res.on('close', onDone);
    res.on('finish', onDone);
    res.on('error', onDone);
  }

  private write(
    reqId: string,
    req: IncomingMessage,
    res: ServerResponse,
    query: unknown,
    responseTime: number,
    err: Error | undefined,
  ): void {
    const failed = err !== undefined || res.statusCode >= 500;
    const level = failed ? 'error' : 'info';
    if (!this.lines.isLevelEnabled(level)) return;
    const route = routeOf(req);
    const line: Record<string, unknown> = {
      reqId,
      req: {
        id: reqId,
        method: req.method,
        url: req.url,
        query,
        headers: redactedHeaders(req.headers, REDACTED_REQUEST_HEADERS),
        remoteAddress: req.socket?.remoteAddress,
        remotePort: req.socket?.remotePort,
      },
      correlationId: reqId,
      // The verified token's service; requests refused before authentication have none.
      callingService: callingServiceOf(req)?.name ?? 'unauthenticated',
      route,
      res: { statusCode: res.statusCode, headers: redactedHeaders(res.getHeaders(), REDACTED_RESPONSE_HEADERS) },
      responseTime,
    };
    const target = `${req.method} ${route ?? req.url}`;
    // A refusal is an answer, not a fault: only the service's own failures are errors.
    if (failed)
      this.lines.error(
        { ...line, err: err ?? new Error(`failed with status code ${res.statusCode}`) },
        `${target} ${res.statusCode} failed`,
      );
    else this.lines.info(line, `${target} ${res.statusCode} ${Math.round(responseTime)}ms`);
  }
}
