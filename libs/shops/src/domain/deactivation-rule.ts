import { addDays, windowStart } from '@shoplink/time';
import { ShopPolicy } from './shop-policy';

/** Stable codes of what keeps a shop from leaving TikTok Shop, in the order they are reported. */
export const DEACTIVATION_BLOCKER_CODES = [
  'ACCOUNTS_STILL_LINKED',
  'CAMPAIGNS_ACTIVE',
  'ORDERS_AWAITING_FULFILMENT',
  'FUNDS_AVAILABLE',
  'WITHDRAWAL_IN_FLIGHT',
  'FUNDS_FROZEN',
  'COOLING_PERIOD',
] as const;

export type DeactivationBlockerCode = (typeof DEACTIVATION_BLOCKER_CODES)[number];

/**
 * What the rule for leaving looks at, and nothing else, so the shop's state and its status
 * document can both be asked. Counts rather than lists: the rule only asks whether any remain.
 */
export interface DeactivationFacts {
  readonly linkedAccounts: number;
  /** The latest authorization deadline of the link requests still awaiting authorization; null when none. */
  readonly pendingAuthorizationUntil: string | null;
  readonly activeCampaigns: number;
  readonly ordersAwaitingFulfilment: number;
  readonly available: number;
  readonly pendingWithdrawal: number;
  readonly frozen: number;
  readonly openIncidents: number;
  /** When the last order was fulfilled or cancelled; null when none ever closed. */
  readonly lastOrderClosedAt: string | null;
}

export interface DeactivationTimeBounds {
  readonly pendingAuthorizationAfter: Date;
  readonly lastOrderClosedAfter: Date;
}

/**
 * The instants the time-bound blockers are measured against at `now`: a blocker holds while its
 * fact lies strictly after its bound. The list of blocked shops turns these into index ranges
 * (`gt`), so the rule and the list read the same two comparisons.
 *
 * - a link request awaiting authorization blocks until its window ends (at exactly its end it no
 *   longer does): it blocks while its deadline is after `now`;
 * - the cooling period is the last `deactivationCoolingDays` days: an order closed exactly that
 *   long ago no longer blocks, the boundary the relink allowance's window has too.
 */
export function deactivationTimeBounds(now: Date, policy: ShopPolicy): DeactivationTimeBounds {
  return { pendingAuthorizationAfter: now, lastOrderClosedAfter: windowStart(now, policy.deactivationCoolingDays) };
}

/**
 * When the cooling period after the last order closed at `lastOrderClosedAt` ends: from then on
 * the shop may leave. It is the `now` whose `lastOrderClosedAfter` bound reaches that closing time.
 */
export function coolingPeriodEnd(lastOrderClosedAt: string | null, policy: ShopPolicy): Date | null {
  return lastOrderClosedAt === null ? null : addDays(new Date(lastOrderClosedAt), policy.deactivationCoolingDays);
}

/** The blockers that hold whatever the clock says: only an event lifts them. */
const STANDING: readonly (readonly [DeactivationBlockerCode, (f: DeactivationFacts) => boolean])[] = [
  ['ACCOUNTS_STILL_LINKED', (f) => f.linkedAccounts > 0],
  ['CAMPAIGNS_ACTIVE', (f) => f.activeCampaigns > 0],
  ['ORDERS_AWAITING_FULFILMENT', (f) => f.ordersAwaitingFulfilment > 0],
  ['FUNDS_AVAILABLE', (f) => f.available > 0],
  ['WITHDRAWAL_IN_FLIGHT', (f) => f.pendingWithdrawal > 0],
  // An open incident freezes the money even when there is none to freeze.
  ['FUNDS_FROZEN', (f) => f.frozen > 0 || f.openIncidents > 0],
];

/** The blockers that the passing of time lifts without an event, each a fact compared with its bound. */
const TIME_BOUND: readonly (readonly [DeactivationBlockerCode, (f: DeactivationFacts, bounds: DeactivationTimeBounds) => boolean])[] = [
  ['ACCOUNTS_STILL_LINKED', (f, b) => isAfter(f.pendingAuthorizationUntil, b.pendingAuthorizationAfter)],
  ['COOLING_PERIOD', (f, b) => isAfter(f.lastOrderClosedAt, b.lastOrderClosedAfter)],
];

/**
 * Every blocker that keeps the shop from leaving at `now`, in the fixed order; empty means it
 * may leave. A shop may leave only with no linked account, no link request still awaiting
 * authorization, no active campaign, no order awaiting fulfilment, no money available, being
 * withdrawn or frozen, no open security incident, and once the cooling period after its last
 * closed order is over.
 */
export function deactivationBlockerCodes(facts: DeactivationFacts, now: Date, policy: ShopPolicy): DeactivationBlockerCode[] {
  const holding = new Set<DeactivationBlockerCode>();
  for (const [code, holds] of STANDING) if (holds(facts)) holding.add(code);
  const bounds = deactivationTimeBounds(now, policy);
  for (const [code, holds] of TIME_BOUND) if (holds(facts, bounds)) holding.add(code);
  return DEACTIVATION_BLOCKER_CODES.filter((code) => holding.has(code));
}

/** Whether something other than time blocks leaving: the part a status document can store. */
export const isDeactivationBlockedByState = (facts: DeactivationFacts): boolean => STANDING.some(([, holds]) => holds(facts));

/** Whether a time-bound blocker holds at `now`: the part compared with the clock when asked. */
export function isDeactivationBlockedByTime(facts: DeactivationFacts, now: Date, policy: ShopPolicy): boolean {
  const bounds = deactivationTimeBounds(now, policy);
  return TIME_BOUND.some(([, holds]) => holds(facts, bounds));
}

const isAfter = (at: string | null, bound: Date): boolean => at !== null && Date.parse(at) > bound.getTime();
