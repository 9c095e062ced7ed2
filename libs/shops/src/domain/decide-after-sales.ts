import { ShopDecisionContext } from './shop-decision-context';
import { OpenAfterSalesCase, SettleAfterSalesCase } from './shop.commands';
import { AfterSalesKind, ShopEvent } from './shop.events';
import { RefusalDetail, ShopRuleViolation } from './shop-rule-violation';
import { RegisteredShop } from './shop.state';
import { entryOf, hasEntry } from './id-table';

/**
 * Refunds, returns and disputes matter here only as "open or not" (open ones block closure), like
 * orders awaiting fulfilment. The order service opens them on an order the shop recorded and settles
 * them, whatever the outcome; a deactivated shop still takes them (a buyer may ask after it left).
 */
export function decideAfterSales(
  shop: RegisteredShop,
  command: OpenAfterSalesCase | SettleAfterSalesCase,
  ctx: ShopDecisionContext,
): ShopEvent[] {
  const at = ctx.now.toISOString();
  if (command.type === 'OpenAfterSalesCase') {
    const { caseId, kind, orderId } = command.data;
    if (hasEntry(shop.afterSalesCases, caseId)) throw refusal('CASE_ALREADY_EXISTS', 'conflict', `Case ${caseId} already exists`);
    if (!hasEntry(shop.orders, orderId)) throw refusal('ORDER_NOT_FOUND', 'not_found', `No order ${orderId} in this shop`);
    return [{ type: 'AfterSalesCaseOpened', data: { shopId: shop.shopId, caseId, kind, orderId, openedAt: at } }];
  }
  const found = entryOf(shop.afterSalesCases, command.data.caseId);
  if (found === undefined || found.state !== 'open') {
    throw refusal('CASE_NOT_FOUND', 'not_found', `No open refund, return or dispute ${command.data.caseId}`);
  }
  return [{ type: 'AfterSalesCaseSettled', data: { shopId: shop.shopId, caseId: command.data.caseId, kind: found.kind, settledAt: at } }];
}

const BLOCKER_OF: Readonly<Record<AfterSalesKind, string>> = { refund: 'REFUNDS_OPEN', return: 'RETURNS_OPEN', dispute: 'DISPUTES_OPEN' };

/** One blocker per kind with open cases, naming them: what closure waits for besides the deactivation blockers. */
export function afterSalesBlockers(shop: RegisteredShop): RefusalDetail[] {
  const open = Object.entries(shop.afterSalesCases).filter(([, c]) => c.state === 'open');
  return (['refund', 'return', 'dispute'] as const).flatMap((kind) => {
    const ids = open.filter(([, c]) => c.kind === kind).map(([id]) => id);
    return ids.length === 0 ? [] : [{ code: BLOCKER_OF[kind], message: `Open ${kind}s: ${ids.join(', ')}` }];
  });
}

const refusal = (code: string, kind: 'conflict' | 'not_found', message: string): ShopRuleViolation =>
  new ShopRuleViolation(code, kind, message, [{ code, message }]);
