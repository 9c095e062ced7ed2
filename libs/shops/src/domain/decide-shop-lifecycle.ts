import { deactivationBlockers } from './deactivation-blockers';
import { lapsedAuthorizationsExpired } from './link-authorization-window';
import { refuse } from './operation-refusals';
import { ShopDecisionContext } from './shop-decision-context';
import { DeactivateShop, ForgetPersonalData, ReactivateShop } from './shop.commands';
import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop } from './shop.state';

export type LifecycleCommand = DeactivateShop | ReactivateShop | ForgetPersonalData;

/**
 * Leaving TikTok Shop and coming back.
 *
 * Rules chosen where the product rules are silent:
 * - Deactivation records the expiry of link requests whose authorization window has closed
 *   (LinkAuthorizationExpired) before ShopDeactivated, so a deactivated shop holds no request.
 * - Reactivation has no waiting period: the product rules name none, and a reactivated shop starts
 *   as it left (no links, no money, no open order); linking again goes through the usual
 *   eligibility rules. A shop whose personal data was erased never comes back (PERSONAL_DATA_ERASED):
 *   its owner's and accounts' data is gone for good, so it would run on records nobody can read.
 * - Support deactivates on the seller's behalf only with a ticket (TICKET_REQUIRED), recorded in
 *   ShopDeactivated; the blockers are the seller's.
 * - Personal data can also be forgotten once the shop is closed.
 * - Personal data can be forgotten only once the shop has left (deactivated or closed): a live shop
 *   needs its accounts' handles to operate. Forgetting again appends nothing while nothing personal
 *   was recorded since; after new personal data (e.g. a rejected link request naming a handle) it
 *   records another PersonalDataForgotten and destroys the key made since.
 */
export function decideShopLifecycle(shop: RegisteredShop, command: LifecycleCommand, ctx: ShopDecisionContext): ShopEvent[] {
  const at = ctx.now.toISOString();
  if (command.type === 'ForgetPersonalData') {
    if (shop.status === 'active') {
      throw refuse(
        'SHOP_NOT_DEACTIVATED',
        'conflict',
        `Shop ${shop.shopId} is ${shop.status}: its personal data can be forgotten once it has left TikTok Shop`,
      );
    }
    if (shop.personalDataForgotten) return [];
    return [{ type: 'PersonalDataForgotten', data: { shopId: shop.shopId, ticketId: command.data.ticketId, forgottenAt: at } }];
  }
  if (command.type === 'ReactivateShop') {
    if (shop.status !== 'deactivated') throw refuse('SHOP_NOT_DEACTIVATED', 'conflict', `Shop ${shop.shopId} is ${shop.status}`);
    if (shop.personalDataEverForgotten) {
      throw refuse(
        'PERSONAL_DATA_ERASED',
        'conflict',
        `Shop ${shop.shopId}'s personal data was erased: it cannot come back; a new shop is registered instead`,
      );
    }
    return [{ type: 'ShopReactivated', data: { shopId: shop.shopId, reactivatedAt: at } }];
  }
  if (shop.status === 'deactivated')
    throw refuse('SHOP_ALREADY_DEACTIVATED', 'conflict', `Shop ${shop.shopId} was deactivated at ${shop.deactivatedAt}`);
  const ticketId = command.data.ticketId ?? null;
  if (ctx.actor.kind === 'support' && ticketId === null) {
    throw refuse('TICKET_REQUIRED', 'rule', `A support agent deactivates on the seller's behalf with the ticket of the request`);
  }
  const blockers = deactivationBlockers(shop, ctx.now, ctx.policy);
  if (blockers.length > 0) {
    throw new ShopRuleViolation(
      'DEACTIVATION_BLOCKED',
      'rule',
      `Shop ${shop.shopId} cannot leave yet: ${blockers.map((b) => b.code).join(', ')}`,
      blockers,
    );
  }
  const lapsed = lapsedAuthorizationsExpired(shop, ctx.now);
  // A seller's own deactivation names no ticket, even if one was sent: only an agent acts on a ticket.
  const ticket = ctx.actor.kind === 'support' ? ticketId : null;
  return [...lapsed, { type: 'ShopDeactivated', data: { shopId: shop.shopId, ticketId: ticket, deactivatedAt: at } }];
}
