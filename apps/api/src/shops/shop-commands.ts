import { Injectable } from '@nestjs/common';
import { DecideShopCommand, ShopCommandIntent } from '@shoplink/shops';
import type { FastifyReply } from 'fastify';
import { CommandInput } from '../http/command-input.decorator';
import { CommandGateway } from '../messaging/command-gateway';
import { LinkSupersessionRunner } from './automations/link-supersession.runner';

/** What a shop command route does once its input is valid: one call, so a route is its command and nothing else. */
@Injectable()
export class ShopCommands {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly supersession: LinkSupersessionRunner,
  ) {}

  /**
   * Sends the command for the shop in the path (or `shopId`) through the one command path and writes
   * its answer on the reply: the status, and `Idempotent-Replayed` when a retry got the first answer.
   */
  async answer(
    reply: FastifyReply,
    input: CommandInput<object>,
    command: ShopCommandIntent,
    options: { readonly shopId?: string; readonly successStatus?: number } = {},
  ): Promise<Record<string, unknown>> {
    const shopId = options.shopId ?? input.params.shopId;
    const message = new DecideShopCommand(shopId, command, input.envelope);
    const answer = await this.gateway.answer(message, {
      caller: input.caller,
      assertion: input.assertion,
      requestHash: input.requestHash,
      successStatus: options.successStatus,
    });
    // A link closes other shops' pending requests of the account before the winner is answered.
    if (answer.statusCode < 300 && !answer.replayed && linksAnAccount(command))
      await this.supersession.afterRecorded(command.data.accountId, answer.body);
    void reply.status(answer.statusCode);
    if (answer.replayed) void reply.header('Idempotent-Replayed', 'true');
    return answer.body;
  }
}

/** The commands whose success may record AccountLinked (a grant; a switch links its new account the same way). */
const linksAnAccount = (command: ShopCommandIntent): command is Extract<ShopCommandIntent, { type: 'AnswerLinkAuthorization' }> =>
  command.type === 'AnswerLinkAuthorization';
