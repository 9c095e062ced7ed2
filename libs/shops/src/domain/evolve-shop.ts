import { moneyAfter } from './money-movements';
import { ShopEvent } from './shop.events';
import { initialShopState, RegisteredShop, ShopLink, ShopState } from './shop.state';
import { erasePersonalData, personalFieldsOf } from './personal-data';
import { entryOf, filteredTable, idTable, withEntry, withoutEntry } from './id-table';

/**
 * Version of what `evolveShop` computes. Snapshots of shop states are kept per version: change
 * it whenever a change to `evolveShop` (or what it calls, e.g. money-movements.ts) would fold
 * the same events into a different state, and the old snapshots are ignored and rebuilt.
 */
export const SHOP_EVOLVE_VERSION = 3;

/** The shop after one more event. Pure: replaying the same events always gives the same state. */
export function evolveShop(state: ShopState, event: ShopEvent): ShopState {
  return evolveWith(state, event, copying);
}

/**
 * Folds events onto a state the caller owns: one nobody else reads or keeps (a state it folded
 * itself, or parsed from a snapshot). The shop's collections (settlements, orders, withdrawals…,
 * which grow with the history) are updated in place rather than copied at each event, so an
 * event costs the same on a shop with 100,000 events as on a new one; the state passed in must
 * not be used afterwards. Same cases as `evolveShop`, hence the same resulting state.
 */
export function foldShopInPlace(owned: ShopState, events: Iterable<ShopEvent>): ShopState {
  let state = owned;
  for (const event of events) state = evolveWith(state, event, inPlace);
  return state;
}

/** How a collection of the state is changed: copied (pure), or in place (an owned state). */
interface RecordWriter {
  put<V>(record: Readonly<Record<string, V>>, key: string, value: V): Record<string, V>;
  remove<V>(record: Readonly<Record<string, V>>, key: string): Record<string, V>;
}

/** Both writers keep the tables without a prototype (see id-table.ts): an id named `__proto__` is an entry like any other. */
const copying: RecordWriter = {
  put: (record, key, value) => withEntry(record, key, value),
  remove: (record, key) => withoutEntry(record, key),
};

const inPlace: RecordWriter = {
  put: <V>(record: Readonly<Record<string, V>>, key: string, value: V) => {
    (record as Record<string, V>)[key] = value;
    return record as Record<string, V>;
  },
  remove: <V>(record: Readonly<Record<string, V>>, key: string) => {
    delete (record as Record<string, V>)[key];
    return record as Record<string, V>;
  },
};

function evolveWith(state: ShopState, event: ShopEvent, w: RecordWriter): ShopState {
  if (!state.registered) {
    // Every other event belongs to a registered shop; one arriving first would be a corrupt stream.
    return event.type === 'ShopRegistered' ? registered(event.data) : state;
  }
  const next = evolveRegistered(state, event, w);
  // Anything personal recorded after an erasure is under a new key, which a new erasure must destroy.
  if (next.personalDataForgotten && event.type !== 'PersonalDataForgotten' && personalFieldsOf(event.type, event.data).length > 0) {
    return { ...next, personalDataForgotten: false };
  }
  return next;
}

function registered(d: Extract<ShopEvent, { type: 'ShopRegistered' }>['data']): RegisteredShop {
  return {
    registered: true,
    shopId: d.shopId,
    name: d.name,
    region: d.region,
    currency: d.currency,
    kind: d.kind,
    stage: 'probation',
    status: 'active',
    verification: 'unverified',
    ownerMemberId: d.ownerMemberId,
    members: idTable([[d.ownerMemberId, 'admin'] as const]),
    links: idTable(),
    unlinkRequests: idTable(),
    lockedUnlinkRequests: idTable(),
    officialUnlinkCount: 0,
    money: { available: 0, pendingWithdrawal: 0, frozen: 0 },
    withdrawals: idTable(),
    settlements: idTable(),
    orders: idTable(),
    lastOrderClosedAt: null,
    campaigns: idTable(),
    incidents: idTable(),
    deactivatedAt: null,
    personalDataForgotten: false,
    restrictions: idTable(),
    policyViolationUnlinkCount: 0,
    closedAt: null,
    personalDataEverForgotten: false,
    afterSalesCases: idTable(),
  };
}

