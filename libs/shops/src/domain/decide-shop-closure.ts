import { afterSalesBlockers } from './decide-after-sales';
import { deactivationBlockers } from './deactivation-blockers';
import { lapsedAuthorizationsExpired } from './link-authorization-window';
import { ShopDecisionContext } from './shop-decision-context';
import { CloseShop, ShopCommand } from './shop.commands';
import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop } from './shop.state';

/**
 * Closing a shop for good, by the seller (an admin, stepped up) or by trust and safety.
 *
 * Rules chosen where the product rules are silent:
 * - Blocked by everything that blocks leaving, plus open refunds, returns and disputes
 *   (REFUNDS_OPEN, RETURNS_OPEN, DISPUTES_OPEN), all at once (CLOSURE_BLOCKED): an active shop and
 *   a deactivated one alike may close; a deactivated one has usually nothing left.
 * - Trust and safety meets the same blockers as the seller: closure moves no money, so a shop with
 *   money or open orders is restricted first and closed once they are settled.
 */
export function decideShopClosure(shop: RegisteredShop, command: CloseShop, ctx: ShopDecisionContext): ShopEvent[] {
  const at = ctx.now.toISOString();
  const blockers = [...deactivationBlockers(shop, ctx.now, ctx.policy), ...afterSalesBlockers(shop)];
  if (blockers.length > 0) {
    throw new ShopRuleViolation(
      'CLOSURE_BLOCKED',
      'rule',
      `Shop ${shop.shopId} cannot close yet: ${blockers.map((b) => b.code).join(', ')}`,
      blockers,
    );
  }
  const lapsed = lapsedAuthorizationsExpired(shop, ctx.now);
  const closedBy = ctx.actor.kind === 'system' ? 'trust_and_safety' : 'seller';
  return [...lapsed, { type: 'ShopClosed', data: { shopId: shop.shopId, reason: command.data.reason, closedBy, closedAt: at } }];
}

/**
 * A closed shop decides nothing any more (SHOP_CLOSED, 409), its reactivation first of all; only
 * the erasure of its personal data is still carried out.
 */
export function assertNotClosed(shop: RegisteredShop, command: ShopCommand): void {
  if (shop.status !== 'closed' || command.type === 'ForgetPersonalData') return;
  const message = `Shop ${shop.shopId} was closed for good at ${shop.closedAt}: ${command.type} is refused`;
  throw new ShopRuleViolation('SHOP_CLOSED', 'conflict', message, [{ code: 'SHOP_CLOSED', message }]);
}
