import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandMessage, CommandSender, IDEMPOTENCY_STORE, IdempotencyKeyReusedError, IdempotencyStore } from '@shoplink/command-handling';
import { encodePosition, Position } from '@shoplink/event-store';
import { ActorNotGrantedError, CallingService, grantsActor, InvalidActorAssertionError } from '@shoplink/service-auth';
import { DecideShopCommand, RecordedRefusal, ShopCommandResult, ShopRuleViolation } from '@shoplink/shops';
import { STORAGE_CONDITIONS, STORAGE_HEALTH, StorageConditions, StorageHealth, StorageUnavailableError } from '@shoplink/storage';
import { ActorAssertionInvalidError } from '../auth/auth.errors';
import { VerifiedAssertions } from '../auth/verified-assertions';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
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
  /** X-Actor-Assertion, required when the actor is a person (member or support agent). */
  readonly assertion: string | undefined;
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
  private readonly logger = new Logger('CommandGateway');
  private readonly assertions: VerifiedAssertions;

  constructor(
    private readonly bus: CommandBus,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    private readonly telemetry: CommandTelemetry,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(STORAGE_CONDITIONS) private readonly conditions: StorageConditions,
    @Inject(STORAGE_HEALTH) private readonly health: StorageHealth,
  ) {
    this.assertions = new VerifiedAssertions(config.actorAssertionKeys);
  }

  send<R>(message: CommandMessage<R>): Promise<R> {
    return this.telemetry.observe(message, () => this.dispatch(message), observedResult);
  }

  answer(message: DecideShopCommand, request: HttpCommandRequest): Promise<CommandAnswer> {
    return this.telemetry.observe(message, () => this.answerOnce(message, request), observedAnswer);
  }

  /**
   * Who acts, checked before anything else, the stored answer included: the calling service may
   * act as that actor (its token's grants), and a person is proven by their assertion, whose proof
   * then travels with the command (step-up decisions, event metadata).
   */
  private async proven(message: DecideShopCommand, request: HttpCommandRequest): Promise<DecideShopCommand> {
    const { actor } = message.envelope;
    if (request.caller === undefined || !grantsActor(request.caller.actors, actor)) {
      throw new ActorNotGrantedError(`${actor.kind}:${actor.id}`, request.caller?.name ?? 'unidentified');
    }
    if (actor.kind !== 'member' && actor.kind !== 'support') return message;
    if (request.assertion === undefined) throw new ActorAssertionInvalidError(true);
    let actorProof;
    try {
      actorProof = await this.assertions.prove(request.assertion, { kind: actor.kind, id: actor.id });
    } catch (error) {
      if (!(error instanceof InvalidActorAssertionError)) throw error;
      this.logger.warn(`refused an actor assertion for ${actor.kind}:${actor.id} from ${request.caller.name} (${error.reason})`);
      throw new ActorAssertionInvalidError(false);
    }
    return new DecideShopCommand(message.shopId, message.command, { ...message.envelope, actorProof });
  }

  /** Every command reaches its handler through here, unless the store is in a condition that refuses writes. */
  private dispatch<R>(message: CommandMessage<R>): Promise<R> {
    const refusing = this.conditions.refusingWrites();
    if (refusing !== null) return Promise.reject(new StorageUnavailableError(refusing));
    // A command that met a full disk or a malformed page raises the condition, so the next ones are refused before they try.
    return this.bus.execute<CommandMessage<R>, R>(message).catch((error: unknown) => {
      throw this.health.failed(error) ?? error;
    });
  }

  private async answerOnce(asked: DecideShopCommand, request: HttpCommandRequest): Promise<CommandAnswer> {
    const message = await this.proven(asked, request);
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
      // A rule's refusal is a final answer for this key; conflicts, failures and a missing step-up are not, so they are tried afresh.
      if (!(error instanceof ShopRuleViolation) || error.kind === 'step_up') throw error;
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

function answerOf(commandId: string, result: ShopCommandResult, successStatus: number): CommandAnswer {
  const written = {
    commandId,
    streamId: result.streamId,
    revision: result.revision,
    position: encodePosition(result.position),
    events: result.events,
  };
  if (result.refusal !== null)
    return { ...refusalAnswer(statusOfRefusal(result.refusal.kind ?? 'rule'), result.refusal, written), replayed: result.replayed };
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
    statusCode: refusal !== null ? statusOfRefusal(refusal.kind ?? 'rule') : 200,
    reason: refusal?.code ?? null,
    revision: typeof handled.revision === 'number' ? handled.revision : null,
    position: handled.position === undefined ? null : encodePosition(handled.position),
  };
}