function evolveRegistered(shop: RegisteredShop, event: ShopEvent, w: RecordWriter): RegisteredShop {
  switch (event.type) {
    case 'ShopRegistered':
      return shop;
    case 'BusinessVerificationSubmitted':
      return { ...shop, verification: 'pending' };
    case 'BusinessVerified':
      return { ...shop, verification: 'verified' };
    case 'BusinessVerificationRejected':
      return { ...shop, verification: 'rejected' };
    case 'AccessGranted':
      return { ...shop, members: w.put(shop.members, event.data.memberId, event.data.role) };
    case 'AccessRevoked':
      return { ...shop, members: w.remove(shop.members, event.data.memberId) };
    case 'ShopGraduatedFromProbation':
      return { ...shop, stage: 'graduated' };
    case 'AccountLinkRequested': {
      const d = event.data;
      const link: ShopLink = {
        accountId: d.accountId,
        handle: d.profile.handle,
        role: d.role,
        state: 'awaiting_authorization',
        requestedAt: d.requestedAt,
        authorizationExpiresAt: d.authorizationExpiresAt,
        linkedAt: null,
        replacesAccountId: d.replacesAccountId,
      };
      return { ...shop, links: w.put(shop.links, d.accountId, link) };
    }
    case 'AccountLinkRejected':
    case 'AccountLinkAuthorized':
      return shop;
    case 'AccountLinked': {
      const d = event.data;
      const previous = entryOf(shop.links, d.accountId);
      const link: ShopLink = {
        accountId: d.accountId,
        handle: d.handle,
        role: d.role,
        state: 'linked',
        requestedAt: previous?.requestedAt ?? d.linkedAt,
        authorizationExpiresAt: previous?.authorizationExpiresAt ?? d.linkedAt,
        linkedAt: d.linkedAt,
        replacesAccountId: null,
      };
      return { ...shop, links: w.put(shop.links, d.accountId, link) };
    }
    case 'LinkAuthorizationDenied':
    case 'LinkAuthorizationExpired':
    case 'LinkRequestCancelled':
    case 'LinkRequestSuperseded':
      return { ...shop, links: w.remove(shop.links, event.data.accountId) };
    case 'UnlinkRequested': {
      const d = event.data;
      const request = {
        requestId: d.requestId,
        accountId: d.accountId,
        role: d.role,
        reason: d.reason,
        codeHash: d.codeHash,
        codeSalt: d.codeSalt,
        requestedAt: d.requestedAt,
        expiresAt: d.expiresAt,
        failedAttempts: 0,
      };
      return { ...shop, unlinkRequests: w.put(shop.unlinkRequests, d.requestId, request) };
    }
    case 'UnlinkConfirmationFailed': {
      const request = entryOf(shop.unlinkRequests, event.data.requestId);
      if (request === undefined) return shop;
      return {
        ...shop,
        unlinkRequests: w.put(shop.unlinkRequests, request.requestId, { ...request, failedAttempts: event.data.failedAttempts }),
      };
    }
    case 'UnlinkRequestLocked':
      return {
        ...shop,
        unlinkRequests: w.remove(shop.unlinkRequests, event.data.requestId),
        lockedUnlinkRequests: w.put(shop.lockedUnlinkRequests, event.data.requestId, event.data.accountId),
      };
    case 'UnlinkRequestCancelled':
    case 'UnlinkRequestExpired':
      return { ...shop, unlinkRequests: w.remove(shop.unlinkRequests, event.data.requestId) };
    case 'AccountUnlinked': {
      const d = event.data;
      // Nothing of the old link survives: a relink starts from a new request.
      const unlinkRequests = filteredTable(shop.unlinkRequests, (r) => r.accountId !== d.accountId);
      return {
        ...shop,
        links: w.remove(shop.links, d.accountId),
        unlinkRequests,
        officialUnlinkCount: d.role === 'official' ? d.officialUnlinkCount : shop.officialUnlinkCount,
      };
    }
    case 'FundsCredited':
      return {
        ...shop,
        money: moneyAfter(shop.money, event),
        settlements: w.put(shop.settlements, event.data.settlementId, event.data.amount),
      };
    case 'FundsWithdrawalRequested':
      return {
        ...shop,
        money: moneyAfter(shop.money, event),
        withdrawals: w.put(shop.withdrawals, event.data.withdrawalId, { amount: event.data.amount, state: 'requested' }),
      };
    case 'FundsWithdrawn':
      return {
        ...shop,
        money: moneyAfter(shop.money, event),
        withdrawals: w.put(shop.withdrawals, event.data.withdrawalId, { amount: event.data.amount, state: 'withdrawn' }),
      };
    case 'FundsWithdrawalFailed':
      return {
        ...shop,
        money: moneyAfter(shop.money, event),
        withdrawals: w.put(shop.withdrawals, event.data.withdrawalId, { amount: event.data.amount, state: 'failed' }),
      };
    case 'FundsFrozen':
    case 'FundsUnfrozen':
      return { ...shop, money: moneyAfter(shop.money, event) };
    case 'OrderPlaced':
      return { ...shop, orders: w.put(shop.orders, event.data.orderId, 'awaiting_fulfilment') };
    case 'OrderFulfilled':
      return { ...shop, orders: w.put(shop.orders, event.data.orderId, 'fulfilled'), lastOrderClosedAt: event.data.fulfilledAt };
    case 'OrderCancelled':
      return { ...shop, orders: w.put(shop.orders, event.data.orderId, 'cancelled'), lastOrderClosedAt: event.data.cancelledAt };
    case 'CampaignStarted':
      return { ...shop, campaigns: w.put(shop.campaigns, event.data.campaignId, { accountId: event.data.accountId, state: 'active' }) };
    case 'CampaignEnded': {
      const campaign = entryOf(shop.campaigns, event.data.campaignId);
      return campaign ? { ...shop, campaigns: w.put(shop.campaigns, event.data.campaignId, { ...campaign, state: 'ended' }) } : shop;
    }
    case 'CampaignTerminated':
      return { ...shop, campaigns: w.put(shop.campaigns, event.data.campaignId, { accountId: event.data.accountId, state: 'terminated' }) };
    case 'SecurityIncidentReported':
      return { ...shop, incidents: w.put(shop.incidents, event.data.incidentId, 'open') };
    case 'SecurityIncidentResolved':
      return { ...shop, incidents: w.put(shop.incidents, event.data.incidentId, 'resolved') };
    case 'ShopDeactivated':
      return { ...shop, status: 'deactivated', deactivatedAt: event.data.deactivatedAt };
    case 'ShopReactivated':
      return { ...shop, status: 'active', deactivatedAt: null };
    case 'PersonalDataForgotten':
      return { ...erasePersonalData(shop), personalDataForgotten: true, personalDataEverForgotten: true };
    // Enforcement and closure.
    case 'AccountUnlinkedForPolicyViolation':
      return { ...shop, policyViolationUnlinkCount: event.data.policyViolationUnlinkCount };
    case 'ShopRestricted': {
      const { restrictionId, reason, scope, restrictedAt } = event.data;
      return { ...shop, restrictions: w.put(shop.restrictions, restrictionId, { reason, scope, restrictedAt, liftedAt: null }) };
    }
    case 'ShopRestrictionLifted': {
      const restriction = entryOf(shop.restrictions, event.data.restrictionId);
      if (restriction === undefined) return shop;
      const lifted = { ...restriction, liftedAt: event.data.liftedAt };
      return { ...shop, restrictions: w.put(shop.restrictions, event.data.restrictionId, lifted) };
    }
    case 'ShopClosed':
      return { ...shop, status: 'closed', closedAt: event.data.closedAt };
    case 'AfterSalesCaseOpened':
    case 'AfterSalesCaseSettled': {
      const state = event.type === 'AfterSalesCaseOpened' ? 'open' : 'settled';
      return { ...shop, afterSalesCases: w.put(shop.afterSalesCases, event.data.caseId, { kind: event.data.kind, state }) };
    }
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled event ${JSON.stringify(value)}`);
}

export const foldShop = (events: readonly ShopEvent[]): ShopState => events.reduce(evolveShop, initialShopState);
