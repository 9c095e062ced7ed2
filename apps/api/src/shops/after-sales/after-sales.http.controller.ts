import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { RequiresScope } from '../../auth/route-access.decorator';
import { OpenAfterSalesCaseRequest } from './after-sales.request.dto';

/** Refunds, returns and disputes, sent by the order service (system:orders): open ones block closure. */
@ApiTags('orders')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/after-sales-cases')
export class AfterSalesController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'A refund, return or dispute opened on an order (AfterSalesCaseOpened); open ones block closure' })
  @ApiCommand('OpenAfterSalesCase', OpenAfterSalesCaseRequest)
  async open(
    @ValidCommand(OpenAfterSalesCaseRequest) input: CommandInput<OpenAfterSalesCaseRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { caseId, kind, orderId } = input.body;
    return this.shops.answer(reply, input, { type: 'OpenAfterSalesCase', data: { caseId, kind, orderId } });
  }

  @Post(':caseId/settlement')
  @ApiOperation({ summary: 'The refund, return or dispute is settled, whatever its outcome (AfterSalesCaseSettled)' })
  @ApiCommand('SettleAfterSalesCase')
  async settle(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'SettleAfterSalesCase', data: { caseId: input.params.caseId } });
  }
}
