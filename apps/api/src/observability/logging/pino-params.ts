import type { Params } from 'nestjs-pino';
import pino, { DestinationStream, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { ObservabilityOptions } from '../observability.options';
import { REDACTED_PATHS, REDACTION_CENSOR } from './log-redaction';

/** What every logger of the service shares: level, the service's name on every line, secrets redacted. */
export function pinoOptions(options: ObservabilityOptions): LoggerOptions {
  return {
    level: options.logLevel ?? 'info',
    base: { service: 'shoplink-api' },
    redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
  };
}

/**
 * nestjs-pino's settings: Nest's own messages and the command lines through pino. Its pino-http
 * middleware is not used (no route is given to it): the line per request is written by RequestLog
 * from Fastify's hooks, which also opens the request's logging scope (see request-log.ts).
 */
export function pinoParams(options: ObservabilityOptions, destination: DestinationStream): Params {
  return { pinoHttp: [pinoOptions(options), destination], forRoutes: [] };
}

export function destinationOf(options: ObservabilityOptions): DestinationStream {
  if (options.logDestination) return options.logDestination;
  // In-process, not a worker-thread transport: nothing is left unwritten when the process exits.
  return options.prettyLogs
    ? pretty({ colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss.l' })
    : pino.destination({ dest: 1, sync: true });
}
