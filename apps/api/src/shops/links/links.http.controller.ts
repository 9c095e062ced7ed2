import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { LinkAuthorizationRequest, RequestLinkRequest } from './links.request.dto';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('links')
@RequiresScope('shops:write')
@Controller('v1/shops/:shopId/links')
export class LinksController {
  constructor(private readonly shops: ShopCommands) {}

  @Post()
  @ApiOperation({
    summary: 'Request a link: AccountLinkRequested when eligible, else AccountLinkRejected answered 422 with every failed rule',
  })
  @ApiCommand('RequestLink', RequestLinkRequest)
  async request(
    @ValidCommand(RequestLinkRequest) input: CommandInput<RequestLinkRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { accountId, role, profile, requestedScopes } = input.body;
    return this.shops.answer(reply, input, {
      type: 'RequestLink',
      data: { accountId, role, profile: { ...profile }, requestedScopes },
    });
  }

  @Post(':accountId/authorization')
  @ApiOperation({
    summary: "The account owner's answer: AccountLinkAuthorized + AccountLinked, or LinkAuthorizationDenied naming missing scopes",
  })
  @ApiCommand('AnswerLinkAuthorization', LinkAuthorizationRequest)
  async authorize(
    @ValidCommand(LinkAuthorizationRequest) input: CommandInput<LinkAuthorizationRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { decision, grantedScopes, profile } = input.body;
    return this.shops.answer(reply, input, {
      type: 'AnswerLinkAuthorization',
      data: { accountId: input.params.accountId, decision, grantedScopes, ...(profile !== undefined ? { profile: { ...profile } } : {}) },
    });
  }

  @Post(':accountId/cancellation')
  @ApiOperation({
    summary:
      'Cancel a link request still awaiting the owner (LinkRequestCancelled); the account is free of it at once. Admins; operators for marketing accounts',
  })
  @ApiCommand('CancelLinkRequest')
  cancel(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, { type: 'CancelLinkRequest', data: { accountId: input.params.accountId } });
  }

  @Post(':accountId/authorization/expiry')
  @ApiOperation({
    summary: 'Expire an authorization whose 48-hour window has passed (LinkAuthorizationExpired); system actors, e.g. a scheduler',
  })
  @ApiCommand('ExpireLinkAuthorization')
  async expire(@ValidCommand() input: CommandInput<object>, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.shops.answer(reply, input, {
      type: 'ExpireLinkAuthorization',
      data: { accountId: input.params.accountId },
    });
  }
}
