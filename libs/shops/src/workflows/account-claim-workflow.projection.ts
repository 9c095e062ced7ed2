import { accountEventCodec, ACCOUNT_EVENT_TYPES, AccountEvent } from '@shoplink/accounts';
import { RecordedEvent } from '@shoplink/event-store';
import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';
import { ShopEvent } from '../domain/shop.events';
import {
  ACCOUNT_CLAIM_WORKFLOW_EVENT_TYPES,
  AccountClaimWorkflowState,
  evolveAccountClaimWorkflow,
  initialAccountClaimWorkflow,
  isAccountClaimWorkflowOpen,
} from './account-claim.workflow';

export const ACCOUNT_CLAIM_WORKFLOWS_COLLECTION = 'account_claim_workflows';

/** The account-claim workflow of one account as the log leaves it; `open` while a step may be left to do. */
export type AccountClaimWorkflowDocument = AccountClaimWorkflowState & { readonly [key: string]: unknown; readonly open: boolean };

/**
 * The workflow's state kept by the projector, so a restarted service finds the workflows a crash
 * interrupted without scanning every account stream. A document lives while its account is claimed.
 */
export const AccountClaimWorkflowProjection: Projection<AccountClaimWorkflowDocument> = {
  collection: ACCOUNT_CLAIM_WORKFLOWS_COLLECTION,
  handles: ACCOUNT_CLAIM_WORKFLOW_EVENT_TYPES,
  documentIds: (event) => [String(event.data.accountId)],
  evolve(doc, recorded, accountId) {
    const state = evolveAccountClaimWorkflow(doc ?? initialAccountClaimWorkflow(accountId), decodeEither(recorded));
    if (state.claim === null) return null;
    return { accountId: state.accountId, claim: state.claim, shopSide: state.shopSide, open: isAccountClaimWorkflowOpen(state) };
  },
};

const ACCOUNT_TYPES: ReadonlySet<string> = new Set(ACCOUNT_EVENT_TYPES);

function decodeEither(recorded: RecordedEvent): AccountEvent | ShopEvent {
  return ACCOUNT_TYPES.has(recorded.type) ? accountEventCodec.decode(recorded) : shopEventCodec.decode(recorded);
}
