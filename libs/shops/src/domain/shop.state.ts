import { idTable } from './id-table';
import {
  AfterSalesKind,
  LinkRole,
  MemberRole,
  RestrictionScope,
  ShopKind,
  ShopStage,
  ShopStatus,
  UnlinkReason,
  VerificationStatus,
} from './shop.events';

/** A link the shop holds or is waiting on. Rejected, denied, expired and unlinked ones leave no entry. */
export interface ShopLink {
  readonly accountId: string;
  readonly handle: string;
  readonly role: LinkRole;
  readonly state: 'awaiting_authorization' | 'linked';
  readonly requestedAt: string;
  readonly authorizationExpiresAt: string;
  readonly linkedAt: string | null;
  /** A pending switch: the official account this one replaces once authorized. */
  readonly replacesAccountId: string | null;
}

/** An unlink awaiting its confirmation code. Confirmed, cancelled, locked and expired ones leave no entry. */
export interface OpenUnlinkRequest {
  readonly requestId: string;
  readonly accountId: string;
  readonly role: LinkRole;
  readonly reason: UnlinkReason;
  readonly codeHash: string;
  readonly codeSalt: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  readonly failedAttempts: number;
}

/** Money in integer minor units of the shop's one currency. */
export interface ShopMoney {
  readonly available: number;
  readonly pendingWithdrawal: number;
  readonly frozen: number;
}

export interface Withdrawal {
  readonly amount: number;
  readonly state: 'requested' | 'withdrawn' | 'failed';
}

/** A restriction by trust and safety, in force until lifted; lifted ones are kept so an id is never reused. */
export interface ShopRestriction {
  readonly reason: string;
  readonly scope: readonly RestrictionScope[];
  readonly restrictedAt: string;
  readonly liftedAt: string | null;
}

export interface RegisteredShop {
  readonly registered: true;
  readonly shopId: string;
  readonly name: string;
  readonly region: string;
  readonly currency: string;
  readonly kind: ShopKind;
  readonly stage: ShopStage;
  readonly status: ShopStatus;
  readonly verification: VerificationStatus;
  readonly ownerMemberId: string;
  readonly members: Readonly<Record<string, MemberRole>>;
  readonly links: Readonly<Record<string, ShopLink>>;
  readonly unlinkRequests: Readonly<Record<string, OpenUnlinkRequest>>;
  /** Request id → account of unlink requests locked by wrong codes, so a later try is told "locked", not "not found". */
  readonly lockedUnlinkRequests: Readonly<Record<string, string>>;
  readonly officialUnlinkCount: number;
  readonly money: ShopMoney;
  /** Every withdrawal ever requested, so an id is never reused. */
  readonly withdrawals: Readonly<Record<string, Withdrawal>>;
  /** Settlement id → amount credited: a settlement is credited once. */
  readonly settlements: Readonly<Record<string, number>>;
  readonly orders: Readonly<Record<string, 'awaiting_fulfilment' | 'fulfilled' | 'cancelled'>>;
  readonly lastOrderClosedAt: string | null;
  readonly campaigns: Readonly<Record<string, { readonly accountId: string; readonly state: 'active' | 'ended' | 'terminated' }>>;
  readonly incidents: Readonly<Record<string, 'open' | 'resolved'>>;
  readonly deactivatedAt: string | null;
  /** True from a PersonalDataForgotten until the shop records personal data again: an erasure then has nothing left to do. */
  readonly personalDataForgotten: boolean;
  // Enforcement and closure.
  /** Every restriction ever recorded, by restriction id (see restrictionsInForce). */
  readonly restrictions: Readonly<Record<string, ShopRestriction>>;
  readonly policyViolationUnlinkCount: number;
  /** Set once by ShopClosed: the shop is closed for good. */
  readonly closedAt: string | null;
  /** Once personal data has been forgotten the shop never comes back: unlike `personalDataForgotten`, never reset. */
  readonly personalDataEverForgotten: boolean;
  /** Refunds, returns and disputes, by case id: open ones block closure. */
  readonly afterSalesCases: Readonly<Record<string, { readonly kind: AfterSalesKind; readonly state: 'open' | 'settled' }>>;
}

export type ShopState = { readonly registered: false } | RegisteredShop;

export const initialShopState: ShopState = { registered: false };

export const isMoneyFrozen = (shop: RegisteredShop): boolean => Object.values(shop.incidents).includes('open');

export const ordersAwaitingFulfilment = (shop: RegisteredShop): string[] =>
  Object.keys(shop.orders).filter((id) => shop.orders[id] === 'awaiting_fulfilment');

export const withdrawalsInFlight = (shop: RegisteredShop): string[] =>
  Object.keys(shop.withdrawals).filter((id) => shop.withdrawals[id].state === 'requested');

export const activeCampaignsOf = (shop: RegisteredShop, accountId?: string): string[] =>
  Object.keys(shop.campaigns).filter(
    (id) => shop.campaigns[id].state === 'active' && (accountId === undefined || shop.campaigns[id].accountId === accountId),
  );

export const restrictionsInForce = (shop: RegisteredShop): [string, ShopRestriction][] =>
  Object.entries(shop.restrictions).filter(([, r]) => r.liftedAt === null);

const TABLES = [
  'members',
  'links',
  'unlinkRequests',
  'lockedUnlinkRequests',
  'withdrawals',
  'settlements',
  'orders',
  'campaigns',
  'incidents',
  'restrictions',
  'afterSalesCases',
] as const;

/**
 * A state read back from a snapshot (JSON): its tables are plain objects again, so they are copied
 * onto null-prototype ones (see id-table.ts) before anything folds onto them in place.
 */
export function shopStateFromSnapshot(parsed: ShopState): ShopState {
  if (!parsed.registered) return parsed;
  const state: Record<string, unknown> = { ...parsed };
  for (const table of TABLES) state[table] = idTable(Object.entries(parsed[table] as Readonly<Record<string, unknown>>));
  return state as unknown as RegisteredShop;
}
