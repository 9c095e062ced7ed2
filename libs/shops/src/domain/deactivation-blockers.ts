import { authorizationLapsed } from './link-authorization-window';
import { ShopPolicy } from './shop-policy';
import { RefusalDetail } from './shop-rule-violation';
import { activeCampaignsOf, isMoneyFrozen, ordersAwaitingFulfilment, RegisteredShop, withdrawalsInFlight } from './shop.state';

const DAY_MS = 86_400_000;

/**
 * Everything that keeps the shop from leaving TikTok Shop at `now`, each under its own code,
 * all at once (DeactivateShop refuses with these; the status query shows them live).
 * An empty list means the shop may leave.
 *
 * - ACCOUNTS_STILL_LINKED: a link linked or awaiting authorization. A request whose
 *   authorization window has closed no longer counts: it can never be linked, and
 *   DeactivateShop records its expiry.
 * - COOLING_PERIOD: less than `deactivationCoolingDays` since the last order was fulfilled or
 *   cancelled; a shop that never closed an order has none. Exactly at the boundary it may leave.
 */
export function deactivationBlockers(shop: RegisteredShop, now: Date, policy: ShopPolicy): RefusalDetail[] {
  const blockers: RefusalDetail[] = [];
  const links = Object.values(shop.links).filter((link) => !authorizationLapsed(link, now));
  if (links.length > 0) {
    const described = links.map(
      (link) => `${link.accountId} (${link.role}, ${link.state === 'linked' ? 'linked' : 'awaiting authorization'})`,
    );
    blockers.push({ code: 'ACCOUNTS_STILL_LINKED', message: `Unlink every account first: ${described.join(', ')}` });
  }
  const campaigns = activeCampaignsOf(shop);
  if (campaigns.length > 0) blockers.push({ code: 'CAMPAIGNS_ACTIVE', message: `Campaigns still running: ${campaigns.join(', ')}` });
  const orders = ordersAwaitingFulfilment(shop);
  if (orders.length > 0) blockers.push({ code: 'ORDERS_AWAITING_FULFILMENT', message: `Orders awaiting fulfilment: ${orders.join(', ')}` });
  const { available, pendingWithdrawal, frozen } = shop.money;
  if (available > 0) blockers.push({ code: 'FUNDS_AVAILABLE', message: `${available} ${shop.currency} is available; withdraw it first` });
  if (pendingWithdrawal > 0) {
    const inFlight = withdrawalsInFlight(shop);
    blockers.push({
      code: 'WITHDRAWAL_IN_FLIGHT',
      message: `${pendingWithdrawal} ${shop.currency} is being withdrawn (${inFlight.join(', ')})`,
    });
  }
  if (frozen > 0 || isMoneyFrozen(shop)) {
    const open = Object.keys(shop.incidents).filter((id) => shop.incidents[id] === 'open');
    const incidents = open.length > 0 ? `; open security incidents: ${open.join(', ')}` : '';
    blockers.push({ code: 'FUNDS_FROZEN', message: `${frozen} ${shop.currency} is frozen${incidents}` });
  }
  const coolingEndsAt = coolingPeriodEnd(shop, policy);
  if (coolingEndsAt !== null && now.getTime() < coolingEndsAt.getTime()) {
    blockers.push({
      code: 'COOLING_PERIOD',
      message: `The last order closed at ${shop.lastOrderClosedAt}; the shop may leave from ${coolingEndsAt.toISOString()} (${policy.deactivationCoolingDays} days)`,
    });
  }
  return blockers;
}

/** When the cooling period after the last closed order ends; null when no order ever closed. */
export function coolingPeriodEnd(shop: RegisteredShop, policy: ShopPolicy): Date | null {
  if (shop.lastOrderClosedAt === null) return null;
  return new Date(Date.parse(shop.lastOrderClosedAt) + policy.deactivationCoolingDays * DAY_MS);
}
