import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { sendAnswer } from '../../http/send-answer';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('leaving TikTok Shop')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId')
export class LeavingController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post('deactivation')
  @ApiOperation({ summary: 'Leave TikTok Shop (ShopDeactivated); refused with DEACTIVATION_BLOCKED listing every blocker at once' })
  @ApiCommand()
  async deactivate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'DeactivateShop', data: {} }));
  }

  @Post('reactivation')
  @ApiOperation({ summary: 'Come back (ShopReactivated)' })
  @ApiCommand()
  async reactivate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'ReactivateShop', data: {} }));
  }
}
