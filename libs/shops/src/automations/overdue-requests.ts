import { hasEnded } from '@shoplink/time';
import { ShopCommand } from '../domain/shop.commands';
import { ShopStatusDocument } from '../projections/shop-status.document';

/** An expiring command to send, named after the thing that expires, so two sweepers (or a retry) expire it once. */
export interface OverdueRequest {
  readonly shopId: string;
  readonly command: ShopCommand;
  readonly commandId: string;
}

/**
 * Windows close even when nobody asks: link authorizations after 48 hours, unlink confirmation
 * codes after 15 minutes. Pure: what is overdue at `now` among the open requests the status
 * documents list. (The decider judges each again, so a request answered meanwhile is left alone.)
 */
export function overdueRequests(shops: readonly ShopStatusDocument[], now: Date): OverdueRequest[] {
  return shops.flatMap((shop) => [
    ...shop.openLinkRequests
      .filter((r) => r.authorizationExpiresAt !== null && hasEnded(r.authorizationExpiresAt, now))
      .map((r) => ({
        shopId: shop.shopId,
        command: { type: 'ExpireLinkAuthorization', data: { accountId: r.accountId } } satisfies ShopCommand,
        commandId: `expire-link:${shop.shopId}:${r.accountId}:${r.requestedAt}`,
      })),
    ...shop.openUnlinkRequests
      .filter((r) => hasEnded(r.expiresAt, now))
      .map((r) => ({
        shopId: shop.shopId,
        command: { type: 'ExpireUnlinkRequest', data: { accountId: r.accountId, requestId: r.requestId } } satisfies ShopCommand,
        commandId: `expire-unlink:${shop.shopId}:${r.requestId}`,
      })),
  ]);
}
