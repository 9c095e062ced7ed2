import { AccountUnlinked, CampaignTerminated, ShopEvent, UnlinkMode, UnlinkReason } from './shop.events';
import { activeCampaignsOf, RegisteredShop, ShopLink } from './shop.state';

export interface UnlinkCircumstances {
  readonly reason: UnlinkReason;
  readonly mode: UnlinkMode;
  readonly requestId?: string;
  readonly incidentId?: string;
  readonly ticketId?: string;
  readonly agentId?: string;
}

/**
 * The events of one unlink, however it was asked for: the campaigns run through the
 * account end with it, then the account is unlinked, counted when it was the official one.
 */
export function unlinkEvents(shop: RegisteredShop, link: ShopLink, how: UnlinkCircumstances, now: Date): ShopEvent[] {
  const at = now.toISOString();
  const terminated: CampaignTerminated[] = activeCampaignsOf(shop, link.accountId).map((campaignId) => ({
    type: 'CampaignTerminated',
    data: { shopId: shop.shopId, campaignId, accountId: link.accountId, reason: 'account_unlinked', terminatedAt: at },
  }));
  const unlinked: AccountUnlinked = {
    type: 'AccountUnlinked',
    data: {
      shopId: shop.shopId,
      accountId: link.accountId,
      handle: link.handle,
      role: link.role,
      reason: how.reason,
      mode: how.mode,
      requestId: how.requestId ?? null,
      incidentId: how.incidentId ?? null,
      ticketId: how.ticketId ?? null,
      agentId: how.agentId ?? null,
      officialUnlinkCount: link.role === 'official' ? shop.officialUnlinkCount + 1 : 0,
      unlinkedAt: at,
    },
  };
  return [...terminated, unlinked];
}
