import { coolingPeriodEnd, DeactivationBlockerCode, deactivationBlockerCodes, DeactivationFacts } from './deactivation-rule';
import { authorizationLapsed } from './link-authorization-window';
import { ShopPolicy } from './shop-policy';
import { RefusalDetail } from './shop-rule-violation';
import { activeCampaignsOf, ordersAwaitingFulfilment, RegisteredShop, withdrawalsInFlight } from './shop.state';

/**
 * Everything that keeps the shop from leaving TikTok Shop at `now`, each under its own code,
 * all at once (DeactivateShop refuses with these; the status query shows them live).
 * An empty list means the shop may leave. Which blockers hold is the rule's
 * (`deactivationBlockerCodes`); this words them from the shop's state.
 *
 * - ACCOUNTS_STILL_LINKED: a link linked or awaiting authorization. A request whose
 *   authorization window has closed no longer counts: it can never be linked, and
 *   DeactivateShop records its expiry.
 * - COOLING_PERIOD: less than `deactivationCoolingDays` since the last order was fulfilled or
 *   cancelled; a shop that never closed an order has none. Exactly at the boundary it may leave.
 */
export function deactivationBlockers(shop: RegisteredShop, now: Date, policy: ShopPolicy): RefusalDetail[] {
  return deactivationBlockerCodes(deactivationFactsOf(shop), now, policy).map((code) => ({
    code,
    message: messageOf(code, shop, now, policy),
  }));
}

/** The facts the rule for leaving reads, from the shop's state. */
export function deactivationFactsOf(shop: RegisteredShop): DeactivationFacts {
  const links = Object.values(shop.links);
  const pending = links.filter((link) => link.state === 'awaiting_authorization').map((link) => link.authorizationExpiresAt);
  return {
    linkedAccounts: links.filter((link) => link.state === 'linked').length,
    pendingAuthorizationUntil: pending.reduce<string | null>(
      (latest, at) => (latest === null || Date.parse(at) > Date.parse(latest) ? at : latest),
      null,
    ),
    activeCampaigns: activeCampaignsOf(shop).length,
    ordersAwaitingFulfilment: ordersAwaitingFulfilment(shop).length,
    available: shop.money.available,
    pendingWithdrawal: shop.money.pendingWithdrawal,
    frozen: shop.money.frozen,
    openIncidents: Object.values(shop.incidents).filter((state) => state === 'open').length,
    lastOrderClosedAt: shop.lastOrderClosedAt,
  };
}

function messageOf(code: DeactivationBlockerCode, shop: RegisteredShop, now: Date, policy: ShopPolicy): string {
  const { available, pendingWithdrawal, frozen } = shop.money;
  switch (code) {
    case 'ACCOUNTS_STILL_LINKED': {
      const described = Object.values(shop.links)
        .filter((link) => !authorizationLapsed(link, now))
        .map((link) => `${link.accountId} (${link.role}, ${link.state === 'linked' ? 'linked' : 'awaiting authorization'})`);
      return `Unlink every account first: ${described.join(', ')}`;
    }
    case 'CAMPAIGNS_ACTIVE':
      return `Campaigns still running: ${activeCampaignsOf(shop).join(', ')}`;
    case 'ORDERS_AWAITING_FULFILMENT':
      return `Orders awaiting fulfilment: ${ordersAwaitingFulfilment(shop).join(', ')}`;
    case 'FUNDS_AVAILABLE':
      return `${available} ${shop.currency} is available; withdraw it first`;
    case 'WITHDRAWAL_IN_FLIGHT':
      return `${pendingWithdrawal} ${shop.currency} is being withdrawn (${withdrawalsInFlight(shop).join(', ')})`;
    case 'FUNDS_FROZEN': {
      const open = Object.keys(shop.incidents).filter((id) => shop.incidents[id] === 'open');
      const incidents = open.length > 0 ? `; open security incidents: ${open.join(', ')}` : '';
      return `${frozen} ${shop.currency} is frozen${incidents}`;
    }
    case 'COOLING_PERIOD':
      return `The last order closed at ${shop.lastOrderClosedAt}; the shop may leave from ${coolingPeriodEnd(shop.lastOrderClosedAt, policy)?.toISOString()} (${policy.deactivationCoolingDays} days)`;
  }
}
