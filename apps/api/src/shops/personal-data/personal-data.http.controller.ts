import { Controller, Inject, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@shoplink/personal-data';
import type { FastifyReply } from 'fastify';
import { RequiresScope } from '../../auth/route-access.decorator';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { sendAnswer } from '../../http/send-answer';

@ApiTags('personal data')
@RequiresScope('personal-data:forget')
@Controller('v1/shops/:shopId/personal-data')
export class PersonalDataController {
  constructor(
    private readonly gateway: CommandGateway,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @Post('erasure')
  @ApiOperation({
    summary:
      'Forget the shop\'s personal data (PersonalDataForgotten), once it has left TikTok Shop: its encryption keys are destroyed, so account handles, owner ages and an individual seller\'s name read as "[erased]" everywhere, in replays, read models and exports, while the history and its hash chains stay whole. Refused with SHOP_NOT_DEACTIVATED while the shop is active.',
  })
  @ApiCommand()
  async forget(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { shopId } = input.params;
    // The decision is recorded first; the keys go before the answer (again on a retry, should the service have stopped in between).
    const answer = await this.gateway.send(
      input,
      shopId,
      { type: 'ForgetPersonalData', data: {} },
      { beforeAnswering: async () => void (await this.vault.forget(shopId)) },
    );
    return sendAnswer(reply, answer);
  }
}
