import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { positionAt, RecordedEvent } from '@shoplink/event-store';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite';
import {
  coolingPeriodEnd,
  deactivationBlockerCodes,
  deactivationBlockers,
  deactivationFactsOfStatus,
  DEFAULT_SHOP_POLICY,
  foldShop,
  RegisteredShop,
  SHOP_STATUS_COLLECTION,
  ShopEvent,
  ShopPolicy,
  ShopStatusDocument,
  ShopStatusProjection,
} from '../index';
import {
  accountLinked,
  campaignStarted,
  fundsCredited,
  fundsWithdrawn,
  hoursAfter,
  hoursBefore,
  incidentClosed,
  incidentOpened,
  iso,
  linkRequested,
  NOW,
  orderFulfilled,
  orderPlaced,
  SHOP_ID,
  shopDeactivated,
  verifiedShop,
  withdrawalRequested,
} from '../domain/testing/shop.specification';
import { ListShops, ListShopsHandler } from './list-shops.query';
import { coolingPeriodEndsAt, isBlockedFromDeactivation, SHOP_LIST_INDEXES } from './shop-list-queries';

const POLICY = DEFAULT_SHOP_POLICY;
const ms = (date: Date, delta: number): Date => new Date(date.getTime() + delta);
const authorizationEnd = (requestedAt: Date): Date => hoursAfter(requestedAt, POLICY.authorizationWindowHours);

/** The last order closed ten days before NOW; its cooling period ends 90 days later. */
const CLOSED_AT = hoursBefore(NOW, 240);
const closedOrder = [orderPlaced('o-1', 100, hoursBefore(CLOSED_AT, 1)), orderFulfilled('o-1', CLOSED_AT)];
const COOLING_ENDS = coolingPeriodEnd(iso(CLOSED_AT), POLICY)!;

/** Two requests whose authorization windows end 9 hours apart. */
const EARLY_REQUEST = hoursBefore(NOW, 10);
const LATE_REQUEST = hoursBefore(NOW, 1);
const twoRequests = [linkRequested('acc-p', 'official', { at: EARLY_REQUEST }), linkRequested('acc-q', 'marketing', { at: LATE_REQUEST })];

/** A request whose authorization window ends exactly when the cooling period does. */
const REQUESTED_AT_COOLING_END = hoursBefore(COOLING_ENDS, POLICY.authorizationWindowHours);
const requestEndingWithCooling = [...closedOrder, linkRequested('acc-p', 'official', { at: REQUESTED_AT_COOLING_END })];

interface Case {
  readonly name: string;
  readonly history: readonly ShopEvent[];
  readonly now: Date;
  readonly policy?: ShopPolicy;
  readonly codes: readonly string[];
}

const CASES: readonly Case[] = [
  { name: 'nothing left', history: [], now: NOW, codes: [] },
  { name: 'a linked account', history: accountLinked('acc-o', 'official'), now: NOW, codes: ['ACCOUNTS_STILL_LINKED'] },
  {
    name: 'a link request a millisecond before its authorization window ends',
    history: [linkRequested('acc-p', 'official', { at: LATE_REQUEST })],
    now: ms(authorizationEnd(LATE_REQUEST), -1),
    codes: ['ACCOUNTS_STILL_LINKED'],
  },
  {
    name: 'a link request at exactly the end of its authorization window',
    history: [linkRequested('acc-p', 'official', { at: LATE_REQUEST })],
    now: authorizationEnd(LATE_REQUEST),
    codes: [],
  },
  {
    name: 'two link requests, at the end of the earlier window',
    history: twoRequests,
    now: authorizationEnd(EARLY_REQUEST),
    codes: ['ACCOUNTS_STILL_LINKED'],
  },
  { name: 'two link requests, at the end of the later window', history: twoRequests, now: authorizationEnd(LATE_REQUEST), codes: [] },
  {
    name: 'a campaign running through a linked account',
    history: [...accountLinked('acc-m', 'marketing'), campaignStarted('c-1', 'acc-m')],
    now: NOW,
    codes: ['ACCOUNTS_STILL_LINKED', 'CAMPAIGNS_ACTIVE'],
  },
  { name: 'an order awaiting fulfilment', history: [orderPlaced('o-1')], now: NOW, codes: ['ORDERS_AWAITING_FULFILMENT'] },
  { name: 'money available', history: [fundsCredited('s-1', 1)], now: NOW, codes: ['FUNDS_AVAILABLE'] },
  {
    name: 'a withdrawal in flight',
    history: [fundsCredited('s-1', 700), withdrawalRequested('w-1', 700)],
    now: NOW,
    codes: ['WITHDRAWAL_IN_FLIGHT'],
  },
  { name: 'frozen money', history: [fundsCredited('s-1', 700), ...incidentOpened('inc-1', 700)], now: NOW, codes: ['FUNDS_FROZEN'] },
  { name: 'an open incident with nothing to freeze', history: incidentOpened('inc-1', 0), now: NOW, codes: ['FUNDS_FROZEN'] },
  {
    name: 'money withdrawn after an incident was resolved',
    history: [
      fundsCredited('s-1', 700),
      ...incidentOpened('inc-1', 700),
      ...incidentClosed('inc-1', 700),
      withdrawalRequested('w-1', 700),
      fundsWithdrawn('w-1', 700),
    ],
    now: NOW,
    codes: [],
  },
  { name: 'a millisecond before the cooling period ends', history: closedOrder, now: ms(COOLING_ENDS, -1), codes: ['COOLING_PERIOD'] },
  { name: 'at exactly the end of the cooling period', history: closedOrder, now: COOLING_ENDS, codes: [] },
  {
    name: 'a configured cooling period of 10 days, a millisecond before its end',
    history: closedOrder,
    now: ms(hoursAfter(CLOSED_AT, 240), -1),
    policy: { ...POLICY, deactivationCoolingDays: 10 },
    codes: ['COOLING_PERIOD'],
  },
  {
    name: 'a configured cooling period of 10 days, at its end',
    history: closedOrder,
    now: hoursAfter(CLOSED_AT, 240),
    policy: { ...POLICY, deactivationCoolingDays: 10 },
    codes: [],
  },
  {
    name: 'an authorization window and the cooling period ending together, a millisecond before',
    history: requestEndingWithCooling,
    now: ms(COOLING_ENDS, -1),
    codes: ['ACCOUNTS_STILL_LINKED', 'COOLING_PERIOD'],
  },
  {
    name: 'an authorization window and the cooling period ending together, at their end',
    history: requestEndingWithCooling,
    now: COOLING_ENDS,
    codes: [],
  },
  { name: 'a deactivated shop (never listed as blocked)', history: [...closedOrder, shopDeactivated()], now: NOW, codes: [] },
];

