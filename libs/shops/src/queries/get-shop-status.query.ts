import { QueryMessage } from '@shoplink/command-handling';
import { ReadModelStore } from '@shoplink/read-models';
import { deactivationBlockers } from '../domain/deactivation-blockers';
import { shopStreamId } from '../domain/shop.events';
import { ShopPolicy } from '../domain/shop-policy';
import { RefusalDetail, ShopRuleViolation } from '../domain/shop-rule-violation';
import { unlinkBlockers } from '../domain/unlink-blockers';
import { SHOP_STATUS_COLLECTION, ShopStatusDocument } from '../projections/shop-status.document';
import { ShopStates } from '../application/shop-states';
import { EnforcementView, enforcementOf } from '../projections/shop-status.enforcement';

export interface ShopStatusAnswer extends ShopStatusDocument {
  /** Always answered: nothing enforced on a document written before enforcement existed. */
  readonly enforcement: EnforcementView;
  /** Decided now, by the domain's own rules: they depend on the clock (24 hours after linking, 90 days after the last order). */
  readonly blockers: { readonly unlinkOfficialAccount: readonly RefusalDetail[]; readonly deactivation: readonly RefusalDetail[] };
}

/** GET /v1/shops/:shopId: the shop status read model, with the blockers live. */
export class GetShopStatus implements QueryMessage<ShopStatusAnswer> {
  declare readonly resultType?: ShopStatusAnswer;
  readonly queryType = 'GetShopStatus';
  constructor(readonly shopId: string) {}
}

export interface GetShopStatusDeps {
  readonly readModels: ReadModelStore;
  readonly states: ShopStates;
  readonly now: () => Date;
  readonly policy: ShopPolicy;
  /** The numbers of a shop's market, so the live blockers agree with the decisions; absent: `policy` for every shop. */
  readonly policyOf?: (region: string) => ShopPolicy;
}

export class GetShopStatusHandler {
  constructor(private readonly deps: GetShopStatusDeps) {}

  async execute({ shopId }: GetShopStatus): Promise<ShopStatusAnswer> {
    const doc = (await this.deps.readModels.get(SHOP_STATUS_COLLECTION, shopId)) as ShopStatusDocument | null;
    if (doc === null) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    return { ...doc, enforcement: enforcementOf(doc), blockers: await this.liveBlockers(shopId, doc.revision) };
  }

  /**
   * The state is at least as recent as the document answered: this process's cached one when it has
   * reached the document's revision, else read from the stream (ShopStates.loadAtLeast).
   */
  private async liveBlockers(shopId: string, revision: unknown): Promise<ShopStatusAnswer['blockers']> {
    const streamId = shopStreamId(shopId);
    const { state } =
      typeof revision === 'number' ? await this.deps.states.loadAtLeast(streamId, revision) : await this.deps.states.load(streamId);
    if (!state.registered) return { unlinkOfficialAccount: [], deactivation: [] };
    const now = this.deps.now();
    const policy = this.deps.policyOf?.(state.region) ?? this.deps.policy;
    const official = Object.values(state.links).find((l) => l.role === 'official' && l.state === 'linked');
    return {
      unlinkOfficialAccount: official ? unlinkBlockers(state, official.accountId, now, policy) : [],
      deactivation: state.status === 'active' ? deactivationBlockers(state, now, policy) : [],
    };
  }
}
