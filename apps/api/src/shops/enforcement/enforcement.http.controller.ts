import { Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiCommand, CommandInput, ValidCommand } from '../../http/command-input.decorator';
import { ShopCommands } from '../shop-commands';
import { RequiresScope } from '../../auth/route-access.decorator';
import { EnforcedUnlinkRequest, LiftRestrictionRequest, RestrictShopRequest } from './enforcement.request.dto';

/** Trust and safety (X-Actor system:trust-and-safety) enforcing the policy: its own scope, as an enforced unlink overrides blockers. */
@ApiTags('enforcement')
@RequiresScope('enforcement:write')
@Controller('v1/shops/:shopId')
export class EnforcementController {
  constructor(private readonly shops: ShopCommands) {}

  @Post('links/:accountId/enforced-unlink')
  @ApiOperation({
    summary:
      'Trust and safety unlinks an account for a policy violation (AccountUnlinkedForPolicyViolation, then AccountUnlinked mode enforced): no code, no money frozen, never blocked; counted in the status (enforcement.policyViolationUnlinkCount)',
  })
  @ApiCommand('EnforceUnlink', EnforcedUnlinkRequest)
  async enforcedUnlink(
    @ValidCommand(EnforcedUnlinkRequest) input: CommandInput<EnforcedUnlinkRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.shops.answer(reply, input, {
      type: 'EnforceUnlink',
      data: { accountId: input.params.accountId, violation: input.body.violation },
    });
  }

  @Post('restrictions')
  @ApiOperation({
    summary:
      'Trust and safety restricts the shop (ShopRestricted): while in force, what its scope names is refused with SHOP_RESTRICTED (new link requests, campaigns)',
  })
  @ApiCommand('RestrictShop', RestrictShopRequest)
  async restrict(
    @ValidCommand(RestrictShopRequest) input: CommandInput<RestrictShopRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { restrictionId, reason, scope } = input.body;
    return this.shops.answer(reply, input, { type: 'RestrictShop', data: { restrictionId, reason, scope } });
  }

  @Post('restrictions/:restrictionId/lifting')
  @ApiOperation({ summary: 'Trust and safety lifts a restriction in force (ShopRestrictionLifted); RESTRICTION_NOT_FOUND otherwise' })
  @ApiCommand('LiftShopRestriction', LiftRestrictionRequest)
  async lift(
    @ValidCommand(LiftRestrictionRequest) input: CommandInput<LiftRestrictionRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.shops.answer(reply, input, {
      type: 'LiftShopRestriction',
      data: { restrictionId: input.params.restrictionId, reason: input.body.reason },
    });
  }
}
