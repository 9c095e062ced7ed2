import { ShopCommand } from './shop.commands';
import { RestrictionScope } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop, restrictionsInForce } from './shop.state';

/**
 * Whether a restriction scope stops the command. No new links means no new request, no switch of the
 * official account (a new request too), and no owner's grant completing a request made before the
 * restriction (it would link an account now); a denial is still recorded, and the request may expire.
 */
const STOPS: Readonly<Record<RestrictionScope, (command: ShopCommand) => boolean>> = {
  link_requests: (command) =>
    command.type === 'RequestLink' ||
    command.type === 'SwitchOfficialAccount' ||
    (command.type === 'AnswerLinkAuthorization' && command.data.decision === 'granted'),
  campaigns: (command) => command.type === 'StartCampaign',
};

/**
 * While trust and safety restricts the shop, what the restriction's scope names is refused
 * (SHOP_RESTRICTED, 422, one detail per restriction in force that stops it). Everything else goes
 * on: orders are fulfilled, money leaves, accounts are unlinked, and the shop may still leave.
 */
export function assertNotRestricted(shop: RegisteredShop, command: ShopCommand): void {
  const stopping = restrictionsInForce(shop).filter(([, r]) => r.scope.some((scope) => STOPS[scope](command)));
  if (stopping.length === 0) return;
  const details = stopping.map(([id, r]) => ({
    code: 'SHOP_RESTRICTED',
    message: `Restriction ${id} (${r.scope.join(', ')}) since ${r.restrictedAt}: ${r.reason}`,
  }));
  throw new ShopRuleViolation('SHOP_RESTRICTED', 'rule', `Shop ${shop.shopId} is restricted: ${command.type} is refused`, details);
}
