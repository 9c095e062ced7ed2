import { ShopCommand } from './shop.commands';
import { RestrictionScope } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop, restrictionsInForce } from './shop.state';

/** The commands each restriction scope stops. A switch of the official account is a new link request too. */
const STOPPED_BY: Readonly<Record<RestrictionScope, readonly ShopCommand['type'][]>> = {
  link_requests: ['RequestLink', 'SwitchOfficialAccount'],
  campaigns: ['StartCampaign'],
};

/**
 * While trust and safety restricts the shop, what the restriction's scope names is refused
 * (SHOP_RESTRICTED, 422, one detail per restriction in force that stops it). Everything else goes
 * on: orders are fulfilled, money leaves, accounts are unlinked, and the shop may still leave.
 */
export function assertNotRestricted(shop: RegisteredShop, command: ShopCommand): void {
  const stopping = restrictionsInForce(shop).filter(([, r]) => r.scope.some((scope) => STOPPED_BY[scope].includes(command.type)));
  if (stopping.length === 0) return;
  const details = stopping.map(([id, r]) => ({
    code: 'SHOP_RESTRICTED',
    message: `Restriction ${id} (${r.scope.join(', ')}) since ${r.restrictedAt}: ${r.reason}`,
  }));
  throw new ShopRuleViolation('SHOP_RESTRICTED', 'rule', `Shop ${shop.shopId} is restricted: ${command.type} is refused`, details);
}
