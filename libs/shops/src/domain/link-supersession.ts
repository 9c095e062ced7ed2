import { AccountStanding } from './account-standing';
import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop } from './shop.state';
import { entryOf } from './id-table';

/**
 * The shop's pending request of an account that another shop has linked, closed as superseded:
 * no loser of a race waits 48 hours for an answer that can never link, nor stays blocked by it
 * (one official account, the marketing limit). Empty when there is nothing to close: no pending
 * request of the account (answered, cancelled or expired meanwhile), another request than the one
 * named (`requestedAt`, when given), or the account not linked elsewhere (then the request may still link).
 */
export function supersededRequest(
  shop: RegisteredShop,
  accountId: string,
  account: AccountStanding,
  now: Date,
  requestedAt?: string,
): ShopEvent[] {
  const link = entryOf(shop.links, accountId);
  if (link === undefined || link.state !== 'awaiting_authorization') return [];
  if (requestedAt !== undefined && link.requestedAt !== requestedAt) return [];
  const holder = account.linkedTo;
  if (holder === null || holder.shopId === shop.shopId) return [];
  return [
    {
      type: 'LinkRequestSuperseded',
      data: { shopId: shop.shopId, accountId, role: link.role, linkedShopId: holder.shopId, supersededAt: now.toISOString() },
    },
  ];
}

/** SupersedeLinkRequest: closes the named request, or is refused when it has nothing to close (the workflow then moves on). */
export function supersedeLinkRequest(
  shop: RegisteredShop,
  accountId: string,
  requestedAt: string,
  account: AccountStanding,
  now: Date,
): ShopEvent[] {
  const events = supersededRequest(shop, accountId, account, now, requestedAt);
  if (events.length > 0) return events;
  const message = `No request of account ${accountId} made at ${requestedAt} awaits authorization while the account is linked elsewhere`;
  throw new ShopRuleViolation('NOTHING_TO_SUPERSEDE', 'rule', message, [{ code: 'NOTHING_TO_SUPERSEDE', message }]);
}
