import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { sendAnswer } from '../../http/send-answer';
import { StartCampaignRequest } from './campaigns.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('campaigns')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/campaigns')
export class CampaignsController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiOperation({ summary: 'A campaign started through a linked account (CampaignStarted)' })
  @ApiCommand(StartCampaignRequest)
  async start(
    @ValidCommand(StartCampaignRequest) input: CommandInput<StartCampaignRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendAnswer(reply, await this.gateway.send(input, input.params.shopId, { type: 'StartCampaign', data: { ...input.body } }));
  }

  @Post(':campaignId/end')
  @ApiOperation({ summary: 'The campaign ended (CampaignEnded)' })
  @ApiCommand()
  async end(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return sendAnswer(
      reply,
      await this.gateway.send(input, input.params.shopId, { type: 'EndCampaign', data: { campaignId: input.params.campaignId } }),
    );
  }
}
