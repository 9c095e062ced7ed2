import { hasEnded } from '@shoplink/time';
import { ShopLink } from './shop.state';

/**
 * A request still awaiting an authorization whose window has closed (at exactly its end it has):
 * it can never be linked, no longer holds its slot, and no longer keeps the shop from leaving.
 */
export const authorizationLapsed = (link: ShopLink, now: Date): boolean =>
  link.state === 'awaiting_authorization' && hasEnded(link.authorizationExpiresAt, now);
