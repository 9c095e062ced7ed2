import { Controller, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { RequiresScope } from '../../auth/route-access.decorator';
import { ClosureRequest, DeactivationRequest } from './leaving.request.dto';

@ApiTags('leaving TikTok Shop')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId')
export class LeavingController {
  constructor(private readonly shops: ShopCommands) {}

  @Post('deactivation')
  @ApiOperation({
    summary:
      "Leave TikTok Shop (ShopDeactivated): the seller (an admin), or a support agent on the seller's behalf with the ticket (TICKET_REQUIRED without one); refused with DEACTIVATION_BLOCKED listing every blocker at once",
  })
  @ApiCommand('DeactivateShop')
  // The body is optional: a seller's own deactivation sends none, as before support could deactivate.
  @ApiBody({ type: DeactivationRequest, required: false })
  async deactivate(
    @ValidCommand(DeactivationRequest) input: CommandInput<DeactivationRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { ticketId } = input.body;
    return this.shops.answer(reply, input, { type: 'DeactivateShop', data: ticketId === undefined ? {} : { ticketId } });
  }

  @Post('reactivation')
  @ApiOperation({
    summary:
      'Come back (ShopReactivated); refused for good with SHOP_CLOSED once the shop is closed, and with PERSONAL_DATA_ERASED once its personal data was erased',
  })
  @ApiCommand('ReactivateShop')
  async reactivate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'ReactivateShop', data: {} });
  }

  @Post('closure')
  @ApiOperation({
    summary:
      'Close the shop for good (ShopClosed): the seller (an admin, with a second factor) or trust and safety (system:trust-and-safety); blocked like deactivation (CLOSURE_BLOCKED, every blocker at once); afterwards every command but erasure is refused with SHOP_CLOSED',
  })
  @ApiCommand('CloseShop', ClosureRequest)
  async close(@ValidCommand(ClosureRequest) input: CommandInput<ClosureRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'CloseShop', data: { reason: input.body.reason } });
  }
}
