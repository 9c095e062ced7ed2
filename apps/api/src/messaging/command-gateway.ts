import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandMessage, CommandSender, IDEMPOTENCY_STORE, IdempotencyKeyReusedError, IdempotencyStore } from '@shoplink/command-handling';
import { encodePosition, Position } from '@shoplink/event-store';
import { ActorNotGrantedError, CallingService, grantsActor } from '@shoplink/service-auth';
import { DecideShopCommand, RecordedRefusal, ShopCommandResult, ShopRuleViolation } from '@shoplink/shops';
import { errorBody } from '../http/error-body';
import { statusOfRefusal } from '../http/refusal-status';
import { CommandTelemetry, ObservedCommand } from '../observability/command-telemetry';

/** What a command route answers; kept whole so a retry with the same key gets it again. */
export interface CommandAnswer {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
  readonly replayed: boolean;
}

/** What an HTTP command adds to the message: who calls, the hash the Idempotency-Key promises, and the status of a success. */
export interface HttpCommandRequest {
  /** The verified calling service; its token must grant the actor the command names. */
  readonly caller: CallingService | undefined;
  readonly requestHash: string;
  readonly successStatus?: number;
}

/**
 * The one path of every command, whoever sends it (HTTP routes, automations, workflows): traced,
 * logged and counted here, then carried by the CommandBus to its bounded context's handler. HTTP
 * commands also keep the Idempotency-Key promise here: the same key and request get the first
 * answer and append nothing; the same key with another request is refused. Internal commands need
 * no stored answer: their ids derive from what caused them, and their handlers recognise a command
 * already applied in the log itself.
 */
@Injectable()
export class CommandGateway implements CommandSender {
  constructor(
    private readonly bus: CommandBus,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    private readonly telemetry: CommandTelemetry,
  ) {}

  send<R>(message: CommandMessage<R>): Promise<R> {
    return this.telemetry.observe(message, () => this.dispatch(message), observedResult);
  }

  answer(message: DecideShopCommand, request: HttpCommandRequest): Promise<CommandAnswer> {
    return this.telemetry.observe(message, () => this.answerOnce(message, request), observedAnswer);
  }

  /** Every command reaches its handler through here. */
  private dispatch<R>(message: CommandMessage<R>): Promise<R> {
    return this.bus.execute<CommandMessage<R>, R>(message);
  }

  private async answerOnce(message: DecideShopCommand, request: HttpCommandRequest): Promise<CommandAnswer> {
    // Before anything else, the stored answer included: a service may only ever act as the actors its token names.
    assertActorGranted(message.envelope.actor, request.caller);
    const key = message.envelope.commandId;
    const first = await this.idempotency.find(key);
    if (first !== null) {
      if (first.requestHash !== request.requestHash) throw new IdempotencyKeyReusedError(key);
      return { statusCode: first.statusCode, body: first.body as Record<string, unknown>, replayed: true };
    }
    let result: ShopCommandResult;
    try {
      result = await this.dispatch(message);
    } catch (error) {
      // A rule's refusal is a final answer for this key; conflicts and failures are not, so they are retried afresh.
      if (!(error instanceof ShopRuleViolation)) throw error;
      const refused = refusalAnswer(statusOfRefusal(error.kind), error);
      await this.keep(key, request.requestHash, refused);
      return refused;
    }
    const answer = answerOf(key, result, request.successStatus ?? 200);
    await this.keep(key, request.requestHash, answer);
    // Secrets (the one-time unlink code) go into this answer only: never stored, never replayed.
    return answer.statusCode < 300 && !answer.replayed ? { ...answer, body: { ...answer.body, ...result.answeredOnce } } : answer;
  }

  private keep(key: string, requestHash: string, answer: CommandAnswer): Promise<void> {
    return this.idempotency.save({ key, requestHash, statusCode: answer.statusCode, body: answer.body, createdAt: new Date() });
  }
}

function assertActorGranted(actor: { readonly kind: string; readonly id: string }, caller: CallingService | undefined): void {
  if (caller === undefined || !grantsActor(caller.actors, actor))
    throw new ActorNotGrantedError(`${actor.kind}:${actor.id}`, caller?.name ?? 'unidentified');
}

function answerOf(commandId: string, result: ShopCommandResult, successStatus: number): CommandAnswer {
  const written = {
    commandId,
    streamId: result.streamId,
    revision: result.revision,
    position: encodePosition(result.position),
    events: result.events,
  };
  if (result.refusal !== null) return { ...refusalAnswer(422, result.refusal, written), replayed: result.replayed };
  return { statusCode: successStatus, body: { ...written, ...result.answer }, replayed: result.replayed };
}

function refusalAnswer(status: number, refusal: RecordedRefusal, written: Record<string, unknown> = {}): CommandAnswer {
  return { statusCode: status, body: errorBody(status, refusal.code, refusal.message, refusal.details, written), replayed: false };
}

function observedAnswer(answer: CommandAnswer): ObservedCommand {
  const body = answer.body as { code?: unknown; revision?: unknown; position?: unknown };
  return {
    outcome: answer.replayed ? 'replayed' : answer.statusCode < 300 ? 'accepted' : 'refused',
    statusCode: answer.statusCode,
    reason: typeof body.code === 'string' ? body.code : null,
    revision: typeof body.revision === 'number' ? body.revision : null,
    position: typeof body.position === 'string' ? body.position : null,
  };
}

function observedResult(result: unknown): ObservedCommand {
  const handled = result as { replayed?: boolean; revision?: number; position?: Position; refusal?: RecordedRefusal | null };
  const refusal = handled.refusal ?? null;
  return {
    outcome: handled.replayed === true ? 'replayed' : refusal !== null ? 'refused' : 'accepted',
    statusCode: refusal !== null ? 422 : 200,
    reason: refusal?.code ?? null,
    revision: typeof handled.revision === 'number' ? handled.revision : null,
    position: handled.position === undefined ? null : encodePosition(handled.position),
  };
}
