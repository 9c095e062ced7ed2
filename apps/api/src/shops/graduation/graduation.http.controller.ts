import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('shops')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/graduation')
export class GraduationController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'The shop leaves probation (ShopGraduatedFromProbation); system actors only' })
  @ApiCommand('GraduateFromProbation')
  async graduate(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'GraduateFromProbation', data: {} });
  }
}
