import { assertValidAmount, refuse } from './operation-refusals';
import { ShopDecisionContext } from './shop-decision-context';
import { CompleteWithdrawal, CreditFunds, FailWithdrawal, RequestWithdrawal } from './shop.commands';
import { ShopEvent } from './shop.events';
import { RefusalDetail, ShopRuleViolation } from './shop-rule-violation';
import { isMoneyFrozen, RegisteredShop, Withdrawal } from './shop.state';
import { entryOf, hasEntry } from './id-table';

export type MoneyCommand = CreditFunds | RequestWithdrawal | CompleteWithdrawal | FailWithdrawal;

/**
 * The shop's money: integer minor units of its one currency, in three buckets
 * (available, pendingWithdrawal, frozen) that never go negative.
 *
 * Rules chosen where the product rules are silent:
 * - Money commands are decided whatever the shop's status: a settlement that arrives after
 *   the shop left is still recorded, and money can always leave to the verified bank account.
 * - A credit does not require the order to be known here: the order and payout services
 *   report independently and may arrive in any order.
 * - A credit that would take the shop's holdings past Number.MAX_SAFE_INTEGER is refused
 *   (BALANCE_LIMIT_EXCEEDED), so every sum stays an exact integer.
 */
export function decideMoney(shop: RegisteredShop, command: MoneyCommand, ctx: ShopDecisionContext): ShopEvent[] {
  switch (command.type) {
    case 'CreditFunds':
      return creditFunds(shop, command, ctx);
    case 'RequestWithdrawal':
      return requestWithdrawal(shop, command, ctx);
    case 'CompleteWithdrawal':
      return completeWithdrawal(shop, command, ctx);
    case 'FailWithdrawal':
      return failWithdrawal(shop, command, ctx);
  }
}

/** Idempotent by settlement id: the same settlement again changes nothing; another amount under it is a conflict. */
function creditFunds(shop: RegisteredShop, command: CreditFunds, ctx: ShopDecisionContext): ShopEvent[] {
  const { settlementId, orderId, amount } = command.data;
  assertValidAmount(amount);
  const credited = entryOf(shop.settlements, settlementId);
  if (credited === amount) return [];
  if (credited !== undefined) {
    throw refuse('SETTLEMENT_CONFLICT', 'conflict', `Settlement ${settlementId} was credited with ${credited}, not ${amount}`);
  }
  const { available, pendingWithdrawal, frozen } = shop.money;
  if (available + pendingWithdrawal + frozen + amount > Number.MAX_SAFE_INTEGER) {
    throw refuse('BALANCE_LIMIT_EXCEEDED', 'rule', 'The credit would take the shop’s balance beyond what can be counted exactly');
  }
  return [
    {
      type: 'FundsCredited',
      data: {
        shopId: shop.shopId,
        settlementId,
        orderId,
        amount,
        currency: shop.currency,
        creditedTo: isMoneyFrozen(shop) ? 'frozen' : 'available',
        creditedAt: ctx.now.toISOString(),
      },
    },
  ];
}

/** Every failed rule is listed; one names the refusal, several make it WITHDRAWAL_REFUSED. */
function requestWithdrawal(shop: RegisteredShop, command: RequestWithdrawal, ctx: ShopDecisionContext): ShopEvent[] {
  const { withdrawalId, amount } = command.data;
  assertValidAmount(amount);
  if (hasEntry(shop.withdrawals, withdrawalId)) {
    throw refuse('WITHDRAWAL_ALREADY_EXISTS', 'conflict', `Withdrawal ${withdrawalId} was already requested`);
  }
  const failed: RefusalDetail[] = [];
  // A freeze moves the available money into frozen; judged against what the shop would have
  // without it, a seller is told "frozen", not also "insufficient", for money that is theirs.
  const spendable = isMoneyFrozen(shop) ? shop.money.available + shop.money.frozen : shop.money.available;
  if (amount > spendable) {
    failed.push({ code: 'INSUFFICIENT_FUNDS', message: `${amount} ${shop.currency} requested, ${spendable} available` });
  }
  if (shop.verification !== 'verified') {
    failed.push({
      code: 'BANK_ACCOUNT_NOT_VERIFIED',
      message: `Money leaves only to the verified bank account; business verification is ${shop.verification}`,
    });
  }
  if (isMoneyFrozen(shop)) {
    failed.push({
      code: 'FUNDS_FROZEN',
      message: `The shop's money is frozen while security incidents are open: ${openIncidents(shop).join(', ')}`,
    });
  }
  if (failed.length > 0) {
    const code = failed.length === 1 ? failed[0].code : 'WITHDRAWAL_REFUSED';
    throw new ShopRuleViolation(code, 'rule', `Withdrawal ${withdrawalId} of ${amount} ${shop.currency} refused`, failed);
  }
  return [
    {
      type: 'FundsWithdrawalRequested',
      data: { shopId: shop.shopId, withdrawalId, amount, currency: shop.currency, requestedAt: ctx.now.toISOString() },
    },
  ];
}

function completeWithdrawal(shop: RegisteredShop, command: CompleteWithdrawal, ctx: ShopDecisionContext): ShopEvent[] {
  const { withdrawalId } = command.data;
  const withdrawal = withdrawalInFlight(shop, withdrawalId);
  return [
    { type: 'FundsWithdrawn', data: { shopId: shop.shopId, withdrawalId, amount: withdrawal.amount, withdrawnAt: ctx.now.toISOString() } },
  ];
}

/** The money returns to available, or to frozen while an incident is open (it would have been frozen had it stayed). */
function failWithdrawal(shop: RegisteredShop, command: FailWithdrawal, ctx: ShopDecisionContext): ShopEvent[] {
  const { withdrawalId, reason } = command.data;
  const withdrawal = withdrawalInFlight(shop, withdrawalId);
  return [
    {
      type: 'FundsWithdrawalFailed',
      data: {
        shopId: shop.shopId,
        withdrawalId,
        amount: withdrawal.amount,
        reason,
        returnedTo: isMoneyFrozen(shop) ? 'frozen' : 'available',
        failedAt: ctx.now.toISOString(),
      },
    },
  ];
}

function withdrawalInFlight(shop: RegisteredShop, withdrawalId: string): Withdrawal {
  const withdrawal = entryOf(shop.withdrawals, withdrawalId);
  if (withdrawal === undefined) throw refuse('WITHDRAWAL_NOT_FOUND', 'not_found', `No withdrawal ${withdrawalId}`);
  if (withdrawal.state !== 'requested') {
    throw refuse('WITHDRAWAL_ALREADY_SETTLED', 'rule', `Withdrawal ${withdrawalId} is already ${withdrawal.state}`);
  }
  return withdrawal;
}

const openIncidents = (shop: RegisteredShop): string[] => Object.keys(shop.incidents).filter((id) => shop.incidents[id] === 'open');
