import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CommandGateway } from '../../http/command-gateway.service';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { sendAnswer } from '../../http/send-answer';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('shops')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/graduation')
export class GraduationController {
  constructor(private readonly gateway: CommandGateway) {}

  @Post()
  @ApiOperation({ summary: 'The shop leaves probation (ShopGraduatedFromProbation); system actors only' })
  @ApiCommand()
  async graduate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    const answer = await this.gateway.send(input, input.params.shopId, { type: 'GraduateFromProbation', data: {} });
    return sendAnswer(reply, answer);
  }
}
