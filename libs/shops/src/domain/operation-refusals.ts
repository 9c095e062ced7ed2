import { RefusalKind, ShopRuleViolation } from './shop-rule-violation';

/**
 * Refusals shared by the operation deciders (money, orders, campaigns, incidents, leaving).
 * A refusal of one rule names that rule in its details too, so callers always read `details`.
 */
export const refuse = (code: string, kind: RefusalKind, message: string): ShopRuleViolation =>
  new ShopRuleViolation(code, kind, message, [{ code, message }]);

/** Amounts are integer minor units: positive and exactly representable (a safe integer). */
export function assertValidAmount(amount: number): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw refuse('INVALID_AMOUNT', 'rule', `The amount must be a positive whole number of minor units, got ${String(amount)}`);
  }
}
