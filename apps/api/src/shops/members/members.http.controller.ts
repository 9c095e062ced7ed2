import { Controller, Delete, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { GrantAccessRequest } from './members.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('members')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/members')
export class MembersController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({ summary: 'Grant a member a role (AccessGranted); admins only' })
  @ApiCommand('GrantAccess', GrantAccessRequest)
  async grant(@ValidCommand(GrantAccessRequest) input: CommandInput<GrantAccessRequest>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'GrantAccess', data: { ...input.body } });
  }

  @Delete(':memberId')
  @ApiOperation({ summary: "Revoke a member's access (AccessRevoked); admins only, never the owner" })
  @ApiCommand('RevokeAccess')
  async revoke(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'RevokeAccess', data: { memberId: input.params.memberId } });
  }
}
