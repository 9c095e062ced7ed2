import fc from 'fast-check';
import { addDays } from '@shoplink/time';
import {
  coolingPeriodEnd,
  DEACTIVATION_BLOCKER_CODES,
  deactivationBlockerCodes,
  DeactivationFacts,
  deactivationTimeBounds,
  isDeactivationBlockedByState,
  isDeactivationBlockedByTime,
} from './deactivation-rule';
import { DEFAULT_SHOP_POLICY } from './shop-policy';

const NOW = new Date('2026-05-01T12:00:00.000Z');
const POLICY = DEFAULT_SHOP_POLICY;
const ms = (date: Date, delta: number): string => new Date(date.getTime() + delta).toISOString();
const COOLING_START = addDays(NOW, -POLICY.deactivationCoolingDays);

const NOTHING: DeactivationFacts = {
  linkedAccounts: 0,
  pendingAuthorizationUntil: null,
  activeCampaigns: 0,
  ordersAwaitingFulfilment: 0,
  available: 0,
  pendingWithdrawal: 0,
  frozen: 0,
  openIncidents: 0,
  lastOrderClosedAt: null,
};

describe('the rule for leaving TikTok Shop', () => {
  it.each<[string, Partial<DeactivationFacts>, string[], boolean]>([
    ['nothing left', {}, [], false],
    ['a linked account', { linkedAccounts: 1 }, ['ACCOUNTS_STILL_LINKED'], true],
    [
      'a link request a millisecond before its authorization window ends',
      { pendingAuthorizationUntil: ms(NOW, 1) },
      ['ACCOUNTS_STILL_LINKED'],
      false,
    ],
    ['a link request at exactly the end of its authorization window', { pendingAuthorizationUntil: NOW.toISOString() }, [], false],
    ['a link request past its authorization window', { pendingAuthorizationUntil: ms(NOW, -1) }, [], false],
    [
      'a linked account and a lapsed request',
      { linkedAccounts: 1, pendingAuthorizationUntil: ms(NOW, -1) },
      ['ACCOUNTS_STILL_LINKED'],
      true,
    ],
    ['a running campaign', { activeCampaigns: 2 }, ['CAMPAIGNS_ACTIVE'], true],
    ['an order awaiting fulfilment', { ordersAwaitingFulfilment: 1 }, ['ORDERS_AWAITING_FULFILMENT'], true],
    ['money available', { available: 1 }, ['FUNDS_AVAILABLE'], true],
    ['a withdrawal in flight', { pendingWithdrawal: 700 }, ['WITHDRAWAL_IN_FLIGHT'], true],
    ['frozen money', { frozen: 700 }, ['FUNDS_FROZEN'], true],
    ['an open incident with nothing to freeze', { openIncidents: 1 }, ['FUNDS_FROZEN'], true],
    [
      'the last order closed a millisecond inside the cooling period',
      { lastOrderClosedAt: ms(COOLING_START, 1) },
      ['COOLING_PERIOD'],
      false,
    ],
    ['the last order closed exactly the cooling period ago', { lastOrderClosedAt: COOLING_START.toISOString() }, [], false],
    ['the last order closed longer ago', { lastOrderClosedAt: ms(COOLING_START, -1) }, [], false],
    ['an order closed after now (a clock behind the log)', { lastOrderClosedAt: ms(NOW, 1) }, ['COOLING_PERIOD'], false],
    [
      'everything at once, in the fixed order',
      {
        linkedAccounts: 1,
        activeCampaigns: 1,
        ordersAwaitingFulfilment: 1,
        available: 1,
        pendingWithdrawal: 1,
        frozen: 1,
        openIncidents: 1,
        lastOrderClosedAt: NOW.toISOString(),
      },
      [...DEACTIVATION_BLOCKER_CODES],
      true,
    ],
  ])('%s', (_, facts, codes, byState) => {
    const all = { ...NOTHING, ...facts };
    expect(deactivationBlockerCodes(all, NOW, POLICY)).toEqual(codes);
    expect(isDeactivationBlockedByState(all)).toBe(byState);
    expect(isDeactivationBlockedByState(all) || isDeactivationBlockedByTime(all, NOW, POLICY)).toBe(codes.length > 0);
  });

  it('follows the configured cooling period', () => {
    const facts = { ...NOTHING, lastOrderClosedAt: addDays(NOW, -10).toISOString() };
    expect(deactivationBlockerCodes(facts, NOW, { ...POLICY, deactivationCoolingDays: 11 })).toEqual(['COOLING_PERIOD']);
    expect(deactivationBlockerCodes(facts, NOW, { ...POLICY, deactivationCoolingDays: 10 })).toEqual([]);
  });

  it('the cooling period ends when the last order is no longer after the bound: both come from one definition', () => {
    const instant = fc.integer({ min: Date.parse('2020-01-01T00:00:00Z'), max: Date.parse('2030-01-01T00:00:00Z') });
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }),
        fc.integer({ min: 0, max: 365 }),
        (closed, offset, days) => {
          const policy = { ...POLICY, deactivationCoolingDays: days };
          const closedAt = new Date(closed).toISOString();
          const end = coolingPeriodEnd(closedAt, policy)!;
          const now = new Date(end.getTime() + offset);
          const cooling = deactivationBlockerCodes({ ...NOTHING, lastOrderClosedAt: closedAt }, now, policy).includes('COOLING_PERIOD');
          expect(cooling).toBe(now.getTime() < end.getTime());
          expect(cooling).toBe(closedAt > deactivationTimeBounds(now, policy).lastOrderClosedAfter.toISOString());
        },
      ),
    );
  });

  it('the time-bound blockers hold exactly while their facts are after the bounds the list queries by', () => {
    const bounds = deactivationTimeBounds(NOW, POLICY);
    expect(bounds.pendingAuthorizationAfter).toEqual(NOW);
    expect(bounds.lastOrderClosedAfter).toEqual(COOLING_START);
    expect(coolingPeriodEnd(COOLING_START.toISOString(), POLICY)).toEqual(NOW);
    expect(coolingPeriodEnd(null, POLICY)).toBeNull();
  });
});
