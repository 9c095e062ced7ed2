import { context, trace } from '@opentelemetry/api';
import type { Params } from 'nestjs-pino';
import pino, { DestinationStream, LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { ObservabilityOptions } from '../observability.options';
import { REDACTED_PATHS, REDACTION_CENSOR } from './log-redaction';

/**
 * What every logger of the service (the API and the projector process) shares: level, the
 * process's name on every line, secrets redacted, and the trace of the span the line was written
 * in (trace_id, span_id, trace_flags), when tracing is on and a span is active.
 */
export function pinoOptions(options: ObservabilityOptions): LoggerOptions {
  return {
    level: options.logLevel ?? 'info',
    base: { service: options.service ?? 'shoplink-api' },
    redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
    mixin: traceOfActiveSpan,
  };
}

/** The active span's ids, OpenTelemetry's names for them in logs; nothing when tracing is off (the no-op span's context is not valid). */
export function traceOfActiveSpan(): Record<string, string> {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (spanContext === undefined || !trace.isSpanContextValid(spanContext)) return {};
  const { traceId, spanId, traceFlags } = spanContext;
  return { trace_id: traceId, span_id: spanId, trace_flags: `0${traceFlags.toString(16)}`.slice(-2) };
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
