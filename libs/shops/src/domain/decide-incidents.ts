import { evolveShop } from './evolve-shop';
import { refuse } from './operation-refusals';
import { reportIncidentEvents } from './security-incident';
import { ShopDecisionContext } from './shop-decision-context';
import { ReportSecurityIncident, ResolveSecurityIncident } from './shop.commands';
import { ShopEvent } from './shop.events';
import { ShopRuleViolation } from './shop-rule-violation';
import { isMoneyFrozen, RegisteredShop } from './shop.state';
import { unlinkEvents } from './unlink-events';
import { entryOf, hasEntry } from './id-table';

export type IncidentCommand = ReportSecurityIncident | ResolveSecurityIncident;

/**
 * Security incidents freeze the shop's money until the last open one is resolved.
 *
 * Rules chosen where the product rules are silent:
 * - A report may name accounts to unlink at once (emergency unlinks: no code, never blocked,
 *   counted when official). Only accounts linked here (state `linked`) can be named; any
 *   other refuses the whole report with LINK_NOT_FOUND listing each, and nothing is recorded.
 *   An account named twice is unlinked once.
 * - Reporting an incident that is already open adds the unlinks it names; with none named it
 *   is refused (INCIDENT_ALREADY_OPEN), so a caller learns nothing was recorded.
 * - Resolving the last open incident always records FundsUnfrozen, even of 0, so every
 *   FundsFrozen has its matching unfreeze in the history.
 */
export function decideIncidents(shop: RegisteredShop, command: IncidentCommand, ctx: ShopDecisionContext): ShopEvent[] {
  return command.type === 'ReportSecurityIncident' ? reportIncident(shop, command, ctx) : resolveIncident(shop, command, ctx);
}

function reportIncident(shop: RegisteredShop, command: ReportSecurityIncident, ctx: ShopDecisionContext): ShopEvent[] {
  const { incidentId, description } = command.data;
  const accountIds = [...new Set(command.data.unlinkAccountIds)];
  const notLinked = accountIds.filter((accountId) => entryOf(shop.links, accountId)?.state !== 'linked');
  if (notLinked.length > 0) {
    throw new ShopRuleViolation(
      'LINK_NOT_FOUND',
      'not_found',
      `Not linked to shop ${shop.shopId}: ${notLinked.join(', ')}`,
      notLinked.map((accountId) => ({
        code: 'LINK_NOT_FOUND',
        message: `Account ${accountId} is not linked to this shop${hasEntry(shop.links, accountId) ? ' (its link still awaits authorization)' : ''}`,
      })),
    );
  }
  const reported = reportIncidentEvents(shop, incidentId, description, ctx.now);
  if (reported.length === 0 && accountIds.length === 0) {
    throw refuse('INCIDENT_ALREADY_OPEN', 'conflict', `Security incident ${incidentId} is already open`);
  }
  const events: ShopEvent[] = [...reported];
  let current = reported.reduce(evolveRegistered, shop);
  for (const accountId of accountIds) {
    // Each unlink is decided on the shop as the previous ones left it (official unlinks are counted).
    const unlinked = unlinkEvents(current, current.links[accountId], { reason: 'security_breach', mode: 'emergency', incidentId }, ctx.now);
    events.push(...unlinked);
    current = unlinked.reduce(evolveRegistered, current);
  }
  return events;
}

function resolveIncident(shop: RegisteredShop, command: ResolveSecurityIncident, ctx: ShopDecisionContext): ShopEvent[] {
  const { incidentId, resolution } = command.data;
  const incident = entryOf(shop.incidents, incidentId);
  if (incident === undefined) throw refuse('INCIDENT_NOT_FOUND', 'not_found', `No security incident ${incidentId}`);
  if (incident === 'resolved') throw refuse('INCIDENT_ALREADY_RESOLVED', 'rule', `Security incident ${incidentId} is already resolved`);
  const at = ctx.now.toISOString();
  const resolved: ShopEvent = { type: 'SecurityIncidentResolved', data: { shopId: shop.shopId, incidentId, resolution, resolvedAt: at } };
  const after = evolveRegistered(shop, resolved);
  if (isMoneyFrozen(after)) return [resolved];
  return [resolved, { type: 'FundsUnfrozen', data: { shopId: shop.shopId, incidentId, amount: after.money.frozen, unfrozenAt: at } }];
}

/** evolveShop keeps a registered shop registered. */
const evolveRegistered = (shop: RegisteredShop, event: ShopEvent): RegisteredShop => evolveShop(shop, event) as RegisteredShop;
