import { moneyAfter } from '../domain/money-movements';
import { ShopEvent } from '../domain/shop.events';
import { ShopStatusDocument } from './shop-status.document';

/** Money, orders, campaigns, incidents and leaving, on the status document; null for other events. */
export function applyOperationsEvent(doc: ShopStatusDocument, event: ShopEvent): ShopStatusDocument | null {
  switch (event.type) {
    case 'FundsCredited':
    case 'FundsWithdrawalRequested':
    case 'FundsWithdrawn':
    case 'FundsWithdrawalFailed':
    case 'FundsFrozen':
    case 'FundsUnfrozen':
      return { ...doc, money: moneyAfter(doc.money, event) };
    case 'OrderPlaced':
      return withOrders(doc, [...doc.ordersAwaitingFulfilment.orderIds, event.data.orderId]);
    case 'OrderFulfilled':
      return {
        ...withOrders(doc, without(doc.ordersAwaitingFulfilment.orderIds, event.data.orderId)),
        lastOrderClosedAt: event.data.fulfilledAt,
      };
    case 'OrderCancelled':
      return {
        ...withOrders(doc, without(doc.ordersAwaitingFulfilment.orderIds, event.data.orderId)),
        lastOrderClosedAt: event.data.cancelledAt,
      };
    case 'CampaignStarted': {
      const d = event.data;
      return {
        ...doc,
        activeCampaigns: [...doc.activeCampaigns, { campaignId: d.campaignId, accountId: d.accountId, startedAt: d.startedAt }],
      };
    }
    case 'CampaignEnded':
    case 'CampaignTerminated':
      return { ...doc, activeCampaigns: doc.activeCampaigns.filter((c) => c.campaignId !== event.data.campaignId) };
    case 'SecurityIncidentReported': {
      const d = event.data;
      return {
        ...doc,
        openIncidents: [...doc.openIncidents, { incidentId: d.incidentId, description: d.description, reportedAt: d.reportedAt }],
      };
    }
    case 'SecurityIncidentResolved':
      return { ...doc, openIncidents: doc.openIncidents.filter((i) => i.incidentId !== event.data.incidentId) };
    case 'ShopDeactivated':
      return { ...doc, status: 'deactivated', deactivatedAt: event.data.deactivatedAt };
    case 'ShopReactivated':
      return { ...doc, status: 'active', deactivatedAt: null };
    case 'PersonalDataForgotten':
      return { ...doc, personalDataForgottenAt: event.data.forgottenAt };
    default:
      return null;
  }
}

const withOrders = (doc: ShopStatusDocument, orderIds: readonly string[]): ShopStatusDocument => ({
  ...doc,
  ordersAwaitingFulfilment: { count: orderIds.length, orderIds },
});

const without = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);
