import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IDEMPOTENCY_STORE, IdempotencyKeyReusedError, IdempotencyStore } from '@shoplink/command-handling';
import { encodePosition } from '@shoplink/event-store';
import { ShopCommand, ShopCommandResult, ShopRuleViolation } from '@shoplink/shops';
import { CommandTelemetry } from '../observability/command-telemetry';
import { ExecuteShopCommand } from '../shops/command-bus/execute-shop-command.command';
import { CommandInput } from './command-input.decorator';
import { errorBody } from './error-body';
import { statusOfRefusal } from './refusal-status';

export interface SendOptions {
  readonly successStatus?: number;
  /** Added to a successful answer, and replayed with it (e.g. the id of the unlink request created). */
  readonly alsoAnswer?: Record<string, unknown>;
  /** Added to a successful first answer only; kept out of the idempotency record. */
  readonly answeredOnce?: Record<string, unknown>;
  /**
   * Work that must be done before a success is answered, and done again when a retry finds the
   * command already in the log (a crash after the append): it runs before the answer is stored,
   * so an answered key means it ran. Must be idempotent.
   */
  readonly beforeAnswering?: () => Promise<void>;
}

/** What a command route answers; kept whole so a retry with the same key gets it again. */
export interface CommandAnswer {
  readonly statusCode: number;
  readonly body: Record<string, unknown>;
  readonly replayed: boolean;
}

/**
 * Sends a shop command over the bus and turns the outcome into the HTTP answer, keeping
 * the Idempotency-Key promise: the same key and request get the first answer and append
 * nothing; the same key with another request is refused.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly bus: CommandBus,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    private readonly telemetry: CommandTelemetry,
  ) {}

  /** Every command passes here, so here it is logged, counted and traced (replays from the idempotency store included). */
  send(input: CommandInput<object>, shopId: string, command: ShopCommand, options: SendOptions = {}): Promise<CommandAnswer> {
    return this.telemetry.observe(shopId, command, input.envelope, () => this.sendOnce(input, shopId, command, options));
  }

  private async sendOnce(input: CommandInput<object>, shopId: string, command: ShopCommand, options: SendOptions): Promise<CommandAnswer> {
    const key = input.envelope.commandId;
    const first = await this.idempotency.find(key);
    if (first !== null) {
      if (first.requestHash !== input.requestHash) throw new IdempotencyKeyReusedError(key);
      return { statusCode: first.statusCode, body: first.body as Record<string, unknown>, replayed: true };
    }
    const decided = await this.answer(shopId, command, input, options.successStatus ?? 200);
    if (decided.statusCode < 300) await options.beforeAnswering?.();
    const answer =
      decided.statusCode < 300 && options.alsoAnswer ? { ...decided, body: { ...decided.body, ...options.alsoAnswer } } : decided;
    await this.idempotency.save({
      key,
      requestHash: input.requestHash,
      statusCode: answer.statusCode,
      body: answer.body,
      createdAt: new Date(),
    });
    // Secrets (the one-time unlink code) go into this answer only: never stored, never replayed.
    const once = options.answeredOnce !== undefined && answer.statusCode < 300 && !answer.replayed ? options.answeredOnce : {};
    return { ...answer, body: { ...answer.body, ...once } };
  }

  private async answer(shopId: string, command: ShopCommand, input: CommandInput<object>, successStatus: number): Promise<CommandAnswer> {
    let result: ShopCommandResult;
    try {
      result = await this.bus.execute(new ExecuteShopCommand(shopId, command, input.envelope));
    } catch (error) {
      // A rule's refusal is a final answer for this key; conflicts and failures are not, so they are retried afresh.
      if (!(error instanceof ShopRuleViolation)) throw error;
      const status = statusOfRefusal(error.kind);
      return { statusCode: status, body: errorBody(status, error.code, error.message, error.details), replayed: false };
    }
    const written = {
      commandId: input.envelope.commandId,
      streamId: result.streamId,
      revision: result.revision,
      position: encodePosition(result.position),
      events: result.events,
    };
    if (result.refusal !== null) {
      const { code, message, details } = result.refusal;
      return { statusCode: 422, body: errorBody(422, code, message, details, written), replayed: result.replayed };
    }
    return { statusCode: successStatus, body: written, replayed: result.replayed };
  }
}
