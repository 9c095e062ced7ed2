import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';
import {
  evolveLinkSupersession,
  initialLinkSupersession,
  isLinkSupersessionOpen,
  LINK_SUPERSESSION_EVENT_TYPES,
  LinkSupersessionState,
} from './link-supersession.workflow';

export const LINK_SUPERSESSION_WORKFLOWS_COLLECTION = 'link_supersession_workflows';

/** The link-supersession workflow of one account as the log leaves it; `open` while a request is left to close. */
export type LinkSupersessionWorkflowDocument = LinkSupersessionState & { readonly [key: string]: unknown; readonly open: boolean };

/**
 * The workflow's state kept by the projector, so a restarted service finds the requests a crash left
 * open without scanning every shop stream. A document lives while its account is linked or has a
 * pending request (the link must be known when a late request arrives); an idle account has none.
 */
export const LinkSupersessionWorkflowProjection: Projection<LinkSupersessionWorkflowDocument> = {
  collection: LINK_SUPERSESSION_WORKFLOWS_COLLECTION,
  handles: LINK_SUPERSESSION_EVENT_TYPES,
  documentIds: (event) => [String(event.data.accountId)],
  evolve(doc, recorded, accountId) {
    const state = evolveLinkSupersession(doc ?? initialLinkSupersession(accountId), shopEventCodec.decode(recorded));
    if (state.linkedShopId === null && state.pending.length === 0) return null;
    return { accountId: state.accountId, linkedShopId: state.linkedShopId, pending: state.pending, open: isLinkSupersessionOpen(state) };
  },
};
