import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('leaving TikTok Shop')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId')
export class LeavingController {
  constructor(private readonly shops: ShopCommands) {}

  @Post('deactivation')
  @ApiOperation({ summary: 'Leave TikTok Shop (ShopDeactivated); refused with DEACTIVATION_BLOCKED listing every blocker at once' })
  @ApiCommand('DeactivateShop')
  async deactivate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'DeactivateShop', data: {} });
  }

  @Post('reactivation')
  @ApiOperation({ summary: 'Come back (ShopReactivated)' })
  @ApiCommand('ReactivateShop')
  async reactivate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'ReactivateShop', data: {} });
  }
}
