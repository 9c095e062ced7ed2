import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { sendAnswer } from '../../http/send-answer';
import { PlaceOrderRequest } from './orders.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('orders')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/orders')
export class OrdersController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiOperation({ summary: 'An order was placed (OrderPlaced); it awaits fulfilment' })
  @ApiCommand(PlaceOrderRequest)
  async place(@ValidCommand(PlaceOrderRequest) input: CommandInput<PlaceOrderRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'PlaceOrder', data: { ...input.body } }));
  }

  @Post(':orderId/fulfilment')
  @ApiOperation({ summary: 'The order was fulfilled (OrderFulfilled)' })
  @ApiCommand()
  async fulfil(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(
      reply,
      await this.gateway.send(input, input.params.shopId, { type: 'FulfilOrder', data: { orderId: input.params.orderId } }),
    );
  }

  @Post(':orderId/cancellation')
  @ApiOperation({ summary: 'The order was cancelled (OrderCancelled)' })
  @ApiCommand()
  async cancel(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(
      reply,
      await this.gateway.send(input, input.params.shopId, { type: 'CancelOrder', data: { orderId: input.params.orderId } }),
    );
  }
}
