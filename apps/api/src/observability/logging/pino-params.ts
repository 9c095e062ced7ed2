import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import pino, { DestinationStream } from 'pino';
import pretty from 'pino-pretty';
import { callingServiceOf } from '../../auth/calling-service';
import { correlationIdOf } from '../correlation-id';
import { ObservabilityOptions } from '../observability.options';
import { routeOf } from '../http-route';
import { REDACTED_PATHS, REDACTION_CENSOR } from './log-redaction';

/**
 * nestjs-pino's settings: one JSON line per request (pino-http) named by its correlation id, the
 * calling service and the route; Nest's own messages through the same logger; secrets redacted.
 */
export function pinoParams(options: ObservabilityOptions): Params {
  return {
    pinoHttp: [
      {
        level: options.logLevel ?? 'info',
        base: { service: 'shoplink-api' },
        redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
        // The request id is the correlation id, so the command line logged inside the request shares it.
        genReqId: (req) => correlationIdOf(req),
        quietReqLogger: true,
        customProps: (req) => ({
          correlationId: req.id,
          // The verified token's service; requests refused before authentication have none.
          callingService: callingServiceOf(req)?.name ?? 'unauthenticated',
          route: routeOf(req),
        }),
        // A refusal is an answer, not a fault: only the service's own failures are errors.
        customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
        customSuccessMessage: (req, res, responseTime) => `${req.method} ${routeOf(req) ?? req.url} ${res.statusCode} ${Math.round(responseTime)}ms`,
        customErrorMessage: (req, res) => `${req.method} ${routeOf(req) ?? req.url} ${res.statusCode} failed`,
      },
      destinationOf(options),
    ],
    // Nest 11 path syntax for "every route".
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}

function destinationOf(options: ObservabilityOptions): DestinationStream {
  if (options.logDestination) return options.logDestination;
  // In-process, not a worker-thread transport: nothing is left unwritten when the process exits.
  return options.prettyLogs ? pretty({ colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l' }) : pino.destination({ dest: 1, sync: true });
}
