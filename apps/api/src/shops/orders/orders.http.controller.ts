import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { PlaceOrderRequest } from './orders.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('orders')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/orders')
export class OrdersController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'An order was placed (OrderPlaced); it awaits fulfilment' })
  @ApiCommand('PlaceOrder', PlaceOrderRequest)
  async place(@ValidCommand(PlaceOrderRequest) input: CommandInput<PlaceOrderRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'PlaceOrder', data: { ...input.body } });
  }

  @Post(':orderId/fulfilment')
  @ApiOperation({ summary: 'The order was fulfilled (OrderFulfilled)' })
  @ApiCommand('FulfilOrder')
  async fulfil(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'FulfilOrder', data: { orderId: input.params.orderId } });
  }

  @Post(':orderId/cancellation')
  @ApiOperation({ summary: 'The order was cancelled (OrderCancelled)' })
  @ApiCommand('CancelOrder')
  async cancel(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'CancelOrder', data: { orderId: input.params.orderId } });
  }
}
