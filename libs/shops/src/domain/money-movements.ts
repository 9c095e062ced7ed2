import { ShopEvent } from './shop.events';
import { ShopMoney } from './shop.state';

/**
 * How each money event moves the shop's three amounts. The one definition of it: the
 * domain's state and the status read model both fold money through here, so they cannot
 * drift apart. Events that move no money leave it as it is.
 */
export function moneyAfter<M extends ShopMoney>(money: M, event: ShopEvent): M {
  switch (event.type) {
    case 'FundsCredited':
      return event.data.creditedTo === 'frozen'
        ? { ...money, frozen: money.frozen + event.data.amount }
        : { ...money, available: money.available + event.data.amount };
    case 'FundsWithdrawalRequested':
      return { ...money, available: money.available - event.data.amount, pendingWithdrawal: money.pendingWithdrawal + event.data.amount };
    case 'FundsWithdrawn':
      return { ...money, pendingWithdrawal: money.pendingWithdrawal - event.data.amount };
    case 'FundsWithdrawalFailed': {
      const pending = { ...money, pendingWithdrawal: money.pendingWithdrawal - event.data.amount };
      return event.data.returnedTo === 'frozen'
        ? { ...pending, frozen: money.frozen + event.data.amount }
        : { ...pending, available: money.available + event.data.amount };
    }
    case 'FundsFrozen':
      return { ...money, available: money.available - event.data.amount, frozen: money.frozen + event.data.amount };
    case 'FundsUnfrozen':
      return { ...money, available: money.available + event.data.amount, frozen: money.frozen - event.data.amount };
    default:
      return money;
  }
}
