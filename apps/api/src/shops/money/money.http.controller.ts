import { Controller, Get, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_STATUS_COLLECTION, ShopRuleViolation, WITHDRAWALS_COLLECTION } from '@shoplink/shops';
import type { FastifyReply } from 'fastify';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { QueryInput, ReadYourWrites, ValidQuery } from '../../http/read-your-writes';
import { sendAnswer } from '../../http/send-answer';
import { CreditFundsRequest, RequestWithdrawalRequest, WithdrawalFailureRequest } from './money.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('money')
@RequiresScope('money:write')
@Controller('v1/shops/:shopId')
export class MoneyController {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Post('credits')
  @ApiOperation({ summary: 'A settlement was credited (FundsCredited); the same settlement id again appends nothing' })
  @ApiCommand(CreditFundsRequest)
  async credit(@ValidCommand(CreditFundsRequest) input: CommandInput<CreditFundsRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'CreditFunds', data: { ...input.body } }));
  }

  @Post('withdrawals')
  @ApiOperation({ summary: 'Request a withdrawal (FundsWithdrawalRequested): amount ≤ available, verified bank account, money not frozen' })
  @ApiCommand(RequestWithdrawalRequest)
  async withdraw(
    @ValidCommand(RequestWithdrawalRequest) input: CommandInput<RequestWithdrawalRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'RequestWithdrawal', data: { ...input.body } }));
  }

  @Post('withdrawals/:withdrawalId/completion')
  @ApiOperation({ summary: 'The payout was confirmed (FundsWithdrawn)' })
  @ApiCommand()
  async complete(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(
      reply,
      await this.gateway.send(input, input.params.shopId, {
        type: 'CompleteWithdrawal',
        data: { withdrawalId: input.params.withdrawalId },
      }),
    );
  }

  @Post('withdrawals/:withdrawalId/failure')
  @ApiOperation({ summary: 'The payout failed (FundsWithdrawalFailed); the money returns to available (or frozen during an incident)' })
  @ApiCommand(WithdrawalFailureRequest)
  async fail(
    @ValidCommand(WithdrawalFailureRequest) input: CommandInput<WithdrawalFailureRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { withdrawalId: input.params.withdrawalId, reason: input.body.reason };
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'FailWithdrawal', data }));
  }

  @RequiresScope('shops:read')
  @Get('withdrawals')
  @ApiOperation({ summary: "The shop's withdrawals and their state, oldest id first" })
  @ApiQuery({ name: 'minPosition', required: false })
  async withdrawals(@ValidQuery() query: QueryInput) {
    await this.readYourWrites.ensure(query.minPosition);
    const { shopId } = query.params;
    if ((await this.readModels.get(SHOP_STATUS_COLLECTION, shopId)) === null)
      throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    return { shopId, withdrawals: await this.readModels.findBy(WITHDRAWALS_COLLECTION, 'shopId', shopId) };
  }
}
