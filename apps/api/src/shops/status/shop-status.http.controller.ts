import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import {
  deactivationBlockers,
  SHOP_STATUS_COLLECTION,
  ShopCommandExecutor,
  ShopPolicy,
  ShopRuleViolation,
  unlinkBlockers,
} from '@shoplink/shops';
import { QueryInput, ReadYourWrites, ValidQuery } from '../../http/read-your-writes';
import { SHOP_POLICY } from '../../storage/tokens';
import { RequiresScope } from '../../auth/route-access.decorator';

@ApiTags('shops')
@RequiresScope('shops:read')
@Controller('v1/shops')
export class ShopStatusController {
  constructor(
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly readYourWrites: ReadYourWrites,
    private readonly shops: ShopCommandExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SHOP_POLICY) private readonly policy: ShopPolicy,
  ) {}

  @Get(':shopId')
  @ApiOperation({
    summary:
      'The shop status read model: verification, stage, links with state and reason codes, open link and unlink requests, money, orders, campaigns, and the live blockers for unlinking the official account and for deactivating',
  })
  @ApiQuery({ name: 'minPosition', required: false, description: "Wait until the read model includes this command answer's position" })
  async status(@ValidQuery() query: QueryInput) {
    await this.readYourWrites.ensure(query.minPosition);
    const { shopId } = query.params;
    const doc = await this.readModels.get(SHOP_STATUS_COLLECTION, shopId);
    if (doc === null) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    return { ...doc, blockers: await this.liveBlockers(shopId, doc.revision) };
  }

  /**
   * Blockers depend on the clock (24 hours after linking, 90 days after the last order), so
   * they are decided now, by the domain's own rules over the shop's state, not stored. The state
   * is at least as recent as the document answered (`revision`): this process's cached one when it
   * has reached it, else read from the stream (ShopCommandExecutor.loadAtLeast).
   */
  private async liveBlockers(shopId: string, revision: unknown) {
    const { state } = typeof revision === 'number' ? await this.shops.loadAtLeast(shopId, revision) : await this.shops.load(shopId);
    if (!state.registered) return { unlinkOfficialAccount: [], deactivation: [] };
    const now = this.clock.now();
    const official = Object.values(state.links).find((l) => l.role === 'official' && l.state === 'linked');
    return {
      unlinkOfficialAccount: official ? unlinkBlockers(state, official.accountId, now, this.policy) : [],
      deactivation: state.status === 'active' ? deactivationBlockers(state, now, this.policy) : [],
    };
  }
}
