import { DeactivationFacts } from '../domain/deactivation-rule';
import { ShopStatusDocument } from './shop-status.document';

/**
 * The facts the rule for leaving reads, from a shop's status document, so the document's
 * "blocked by state" flag and the list of blocked shops ask the same rule the shop's state does.
 * Read from the derived views (the official and marketing accounts, the latest authorization
 * deadline), which the projection keeps in step with `links` without scanning it on every event.
 */
export function deactivationFactsOfStatus(doc: ShopStatusDocument): DeactivationFacts {
  return {
    linkedAccounts: (doc.officialAccount !== null ? 1 : 0) + doc.marketingAccounts.length,
    // A document written before linkRequestsPendingUntil existed lacks it until its next event.
    pendingAuthorizationUntil: doc.linkRequestsPendingUntil ?? null,
    activeCampaigns: doc.activeCampaigns.length,
    ordersAwaitingFulfilment: doc.ordersAwaitingFulfilment.count,
    available: doc.money.available,
    pendingWithdrawal: doc.money.pendingWithdrawal,
    frozen: doc.money.frozen,
    openIncidents: doc.openIncidents.length,
    lastOrderClosedAt: doc.lastOrderClosedAt,
  };
}
