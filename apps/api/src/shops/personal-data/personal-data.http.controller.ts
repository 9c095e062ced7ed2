import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequiresScope } from '../../auth/route-access.decorator';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { ErasureRequest } from './personal-data.request.dto';

@ApiTags('personal data')
@RequiresScope('personal-data:forget')
@Controller('v1/shops/:shopId/personal-data')
export class PersonalDataController {
  constructor(private readonly shops: ShopCommands) {}

  @Post('erasure')
  @ApiOperation({
    summary:
      'Forget the shop\'s personal data (PersonalDataForgotten), once it has left TikTok Shop: its encryption keys are destroyed, so account handles, owner ages and an individual seller\'s name read as "[erased]" everywhere, in replays, read models and exports, while the history and its hash chains stay whole. Carried out by a proven support agent (X-Actor support:<id>, with a second factor) with the ticket of the request. Refused with SHOP_NOT_DEACTIVATED while the shop is active; asked again with nothing personal recorded since, it appends nothing.',
  })
  @ApiCommand('ForgetPersonalData', ErasureRequest)
  async forget(@ValidCommand(ErasureRequest) input: CommandInput<ErasureRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    // The decision is recorded first; the keys are destroyed before the answer (again on a retry, should the service
    // have stopped in between).
    return this.shops.answer(reply, input, { type: 'ForgetPersonalData', data: { ticketId: input.body.ticketId } });
  }
}
