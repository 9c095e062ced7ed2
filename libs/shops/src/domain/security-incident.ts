import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { isMoneyFrozen, RegisteredShop } from './shop.state';
import { entryOf } from './id-table';

/**
 * Opening an incident freezes the shop's money (everything available moves to frozen);
 * reporting an incident that is already open changes nothing, so the security service and
 * an emergency unlink can both name the same incident.
 */
export function reportIncidentEvents(shop: RegisteredShop, incidentId: string, description: string, now: Date): ShopEvent[] {
  const known = entryOf(shop.incidents, incidentId);
  if (known === 'open') return [];
  if (known === 'resolved') {
    throw new ShopRuleViolation('INCIDENT_ALREADY_RESOLVED', 'rule', `Security incident ${incidentId} was resolved; report a new one`, [
      { code: 'INCIDENT_ALREADY_RESOLVED', message: 'A resolved incident cannot be reopened' },
    ]);
  }
  const at = now.toISOString();
  const reported: ShopEvent = { type: 'SecurityIncidentReported', data: { shopId: shop.shopId, incidentId, description, reportedAt: at } };
  if (isMoneyFrozen(shop)) return [reported];
  return [reported, { type: 'FundsFrozen', data: { shopId: shop.shopId, incidentId, amount: shop.money.available, frozenAt: at } }];
}
