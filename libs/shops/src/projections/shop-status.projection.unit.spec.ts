import { AppendResult, EventStore, EventToAppend, positionAt, RecordedEvent } from '@shoplink/event-store';
import { buildShopEventLog } from '../../../../bench/support/shop-event-log';
import { ShopStatusDocument } from './shop-status.document';
import { ShopStatusProjection } from './shop-status.projection';

/** Collects what the benchmark's generator appends (a realistic mix: links, unlinks, money, orders, campaigns, incidents). */
async function generatedLog(events: number, shops: number): Promise<RecordedEvent[]> {
  const recorded: RecordedEvent[] = [];
  const revisions = new Map<string, number>();
  const collector = {
    async appendToStream(streamId: string, batch: readonly EventToAppend[]): Promise<AppendResult> {
      let revision = revisions.get(streamId) ?? -1;
      for (const event of batch) {
        revision += 1;
        recorded.push({
          ...event,
          streamId,
          revision,
          position: positionAt(recorded.length + 1),
          createdAt: new Date('2026-01-05T08:00:00.000Z'),
        });
      }
      revisions.set(streamId, revision);
      return { nextExpectedRevision: revision, position: positionAt(recorded.length) };
    },
  } as unknown as EventStore;
  await buildShopEventLog(collector, { events, shops, eventsPerAppend: 7 });
  return recorded;
}

/** The derived fields as first written: everything recomputed from the document's own lists, on every event. */
function derivedFromScratch(doc: ShopStatusDocument) {
  const linked = doc.links.filter((l) => l.state === 'linked');
  const open = doc.links.filter((l) => l.state === 'awaiting_authorization');
  return {
    officialAccount: linked.find((l) => l.role === 'official') ?? null,
    marketingAccounts: linked.filter((l) => l.role === 'marketing'),
    openLinkRequests: open,
    hasOpenLinkRequests: open.length > 0,
    linkCounts: { linked: linked.length, awaitingAuthorization: open.length, past: doc.linkCounts.past },
    hasOpenUnlinkRequests: doc.openUnlinkRequests.length > 0,
    moneyFrozen: doc.openIncidents.length > 0,
    deactivationBlockedByState:
      linked.length > 0 ||
      doc.activeCampaigns.length > 0 ||
      doc.ordersAwaitingFulfilment.count > 0 ||
      doc.money.available > 0 ||
      doc.money.pendingWithdrawal > 0 ||
      doc.money.frozen > 0 ||
      doc.openIncidents.length > 0,
    linkRequestsPendingUntil: open.reduce<string | null>(
      (latest, l) =>
        l.authorizationExpiresAt !== null && (latest === null || l.authorizationExpiresAt > latest) ? l.authorizationExpiresAt : latest,
      null,
    ),
  };
}

describe('ShopStatusProjection derived fields', () => {
  it('equal a recomputation from scratch after every event, though views of links are only recomputed when links change', async () => {
    const log = await generatedLog(8_000, 4);
    const docs = new Map<string, ShopStatusDocument | null>();
    let checked = 0;
    for (const event of log) {
      const [id] = ShopStatusProjection.documentIds(event);
      const before = docs.get(id) ?? null;
      const after = ShopStatusProjection.evolve(before, event, id);
      docs.set(id, after);
      if (after === null) continue;
      expect(after).toEqual({ ...after, ...derivedFromScratch(after) });
      // Key order is part of the stored text: a rebuild writes byte-identical documents.
      if (before !== null) expect(Object.keys(after)).toEqual(Object.keys(before));
      checked += 1;
    }
    expect(checked).toBe(log.length);
    expect(new Set(log.map((e) => e.type)).size).toBeGreaterThan(20);
  });

  it('never changes the document it was given', () => {
    const registered = ShopStatusProjection.evolve(
      null,
      event(0, 'ShopRegistered', {
        shopId: 's',
        name: 'S',
        region: 'GB',
        currency: 'GBP',
        kind: 'business',
        ownerMemberId: 'm',
        registeredAt: '2026-01-01T00:00:00.000Z',
      }),
      's',
    )!;
    const frozen = JSON.stringify(registered);
    ShopStatusProjection.evolve(
      registered,
      event(1, 'FundsCredited', {
        shopId: 's',
        settlementId: 'x',
        orderId: 'o',
        amount: 5,
        currency: 'GBP',
        creditedTo: 'available',
        creditedAt: '2026-01-01T00:00:01.000Z',
      }),
      's',
    );
    expect(JSON.stringify(registered)).toBe(frozen);
  });
});

function event(revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  return {
    streamId: 'shop-s',
    revision,
    position: positionAt(revision + 1),
    id: `e${revision}`,
    type,
    data,
    metadata: { occurredAt: '2026-01-01T00:00:00.000Z' },
    createdAt: new Date(),
  };
}

describe('ShopStatusProjection: a refused request of an account the shop holds', () => {
  const recorded = (revision: number, type: string, data: Record<string, unknown>): RecordedEvent => ({
    streamId: 'shop-s-1',
    revision,
    position: positionAt(revision + 1),
    id: `e-${revision}`,
    type,
    data,
    metadata: { occurredAt: '2026-01-05T08:00:00.000Z' },
    createdAt: new Date('2026-01-05T08:00:00.000Z'),
  });
  const profile = {
    handle: 'brand',
    kind: 'business',
    followers: 10,
    ownerAge: 30,
    region: 'GB',
    ecommercePermissionRevoked: false,
    activeGuidelineRestriction: false,
    recentViolations: 0,
  };
  const at = '2026-01-05T08:00:00.000Z';

  it('leaves the linked official account as it is (the refusal is history, not state)', () => {
    const events = [
      recorded(0, 'ShopRegistered', {
        shopId: 's-1',
        name: 'S',
        region: 'GB',
        currency: 'GBP',
        kind: 'business',
        ownerMemberId: 'm-1',
        registeredAt: at,
      }),
      recorded(1, 'AccountLinkRequested', {
        shopId: 's-1',
        accountId: 'a-1',
        role: 'official',
        profile,
        requestedScopes: ['x'],
        requestedAt: at,
        authorizationExpiresAt: at,
      }),
      recorded(2, 'AccountLinkAuthorized', { shopId: 's-1', accountId: 'a-1', role: 'official', grantedScopes: ['x'], authorizedAt: at }),
      recorded(3, 'AccountLinked', { shopId: 's-1', accountId: 'a-1', handle: 'brand', role: 'official', scopes: ['x'], linkedAt: at }),
      recorded(4, 'AccountLinkRejected', {
        shopId: 's-1',
        accountId: 'a-1',
        role: 'official',
        profile,
        reasons: ['ACCOUNT_ALREADY_LINKED_TO_SHOP'],
        rejectedAt: at,
      }),
    ];
    const doc = events.reduce<ShopStatusDocument | null>((state, event) => ShopStatusProjection.evolve(state, event, 's-1'), null)!;
    expect(doc.officialAccount).toMatchObject({ accountId: 'a-1', state: 'linked' });
    expect(doc.links).toHaveLength(1);
    expect(doc.revision).toBe(4);
  });
});
