import { addHours, hasEnded } from '@shoplink/time';
import { ShopPolicy } from './shop-policy';
import { RefusalDetail } from './shop-rule-violation';
import { ordersAwaitingFulfilment, RegisteredShop, withdrawalsInFlight } from './shop.state';
import { entryOf } from './id-table';

/** Stable codes of what keeps an account from being unlinked now, one per rule. */
export const UNLINK_BLOCKER_CODES = [
  'ORDERS_AWAITING_FULFILMENT',
  'WITHDRAWAL_IN_FLIGHT',
  'OFFICIAL_UNLINK_LIMIT_REACHED',
  'TOO_SOON_AFTER_LINKING',
] as const;

export type UnlinkBlockerCode = (typeof UNLINK_BLOCKER_CODES)[number];

/**
 * Every reason the linked account cannot be unlinked at `now` (a confirmed, assisted or
 * switch unlink; an emergency unlink ignores them all), in a fixed order; empty means free
 * to go. The same list the status query shows as the blockers for unlinking the official
 * account. An account that is not linked (unknown, or still awaiting authorization) has no
 * blockers: there is nothing to unlink, which the commands refuse as LINK_NOT_FOUND.
 *
 * - official account only: orders awaiting fulfilment, a withdrawal in flight, and the
 *   shop's allowance of official-account unlinks, ever (emergency and assisted counted);
 * - any role: not sooner than `earliestUnlinkHours` after linking (at exactly that time it may go).
 */
export function unlinkBlockers(shop: RegisteredShop, accountId: string, now: Date, policy: ShopPolicy): RefusalDetail[] {
  const link = entryOf(shop.links, accountId);
  if (link === undefined || link.state !== 'linked') return [];
  const blockers: RefusalDetail[] = [];
  if (link.role === 'official') {
    const orders = ordersAwaitingFulfilment(shop);
    if (orders.length > 0) {
      blockers.push({
        code: 'ORDERS_AWAITING_FULFILMENT',
        message: `${count(orders.length, 'order awaits', 'orders await')} fulfilment (${orders.join(', ')}); fulfil or cancel ${orders.length === 1 ? 'it' : 'them'} before unlinking the official account`,
      });
    }
    const withdrawals = withdrawalsInFlight(shop);
    if (withdrawals.length > 0) {
      const amount = withdrawals.reduce((sum, id) => sum + shop.withdrawals[id].amount, 0);
      blockers.push({
        code: 'WITHDRAWAL_IN_FLIGHT',
        message: `${count(withdrawals.length, 'withdrawal is', 'withdrawals are')} in flight (${withdrawals.join(', ')}; ${amount} ${shop.currency} minor units); unlink the official account once ${withdrawals.length === 1 ? 'it has' : 'they have'} been paid out or failed`,
      });
    }
    if (shop.officialUnlinkCount >= policy.officialUnlinksEver) {
      blockers.push({
        code: 'OFFICIAL_UNLINK_LIMIT_REACHED',
        message: `The shop has used ${shop.officialUnlinkCount} of its ${policy.officialUnlinksEver} official-account unlinks (emergency and assisted unlinks count too); only an emergency unlink remains possible`,
      });
    }
  }
  if (link.linkedAt !== null) {
    const earliest = addHours(new Date(link.linkedAt), policy.earliestUnlinkHours);
    if (!hasEnded(earliest, now)) {
      blockers.push({
        code: 'TOO_SOON_AFTER_LINKING',
        message: `Account ${link.handle} was linked at ${link.linkedAt}; it can be unlinked from ${earliest.toISOString()} (${policy.earliestUnlinkHours} h after linking) unless in an emergency`,
      });
    }
  }
  return blockers;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
