import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { sendAnswer } from '../../http/send-answer';
import { RegisterShopRequest } from './register-shop.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('shops')
@RequiresScope('shops:write')
@Controller('v1/shops')
export class RegisterShopController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiOperation({ summary: 'Register a shop (ShopRegistered); the owner becomes its admin' })
  @ApiCommand(RegisterShopRequest)
  async register(
    @ValidCommand(RegisterShopRequest) input: CommandInput<RegisterShopRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = input;
    const answer = await this.gateway.send(input, body.shopId, { type: 'RegisterShop', data: { ...body } }, { successStatus: 201 });
    return sendAnswer(reply, answer);
  }
}
