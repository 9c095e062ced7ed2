import { Controller, Delete, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import {
  AssistedUnlinkRequest,
  ConfirmUnlinkRequest,
  EmergencyUnlinkRequest,
  RequestUnlinkRequest,
  SwitchOfficialAccountRequest,
} from './unlinking.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('unlinking')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId')
export class UnlinkingController {
  constructor(private readonly shops: ShopCommands) {}

  @Post('links/:accountId/unlink-requests')
  @ApiOperation({
    summary:
      'Request an unlink (UnlinkRequested with its consequences). Answers requestId and the one-time 8-digit confirmationCode, valid 15 minutes, ONCE: a retry with the same Idempotency-Key answers without it',
  })
  @ApiCommand('RequestUnlink', RequestUnlinkRequest)
  async request(
    @ValidCommand(RequestUnlinkRequest) input: CommandInput<RequestUnlinkRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.shops.answer(reply, input, {
      type: 'RequestUnlink',
      data: { accountId: input.params.accountId, reason: input.body.reason },
    });
  }

  @Post('links/:accountId/unlink-requests/:requestId/confirmation')
  @ApiOperation({
    summary:
      'Confirm with the code: AccountUnlinked (campaigns through the account terminated); a wrong code is counted, the 5th locks the request',
  })
  @ApiCommand('ConfirmUnlink', ConfirmUnlinkRequest)
  async confirm(
    @ValidCommand(ConfirmUnlinkRequest) input: CommandInput<ConfirmUnlinkRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { accountId, requestId } = input.params;
    return this.shops.answer(reply, input, { type: 'ConfirmUnlink', data: { accountId, requestId, code: input.body.code } });
  }

  @Delete('links/:accountId/unlink-requests/:requestId')
  @ApiOperation({ summary: 'Cancel an unlink request (UnlinkRequestCancelled)' })
  @ApiCommand('CancelUnlink')
  async cancel(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    const { accountId, requestId } = input.params;
    return this.shops.answer(reply, input, { type: 'CancelUnlink', data: { accountId, requestId } });
  }

  // Freezes every coin of the shop until a security:write holder resolves the incident: it takes that scope too.
  @RequiresScope('security:write')
  @Post('links/:accountId/emergency-unlink')
  @ApiOperation({
    summary: 'Unlink now after a security breach: no code, never blocked; reports the incident and freezes money until it is resolved',
  })
  @ApiCommand('EmergencyUnlink', EmergencyUnlinkRequest)
  async emergency(
    @ValidCommand(EmergencyUnlinkRequest) input: CommandInput<EmergencyUnlinkRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { incidentId, description } = input.body;
    return this.shops.answer(reply, input, {
      type: 'EmergencyUnlink',
      data: { accountId: input.params.accountId, incidentId, description },
    });
  }

  @RequiresScope('support:write')
  @Post('links/:accountId/assisted-unlink')
  @ApiOperation({ summary: 'A support agent (X-Actor support:<agent>) unlinks with a ticket; the usual blockers apply' })
  @ApiCommand('AssistedUnlink', AssistedUnlinkRequest)
  async assisted(
    @ValidCommand(AssistedUnlinkRequest) input: CommandInput<AssistedUnlinkRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { reason, ticketId } = input.body;
    return this.shops.answer(reply, input, {
      type: 'AssistedUnlink',
      data: { accountId: input.params.accountId, reason, ticketId },
    });
  }

  @Post('official-account/switch')
  @ApiOperation({
    summary:
      'Switch the official account as one intent: the new account is judged now (the old one stays if it is ineligible) and, once its owner authorizes, the old is unlinked and the new linked in one step',
  })
  @ApiCommand('SwitchOfficialAccount', SwitchOfficialAccountRequest)
  async switchOfficial(
    @ValidCommand(SwitchOfficialAccountRequest) input: CommandInput<SwitchOfficialAccountRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { accountId, profile, requestedScopes } = input.body;
    return this.shops.answer(reply, input, {
      type: 'SwitchOfficialAccount',
      data: { accountId, profile: { ...profile }, requestedScopes },
    });
  }
}
