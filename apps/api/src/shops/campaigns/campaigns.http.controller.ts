import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { StartCampaignRequest } from './campaigns.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('campaigns')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/campaigns')
export class CampaignsController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'A campaign started through a linked account (CampaignStarted)' })
  @ApiCommand('StartCampaign', StartCampaignRequest)
  async start(
    @ValidCommand(StartCampaignRequest) input: CommandInput<StartCampaignRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.shops.answer(reply, input, { type: 'StartCampaign', data: { ...input.body } });
  }

  @Post(':campaignId/end')
  @ApiOperation({ summary: 'The campaign ended (CampaignEnded)' })
  @ApiCommand('EndCampaign')
  async end(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'EndCampaign', data: { campaignId: input.params.campaignId } });
  }
}
