import { hasEnded } from '@shoplink/time';
import { ShopEvent } from './shop.events';
import { RegisteredShop, ShopLink } from './shop.state';

/**
 * A request still awaiting an authorization whose window has closed (at exactly its end it has):
 * it can never be linked, no longer holds its slot, and no longer keeps the shop from leaving.
 */
export const authorizationLapsed = (link: ShopLink, now: Date): boolean =>
  link.state === 'awaiting_authorization' && hasEnded(link.authorizationExpiresAt, now);

/** The requests of a shop that is leaving whose authorization lapsed, recorded as expired as it goes (deactivation, closure). */
export const lapsedAuthorizationsExpired = (shop: RegisteredShop, now: Date): ShopEvent[] =>
  Object.values(shop.links)
    .filter((link) => authorizationLapsed(link, now))
    .map((link) => ({
      type: 'LinkAuthorizationExpired',
      data: { shopId: shop.shopId, accountId: link.accountId, role: link.role, expiredAt: now.toISOString() },
    }));