/**
 * GET /v1/shops?blocked=… answers from status documents, the status answer and DeactivateShop
 * from the shop's state: on each case, at the exact boundaries of the cooling period and of
 * the authorization window, they name the same blockers and list the shop alike.
 */
describe('Blocked from deactivation: the list (status documents) agrees with the shop state', () => {
  let dir: string;
  let store: SqliteReadModelStore;
  let position = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shop-list-deactivation-'));
    store = new SqliteReadModelStore(join(dir, 'shoplink.db'));
    await store.ensureIndexes(SHOP_LIST_INDEXES);
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const policy = c.policy ?? POLICY;
    const events = [...verifiedShop(), ...c.history];
    const state = foldShop(events) as RegisteredShop;
    const stateCodes = state.status === 'active' ? deactivationBlockers(state, c.now, policy).map((b) => b.code) : [];
    expect(stateCodes).toEqual(c.codes);

    const doc = statusDocumentOf(events);
    const docCodes = doc.status === 'active' ? deactivationBlockerCodes(deactivationFactsOfStatus(doc), c.now, policy) : [];
    expect(docCodes).toEqual(stateCodes);
    expect(isBlockedFromDeactivation(doc, c.now, policy)).toBe(stateCodes.length > 0);
    expect(coolingPeriodEndsAt(doc, policy)).toBe(coolingPeriodEnd(state.lastOrderClosedAt, policy)?.toISOString() ?? null);

    position += 1;
    await store.commitBatch('shop-list-deactivation', { position: positionAt(position), eventCreatedAt: c.now }, [
      { collection: SHOP_STATUS_COLLECTION, id: SHOP_ID, doc },
    ]);
    const lists = new ListShopsHandler({ readModels: store, now: () => c.now, policy });
    const blocked = await lists.execute(new ListShops({ blocked: true }, null, 10));
    const free = await lists.execute(new ListShops({ blocked: false }, null, 10));
    expect(blocked.shops.map((s) => s.shopId)).toEqual(stateCodes.length > 0 ? [SHOP_ID] : []);
    expect(free.shops.map((s) => s.shopId)).toEqual(stateCodes.length === 0 && state.status === 'active' ? [SHOP_ID] : []);
  });
});

function statusDocumentOf(events: readonly ShopEvent[]): ShopStatusDocument {
  const recorded = events.map((event, revision): RecordedEvent => ({
    streamId: `shop-${SHOP_ID}`,
    revision,
    position: positionAt(revision + 1),
    id: `e-${revision}`,
    type: event.type,
    data: event.data,
    metadata: {},
    createdAt: NOW,
  }));
  const doc = recorded.reduce<ShopStatusDocument | null>((current, event) => ShopStatusProjection.evolve(current, event, SHOP_ID), null);
  if (doc === null) throw new Error('the history registers no shop');
  return doc;
}
