import { IndexDeclaration, Projection } from '@shoplink/read-models';
import { AccountProjection } from './account.projection';
import { ShopStatusProjection } from './shop-status.projection';
import { TIMELINE_INDEXES, TimelineProjection } from './timeline.projection';
import { WithdrawalsProjection } from './withdrawals.projection';

/** A projector as the service runs it: the checkpoint name, its projections, the indexes its queries need. */
export interface ReadModelDefinition {
  readonly projector: string;
  readonly projections: readonly Projection[];
  readonly indexes: readonly IndexDeclaration[];
}

/**
 * The one list of what the service projects. The service's projector and `rebuild-projections`
 * (CLI, benchmark, tests) read it here, so a rebuild replaces exactly the read models the service keeps.
 */
export const SHOP_READ_MODELS: ReadModelDefinition = {
  projector: 'shop-read-models',
  projections: [ShopStatusProjection, AccountProjection, WithdrawalsProjection, TimelineProjection],
  indexes: [...TIMELINE_INDEXES],
};
