import { Injectable } from '@nestjs/common';
import { SpanStatusCode } from '@opentelemetry/api';
import { AccountClaimRefused } from '@shoplink/accounts';
import { CommandMessage, ConcurrencyConflictError, IdempotencyKeyReusedError } from '@shoplink/command-handling';
import { ActorNotGrantedError } from '@shoplink/service-auth';
import { ShopRuleViolation } from '@shoplink/shops';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ShoplinkMetrics } from './metrics/shoplink-metrics';
import { CALLING_SERVICE, COMMAND_ID, COMMAND_TYPE, CORRELATION_ID, OUTCOME, REVISION, STREAM } from './tracing/span-names';
import { ShoplinkTracer } from './tracing/tracer';
import { statusOfRefusal } from '../http/refusal-status';
import { ActorAssertionInvalidError } from '../auth/auth.errors';

export type CommandOutcome = 'accepted' | 'refused' | 'conflict' | 'replayed' | 'failed';

/** What came of a command, as telemetry records it. */
export interface ObservedCommand {
  readonly outcome: CommandOutcome;
  readonly statusCode: number;
  readonly reason: string | null;
  readonly revision: number | null;
  readonly position: string | null;
}

/**
 * What every command leaves behind, decided in one place on the one command path (the gateway):
 * one log line (who asked, which command, on which stream, what came of it, how long it took),
 * its counters and latency, and a span under the request's. Bodies are never logged: they hold
 * the account owner's details and, for unlinks, the one-time code.
 */
@Injectable()
export class CommandTelemetry {
  constructor(
    private readonly metrics: ShoplinkMetrics,
    private readonly tracing: ShoplinkTracer,
    @InjectPinoLogger('command') private readonly logger: PinoLogger,
  ) {}

  /** Runs `send`, records what `observedOf` says of its value, or what its error says. */
  observe<T>(message: CommandMessage, send: () => Promise<T>, observedOf: (value: T) => ObservedCommand): Promise<T> {
    const { commandType, envelope, streamId } = message;
    const attributes = {
      [COMMAND_TYPE]: commandType,
      [COMMAND_ID]: envelope.commandId,
      [CORRELATION_ID]: envelope.correlationId,
      [CALLING_SERVICE]: envelope.callingService,
      [STREAM]: streamId,
    };
    return this.tracing.tracer.startActiveSpan(`command ${commandType}`, { attributes }, async (span) => {
      const started = process.hrtime.bigint();
      let observed: ObservedCommand | undefined;
      try {
        const value = await send();
        observed = observedOf(value);
        return value;
      } catch (error) {
        observed = observedError(error);
        if (observed.outcome === 'failed') span.recordException(error as Error);
        throw error;
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const seen = observed ?? observedError(undefined);
        this.record(message, seen, seconds);
        span.setAttributes({ [OUTCOME]: seen.outcome, ...(seen.revision === null ? {} : { [REVISION]: seen.revision }) });
        if (seen.outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
  }

  private record({ commandType, envelope, streamId }: CommandMessage, observed: ObservedCommand, seconds: number): void {
    this.metrics.commands.inc({ type: commandType, outcome: observed.outcome });
    this.metrics.commandDuration.observe({ type: commandType }, seconds);
    if (observed.outcome === 'replayed') this.metrics.idempotentReplays.inc({ type: commandType });
    const line = {
      commandType,
      commandId: envelope.commandId,
      correlationId: envelope.correlationId,
      callingService: envelope.callingService,
      actor: `${envelope.actor.kind}:${envelope.actor.id}`,
      stream: streamId,
      revision: observed.revision,
      position: observed.position,
      outcome: observed.outcome,
      reason: observed.reason,
      statusCode: observed.statusCode,
      durationMs: Math.round(seconds * 1e6) / 1e3,
    };
    const message = `${commandType} on ${streamId}: ${observed.outcome}${observed.reason ? ` (${observed.reason})` : ''}`;
    if (observed.outcome === 'failed') this.logger.error(line, message);
    else this.logger.info(line, message);
  }
}

function observedError(error: unknown): ObservedCommand {
  const none = { revision: null, position: null };
  if (error instanceof ConcurrencyConflictError) return { outcome: 'conflict', statusCode: 409, reason: error.code, ...none };
  if (error instanceof IdempotencyKeyReusedError) return { outcome: 'refused', statusCode: 422, reason: error.code, ...none };
  if (error instanceof ShopRuleViolation)
    return { outcome: 'refused', statusCode: statusOfRefusal(error.kind), reason: error.code, ...none };
  if (error instanceof ActorAssertionInvalidError) return { outcome: 'refused', statusCode: 401, reason: error.code, ...none };
  if (error instanceof ActorNotGrantedError) return { outcome: 'refused', statusCode: 403, reason: error.code, ...none };
  if (error instanceof AccountClaimRefused) return { outcome: 'refused', statusCode: 409, reason: error.code, ...none };
  return { outcome: 'failed', statusCode: 500, reason: error instanceof Error ? error.name : 'Error', ...none };
}
