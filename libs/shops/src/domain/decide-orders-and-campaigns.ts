import { assertValidAmount, refuse } from './operation-refusals';
import { ShopDecisionContext } from './shop-decision-context';
import { CancelOrder, EndCampaign, FulfilOrder, PlaceOrder, StartCampaign } from './shop.commands';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import { entryOf, hasEntry } from './id-table';

export type OrderOrCampaignCommand = PlaceOrder | FulfilOrder | CancelOrder | StartCampaign | EndCampaign;

/**
 * Orders matter here only as "awaiting fulfilment or not" (they block unlinking the official
 * account and leaving); campaigns as "running or not" (they end with their account's unlink).
 *
 * Rules chosen where the product rules are silent:
 * - A deactivated shop takes no new order and starts no campaign (SHOP_NOT_ACTIVE). An id
 *   already used is a conflict first (a retried command learns it was done); then the
 *   status, alone (a deactivated shop has no linked account either, so that would only echo it). Closing orders and
 * ending campaigns are never
 *   blocked by status (a deactivated shop has none open anyway).
 * - Orders do not require business verification: the order service is the authority on
 *   what was sold, and refusing would lose the record.
 */
export function decideOrdersAndCampaigns(shop: RegisteredShop, command: OrderOrCampaignCommand, ctx: ShopDecisionContext): ShopEvent[] {
  const at = ctx.now.toISOString();
  switch (command.type) {
    case 'PlaceOrder': {
      const { orderId, amount } = command.data;
      assertValidAmount(amount);
      if (hasEntry(shop.orders, orderId)) throw refuse('ORDER_ALREADY_EXISTS', 'conflict', `Order ${orderId} was already placed`);
      assertActive(shop, `take order ${orderId}`);
      return [{ type: 'OrderPlaced', data: { shopId: shop.shopId, orderId, amount, currency: shop.currency, placedAt: at } }];
    }
    case 'FulfilOrder':
      assertOrderOpen(shop, command.data.orderId);
      return [{ type: 'OrderFulfilled', data: { shopId: shop.shopId, orderId: command.data.orderId, fulfilledAt: at } }];
    case 'CancelOrder':
      assertOrderOpen(shop, command.data.orderId);
      return [{ type: 'OrderCancelled', data: { shopId: shop.shopId, orderId: command.data.orderId, cancelledAt: at } }];
    case 'StartCampaign': {
      const { campaignId, accountId } = command.data;
      if (hasEntry(shop.campaigns, campaignId))
        throw refuse('CAMPAIGN_ALREADY_EXISTS', 'conflict', `Campaign ${campaignId} already exists`);
      assertActive(shop, `start campaign ${campaignId}`);
      if (entryOf(shop.links, accountId)?.state !== 'linked') {
        throw refuse(
          'ACCOUNT_NOT_LINKED',
          'rule',
          `Account ${accountId} is not linked to shop ${shop.shopId}; a campaign runs through a linked account`,
        );
      }
      return [{ type: 'CampaignStarted', data: { shopId: shop.shopId, campaignId, accountId, startedAt: at } }];
    }
    case 'EndCampaign': {
      const { campaignId } = command.data;
      const campaign = entryOf(shop.campaigns, campaignId);
      if (campaign === undefined) throw refuse('CAMPAIGN_NOT_FOUND', 'not_found', `No campaign ${campaignId}`);
      if (campaign.state !== 'active') throw refuse('CAMPAIGN_NOT_ACTIVE', 'rule', `Campaign ${campaignId} is already ${campaign.state}`);
      return [{ type: 'CampaignEnded', data: { shopId: shop.shopId, campaignId, endedAt: at } }];
    }
  }
}

function assertActive(shop: RegisteredShop, what: string): void {
  if (shop.status !== 'active') throw refuse('SHOP_NOT_ACTIVE', 'rule', `A ${shop.status} shop cannot ${what}; reactivate it first`);
}

function assertOrderOpen(shop: RegisteredShop, orderId: string): void {
  const order = entryOf(shop.orders, orderId);
  if (order === undefined) throw refuse('ORDER_NOT_FOUND', 'not_found', `No order ${orderId}`);
  if (order !== 'awaiting_fulfilment') throw refuse('ORDER_ALREADY_CLOSED', 'rule', `Order ${orderId} is already ${order}`);
}
