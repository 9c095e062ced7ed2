import { Injectable } from '@nestjs/common';
import { SpanStatusCode } from '@opentelemetry/api';
import { CommandEnvelope, ConcurrencyConflictError, IdempotencyKeyReusedError } from '@shoplink/command-handling';
import { ShopCommand, shopStreamId } from '@shoplink/shops';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { ShoplinkMetrics } from './metrics/shoplink-metrics';
import { CALLING_SERVICE, COMMAND_ID, COMMAND_TYPE, CORRELATION_ID, OUTCOME, REVISION, STREAM } from './tracing/span-names';
import { ShoplinkTracer } from './tracing/tracer';

/** What the gateway answers (its CommandAnswer), as far as telemetry reads it. */
export interface AnsweredCommand {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
  readonly replayed: boolean;
}

export type CommandOutcome = 'accepted' | 'refused' | 'conflict' | 'replayed' | 'failed';

interface Observed {
  readonly outcome: CommandOutcome;
  readonly statusCode: number;
  readonly reason: string | null;
  readonly stream: string;
  readonly revision: number | null;
  readonly position: string | null;
}

/**
 * What every command leaves behind, decided in one place around the command gateway: one log
 * line (who asked, which command, on which stream, what came of it, how long it took), its
 * counters and latency, and a span under the request's. Bodies are never logged: they hold the
 * account owner's details and, for unlinks, the one-time code.
 */
@Injectable()
export class CommandTelemetry {
  constructor(
    private readonly metrics: ShoplinkMetrics,
    private readonly tracing: ShoplinkTracer,
    @InjectPinoLogger('command') private readonly logger: PinoLogger,
  ) {}

  observe<A extends AnsweredCommand>(shopId: string, command: ShopCommand, envelope: CommandEnvelope, send: () => Promise<A>): Promise<A> {
    const attributes = {
      [COMMAND_TYPE]: command.type,
      [COMMAND_ID]: envelope.commandId,
      [CORRELATION_ID]: envelope.correlationId,
      [CALLING_SERVICE]: envelope.callingService,
      [STREAM]: shopStreamId(shopId),
    };
    return this.tracing.tracer.startActiveSpan(`command ${command.type}`, { attributes }, async (span) => {
      const started = process.hrtime.bigint();
      let observed: Observed;
      try {
        const answer = await send();
        observed = observedAnswer(shopId, answer);
        return answer;
      } catch (error) {
        observed = observedError(shopId, error);
        if (observed.outcome === 'failed') span.recordException(error as Error);
        throw error;
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        this.record(command, envelope, observed!, seconds);
        span.setAttributes({ [OUTCOME]: observed!.outcome, ...(observed!.revision === null ? {} : { [REVISION]: observed!.revision }) });
        if (observed!.outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
  }

  private record(command: ShopCommand, envelope: CommandEnvelope, observed: Observed, seconds: number): void {
    this.metrics.commands.inc({ type: command.type, outcome: observed.outcome });
    this.metrics.commandDuration.observe({ type: command.type }, seconds);
    if (observed.outcome === 'replayed') this.metrics.idempotentReplays.inc({ type: command.type });
    const line = {
      commandType: command.type,
      commandId: envelope.commandId,
      correlationId: envelope.correlationId,
      callingService: envelope.callingService,
      actor: `${envelope.actor.kind}:${envelope.actor.id}`,
      stream: observed.stream,
      revision: observed.revision,
      position: observed.position,
      outcome: observed.outcome,
      reason: observed.reason,
      statusCode: observed.statusCode,
      durationMs: Math.round(seconds * 1e6) / 1e3,
    };
    const message = `${command.type} on ${observed.stream}: ${observed.outcome}${observed.reason ? ` (${observed.reason})` : ''}`;
    if (observed.outcome === 'failed') this.logger.error(line, message);
    else this.logger.info(line, message);
  }
}

function observedAnswer(shopId: string, answer: AnsweredCommand): Observed {
  const body = answer.body as { code?: unknown; streamId?: unknown; revision?: unknown; position?: unknown };
  const outcome: CommandOutcome = answer.replayed
    ? 'replayed'
    : answer.statusCode < 300
      ? 'accepted'
      : answer.statusCode === 409 && body.code === 'CONCURRENCY_CONFLICT'
        ? 'conflict'
        : 'refused';
  return {
    outcome,
    statusCode: answer.statusCode,
    reason: typeof body.code === 'string' ? body.code : null,
    stream: typeof body.streamId === 'string' ? body.streamId : shopStreamId(shopId),
    revision: typeof body.revision === 'number' ? body.revision : null,
    position: typeof body.position === 'string' ? body.position : null,
  };
}

function observedError(shopId: string, error: unknown): Observed {
  const stream = shopStreamId(shopId);
  if (error instanceof ConcurrencyConflictError)
    return { outcome: 'conflict', statusCode: 409, reason: error.code, stream, revision: null, position: null };
  if (error instanceof IdempotencyKeyReusedError)
    return { outcome: 'refused', statusCode: 422, reason: error.code, stream, revision: null, position: null };
  return {
    outcome: 'failed',
    statusCode: 500,
    reason: error instanceof Error ? error.name : 'Error',
    stream,
    revision: null,
    position: null,
  };
}
