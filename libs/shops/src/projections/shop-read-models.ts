import { IndexDeclaration, Projection, ProjectorOptions, ProjectorSettings } from '@shoplink/read-models';
import { AccountProjection } from './account.projection';
import { ShopLinksProjection, SHOP_LINKS_COLLECTION } from './shop-links.projection';
import { ShopStatusProjection } from './shop-status.projection';
import { TimelineProjection } from './timeline.projection';
import { WithdrawalsProjection } from './withdrawals.projection';
import { AccountClaimWorkflowProjection } from '../workflows/account-claim-workflow.projection';
import { LinkSupersessionWorkflowProjection } from '../workflows/link-supersession-workflow.projection';

/** A projector as the service runs it: the checkpoint name, its projections, the indexes its queries need. */
export interface ReadModelDefinition {
  readonly projector: string;
  readonly projections: readonly Projection[];
  readonly indexes: readonly IndexDeclaration[];
}

/**
 * The checkpoint name of the service's projector. Versioned: a change of a document's shape
 * (v2: the timeline stored as blocks in `shop_timeline_blocks`, no longer a document per event
 * in `shop_timeline`; v3: blocks of compact rows in `shop_timeline_rows`; v4: blocks of index
 * rows in `shop_timeline_index`, entries rendered from the events; v5: the account-claim workflows in
 * `account_claim_workflows`; v6: the status document's `links` holds the current links and the last
 * ended ones with `linkCounts`, every link in `shop_links`; v7: the link-supersession workflows in
 * `link_supersession_workflows`, and superseded requests) gets a new name, which has no checkpoint in a data file written before, so
 * the projector drops whatever its collections hold and replays the log from the start on its
 * first start (projector.ts, follow()). The previous projector's checkpoint and collection are
 * left in the file, unread.
 */
export const SHOP_READ_MODELS_PROJECTOR = 'shop-read-models-v7';

/**
 * The one list of what the service projects. The service's projector and `rebuild-projections`
 * (CLI, benchmark, tests) read it here, so a rebuild replaces exactly the read models the service keeps.
 */
export const SHOP_READ_MODELS: ReadModelDefinition = {
  projector: SHOP_READ_MODELS_PROJECTOR,
  projections: [
    ShopStatusProjection,
    ShopLinksProjection,
    AccountProjection,
    WithdrawalsProjection,
    TimelineProjection,
    AccountClaimWorkflowProjection,
    LinkSupersessionWorkflowProjection,
  ],
  // Every other query reads documents by id (the timeline's blocks too, see timelineBlockId); a shop's past links
  // are paged in the order they ended.
  indexes: [{ collection: SHOP_LINKS_COLLECTION, fields: ['shopId', 'endedRevision'] }],
};

/**
 * How the service's projector runs, wherever it runs: in the API process (embedded mode, or
 * SHOPLINK_RUN_PROJECTOR) and in the separate projector process (apps/projector) both build
 * their Projector with shopProjectorOptions, so the two cannot drift
 * (apps/projector/src/projector-settings.unit.spec.ts checks both).
 * - minCommitIntervalMs 25: under a stream of commands the read models commit at most every 25 ms
 *   (a lone event still commits at once): one commit per append competed with the commands.
 * - documentCacheSize 0: off on purpose; with 1,000 documents it added 28-53 MiB of peak memory for
 *   a throughput gain within the noise (docs/performance.md).
 * - batchSize 500, retries from 100 ms doubling up to 5 s: the Projector's defaults, named here.
 */
export const SHOP_PROJECTOR_SETTINGS: ProjectorSettings = {
  batchSize: 500,
  minCommitIntervalMs: 25,
  documentCacheSize: 0,
  retryDelayMs: 100,
  maxRetryDelayMs: 5_000,
};

/** The service's projector options: its name, projections and settings, over the stores and hooks the process gives. */
export function shopProjectorOptions(parts: Pick<ProjectorOptions, 'eventStore' | 'store' | 'onError' | 'observer'>): ProjectorOptions {
  return { name: SHOP_READ_MODELS.projector, projections: SHOP_READ_MODELS.projections, ...SHOP_PROJECTOR_SETTINGS, ...parts };
}
