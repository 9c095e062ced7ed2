import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { CreditFundsRequest, RequestWithdrawalRequest, WithdrawalFailureRequest } from './money.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('money')
@RequiresScope('money:write')
@Controller('v1/shops/:shopId')
export class MoneyController {
  constructor(private readonly shops: ShopCommands) {}

  @Post('credits')
  @ApiOperation({ summary: 'A settlement was credited (FundsCredited); the same settlement id again appends nothing' })
  @ApiCommand('CreditFunds', CreditFundsRequest)
  async credit(@ValidCommand(CreditFundsRequest) input: CommandInput<CreditFundsRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'CreditFunds', data: { ...input.body } });
  }

  @Post('withdrawals')
  @ApiOperation({ summary: 'Request a withdrawal (FundsWithdrawalRequested): amount ≤ available, verified bank account, money not frozen' })
  @ApiCommand('RequestWithdrawal', RequestWithdrawalRequest)
  async withdraw(
    @ValidCommand(RequestWithdrawalRequest) input: CommandInput<RequestWithdrawalRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.shops.answer(reply, input, { type: 'RequestWithdrawal', data: { ...input.body } });
  }

  @Post('withdrawals/:withdrawalId/completion')
  @ApiOperation({ summary: 'The payout was confirmed (FundsWithdrawn)' })
  @ApiCommand('CompleteWithdrawal')
  async complete(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, {
      type: 'CompleteWithdrawal',
      data: { withdrawalId: input.params.withdrawalId },
    });
  }

  @Post('withdrawals/:withdrawalId/failure')
  @ApiOperation({ summary: 'The payout failed (FundsWithdrawalFailed); the money returns to available (or frozen during an incident)' })
  @ApiCommand('FailWithdrawal', WithdrawalFailureRequest)
  async fail(
    @ValidCommand(WithdrawalFailureRequest) input: CommandInput<WithdrawalFailureRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const data = { withdrawalId: input.params.withdrawalId, reason: input.body.reason };
    return this.shops.answer(reply, input, { type: 'FailWithdrawal', data });
  }
}
