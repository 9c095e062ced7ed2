import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { RegisterShopRequest } from './register-shop.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

/** A new shop is created: 201, in the answer and in the document alike. */
const REGISTERED = 201;

@ApiTags('shops')
@RequiresScope('shops:write')
@Controller('v1/shops')
export class RegisterShopController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'Register a shop (ShopRegistered); the owner becomes its admin' })
  @ApiCommand('RegisterShop', RegisterShopRequest, REGISTERED)
  async register(
    @ValidCommand(RegisterShopRequest) input: CommandInput<RegisterShopRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { body } = input;
    return this.shops.answer(reply, input, { type: 'RegisterShop', data: { ...body } }, { shopId: body.shopId, successStatus: REGISTERED });
  }
}
