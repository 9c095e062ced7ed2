import { ShopDecisionContext } from './shop-decision-context';
import { EnforceUnlink, LiftShopRestriction, RestrictShop } from './shop.commands';
import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop } from './shop.state';
import { unlinkEvents } from './unlink-events';
import { entryOf, hasEntry } from './id-table';

export type EnforcementCommand = EnforceUnlink | RestrictShop | LiftShopRestriction;

/**
 * Trust and safety enforcing the policy on a shop.
 *
 * Rules chosen where the product rules are silent:
 * - An enforced unlink is never blocked: a violating account must go now, whatever waits (orders,
 *   a withdrawal, 24 h after linking, the allowance of official unlinks). It freezes nothing and
 *   asks for no code. It is counted twice: in the official-unlink count like every unlink of the
 *   official account, and in the shop's policy-violation unlink count.
 * - A restriction id is used once: restricting again under an id in force is a conflict; a lifted
 *   id is not reused either (the history would read ambiguously).
 * - Lifting names its reason, so the auditor sees why as well as who.
 */
export function decideEnforcement(shop: RegisteredShop, command: EnforcementCommand, ctx: ShopDecisionContext): ShopEvent[] {
  const at = ctx.now.toISOString();
  switch (command.type) {
    case 'EnforceUnlink': {
      const { accountId, violation } = command.data;
      const link = entryOf(shop.links, accountId);
      if (link === undefined || link.state !== 'linked') {
        throw new ShopRuleViolation('LINK_NOT_FOUND', 'not_found', `Account ${accountId} is not linked to this shop`);
      }
      return [
        {
          type: 'AccountUnlinkedForPolicyViolation',
          data: {
            shopId: shop.shopId,
            accountId,
            role: link.role,
            violation,
            policyViolationUnlinkCount: shop.policyViolationUnlinkCount + 1,
            enforcedAt: at,
          },
        },
        ...unlinkEvents(shop, link, { reason: 'policy_violation', mode: 'enforced' }, ctx.now),
      ];
    }
    case 'RestrictShop': {
      const { restrictionId, reason, scope } = command.data;
      if (hasEntry(shop.restrictions, restrictionId)) {
        throw conflict('RESTRICTION_ALREADY_EXISTS', `Restriction ${restrictionId} was already recorded`);
      }
      if (scope.length === 0) throw rule('RESTRICTION_SCOPE_REQUIRED', 'A restriction names what it stops (link_requests, campaigns)');
      const unique = [...new Set(scope)];
      return [{ type: 'ShopRestricted', data: { shopId: shop.shopId, restrictionId, reason, scope: unique, restrictedAt: at } }];
    }
    case 'LiftShopRestriction': {
      const { restrictionId, reason } = command.data;
      if (entryOf(shop.restrictions, restrictionId)?.liftedAt !== null) {
        throw new ShopRuleViolation('RESTRICTION_NOT_FOUND', 'not_found', `No restriction ${restrictionId} is in force`);
      }
      return [{ type: 'ShopRestrictionLifted', data: { shopId: shop.shopId, restrictionId, reason, liftedAt: at } }];
    }
  }
}

const rule = (code: string, message: string): ShopRuleViolation => new ShopRuleViolation(code, 'rule', message, [{ code, message }]);
const conflict = (code: string, message: string): ShopRuleViolation =>
  new ShopRuleViolation(code, 'conflict', message, [{ code, message }]);
