import { ShopEvent } from '../domain/shop.events';
import { ShopStatusDocument } from './shop-status.document';

/** Money, orders, campaigns, incidents and leaving, on the status document; null for other events. */
export function applyOperationsEvent(doc: ShopStatusDocument, event: ShopEvent): ShopStatusDocument | null {
  const money = doc.money;
  switch (event.type) {
    case 'FundsCredited': {
      const d = event.data;
      return { ...doc, money: d.creditedTo === 'frozen' ? { ...money, frozen: money.frozen + d.amount } : { ...money, available: money.available + d.amount } };
    }
    case 'FundsWithdrawalRequested':
      return { ...doc, money: { ...money, available: money.available - event.data.amount, pendingWithdrawal: money.pendingWithdrawal + event.data.amount } };
    case 'FundsWithdrawn':
      return { ...doc, money: { ...money, pendingWithdrawal: money.pendingWithdrawal - event.data.amount } };
    case 'FundsWithdrawalFailed': {
      const d = event.data;
      const returned = d.returnedTo === 'frozen' ? { frozen: money.frozen + d.amount } : { available: money.available + d.amount };
      return { ...doc, money: { ...money, pendingWithdrawal: money.pendingWithdrawal - d.amount, ...returned } };
    }
    case 'FundsFrozen':
      return { ...doc, money: { ...money, available: money.available - event.data.amount, frozen: money.frozen + event.data.amount } };
    case 'FundsUnfrozen':
      return { ...doc, money: { ...money, available: money.available + event.data.amount, frozen: money.frozen - event.data.amount } };
    case 'OrderPlaced':
      return withOrders(doc, [...doc.ordersAwaitingFulfilment.orderIds, event.data.orderId]);
    case 'OrderFulfilled':
      return { ...withOrders(doc, without(doc.ordersAwaitingFulfilment.orderIds, event.data.orderId)), lastOrderClosedAt: event.data.fulfilledAt };
    case 'OrderCancelled':
      return { ...withOrders(doc, without(doc.ordersAwaitingFulfilment.orderIds, event.data.orderId)), lastOrderClosedAt: event.data.cancelledAt };
    case 'CampaignStarted': {
      const d = event.data;
      return { ...doc, activeCampaigns: [...doc.activeCampaigns, { campaignId: d.campaignId, accountId: d.accountId, startedAt: d.startedAt }] };
    }
    case 'CampaignEnded':
    case 'CampaignTerminated':
      return { ...doc, activeCampaigns: doc.activeCampaigns.filter((c) => c.campaignId !== event.data.campaignId) };
    case 'SecurityIncidentReported': {
      const d = event.data;
      return { ...doc, openIncidents: [...doc.openIncidents, { incidentId: d.incidentId, description: d.description, reportedAt: d.reportedAt }] };
    }
    case 'SecurityIncidentResolved':
      return { ...doc, openIncidents: doc.openIncidents.filter((i) => i.incidentId !== event.data.incidentId) };
    case 'ShopDeactivated':
      return { ...doc, status: 'deactivated', deactivatedAt: event.data.deactivatedAt };
    case 'ShopReactivated':
      return { ...doc, status: 'active', deactivatedAt: null };
    default:
      return null;
  }
}

const withOrders = (doc: ShopStatusDocument, orderIds: readonly string[]): ShopStatusDocument => ({
  ...doc,
  ordersAwaitingFulfilment: { count: orderIds.length, orderIds },
});

const without = (ids: readonly string[], id: string): string[] => ids.filter((x) => x !== id);
