import { positionAt, RecordedEvent } from '@shoplink/event-store';
import { SHOP_EVENT_TYPES, ShopEvent, ShopEventType } from '../domain/shop.events';
import {
  describeEvent,
  TIMELINE_FIELDS,
  TIMELINE_BLOCK_SIZE,
  TimelineBlock,
  timelineBlockId,
  timelineEntryOf,
  timelineIndexOf,
  timelineRowOf,
  TimelineProjection,
} from './timeline.projection';
import { money } from './timeline-summary';

const AT = '2026-11-01T09:00:00.000Z';
const profile = {
  handle: 'brand',
  kind: 'business',
  followers: 10,
  ownerAge: 30,
  region: 'GB',
  ecommercePermissionRevoked: false,
  activeGuidelineRestriction: false,
  recentViolations: 0,
} as const;

/** One event of every type; the mapped type makes a new event type a compile error here until it has a sample. */
const SAMPLES: { readonly [T in ShopEventType]: Extract<ShopEvent, { type: T }>['data'] } = {
  ShopRegistered: {
    shopId: 's-1',
    name: 'Brand Ltd',
    region: 'GB',
    currency: 'GBP',
    kind: 'business',
    ownerMemberId: 'm-owner',
    registrationNumber: 'SC123456',
    registeredAt: AT,
  },
  BusinessVerificationSubmitted: { shopId: 's-1', documents: ['doc:a', 'doc:b'], submittedAt: AT },
  BusinessVerified: { shopId: 's-1', verifiedAt: AT },
  BusinessVerificationRejected: { shopId: 's-1', reasons: ['DOCUMENTS_UNREADABLE', 'BANK_ACCOUNT_MISMATCH'], rejectedAt: AT },
  AccessGranted: { shopId: 's-1', memberId: 'm-9', role: 'finance', grantedAt: AT },
  AccessRevoked: { shopId: 's-1', memberId: 'm-9', revokedAt: AT },
  ShopGraduatedFromProbation: { shopId: 's-1', graduatedAt: AT },
  AccountLinkRequested: {
    shopId: 's-1',
    accountId: 'a-1',
    role: 'official',
    profile,
    requestedScopes: ['user.info.basic'],
    requestedAt: AT,
    authorizationExpiresAt: '2026-11-03T09:00:00.000Z',
    replacesAccountId: 'a-0',
  },
  AccountLinkRejected: {
    shopId: 's-1',
    accountId: 'a-2',
    role: 'marketing',
    profile: { ...profile, handle: 'x' },
    reasons: ['OWNER_UNDERAGE', 'REGION_MISMATCH'],
    rejectedAt: AT,
  },
  AccountLinkAuthorized: {
    shopId: 's-1',
    accountId: 'a-1',
    role: 'official',
    grantedScopes: ['user.info.basic', 'video.list'],
    authorizedAt: AT,
  },
  AccountLinked: { shopId: 's-1', accountId: 'a-1', handle: 'brand', role: 'official', scopes: ['user.info.basic'], linkedAt: AT },
  LinkAuthorizationDenied: {
    shopId: 's-1',
    accountId: 'a-3',
    role: 'marketing',
    reason: 'MISSING_SCOPES',
    grantedScopes: ['user.info.basic'],
    missingScopes: ['ads.manage'],
    deniedAt: AT,
  },
  LinkAuthorizationExpired: { shopId: 's-1', accountId: 'a-4', role: 'marketing', expiredAt: AT },
  LinkRequestCancelled: { shopId: 's-1', accountId: 'a-4', role: 'marketing', cancelledAt: AT },
  LinkRequestSuperseded: { shopId: 's-1', accountId: 'a-5', role: 'official', linkedShopId: 's-2', supersededAt: AT },
  UnlinkRequested: {
    shopId: 's-1',
    accountId: 'a-1',
    role: 'official',
    requestId: 'ur-1',
    reason: 'closure',
    consequences: { showcaseRemoved: true, campaignsTerminated: [], salesDataAccessLost: true },
    codeHash: 'hash',
    codeSalt: 'salt',
    requestedAt: AT,
    expiresAt: AT,
  },
  UnlinkConfirmationFailed: { shopId: 's-1', accountId: 'a-1', requestId: 'ur-1', failedAttempts: 2, attemptsLeft: 3, failedAt: AT },
  UnlinkRequestLocked: { shopId: 's-1', accountId: 'a-1', requestId: 'ur-1', lockedAt: AT },
  UnlinkRequestCancelled: { shopId: 's-1', accountId: 'a-1', requestId: 'ur-1', cancelledAt: AT },
  UnlinkRequestExpired: { shopId: 's-1', accountId: 'a-1', requestId: 'ur-1', expiredAt: AT },
  AccountUnlinked: {
    shopId: 's-1',
    accountId: 'a-1',
    handle: 'brand',
    role: 'official',
    reason: 'closure',
    mode: 'confirmed',
    requestId: 'ur-1',
    incidentId: null,
    ticketId: null,
    agentId: null,
    officialUnlinkCount: 1,
    unlinkedAt: AT,
  },
  FundsCredited: {
    shopId: 's-1',
    settlementId: 'st-1',
    orderId: 'o-1',
    amount: 4500,
    currency: 'GBP',
    creditedTo: 'frozen',
    creditedAt: AT,
  },
  FundsWithdrawalRequested: { shopId: 's-1', withdrawalId: 'wd-1', amount: 4500, currency: 'GBP', requestedAt: AT },
  FundsWithdrawn: { shopId: 's-1', withdrawalId: 'wd-1', amount: 4500, withdrawnAt: AT },
  FundsWithdrawalFailed: {
    shopId: 's-1',
    withdrawalId: 'wd-1',
    amount: 4500,
    reason: 'Bank refused: account closed',
    returnedTo: 'available',
    failedAt: AT,
  },
  FundsFrozen: { shopId: 's-1', incidentId: 'inc-1', amount: 4500, frozenAt: AT },
  FundsUnfrozen: { shopId: 's-1', incidentId: 'inc-1', amount: 4500, unfrozenAt: AT },
  OrderPlaced: { shopId: 's-1', orderId: 'o-1', amount: 2599, currency: 'GBP', placedAt: AT },
  OrderFulfilled: { shopId: 's-1', orderId: 'o-1', fulfilledAt: AT },
  OrderCancelled: { shopId: 's-1', orderId: 'o-1', cancelledAt: AT },
  CampaignStarted: { shopId: 's-1', campaignId: 'c-1', accountId: 'a-1', startedAt: AT },
  CampaignEnded: { shopId: 's-1', campaignId: 'c-1', endedAt: AT },
  CampaignTerminated: { shopId: 's-1', campaignId: 'c-1', accountId: 'a-1', reason: 'account_unlinked', terminatedAt: AT },
  SecurityIncidentReported: { shopId: 's-1', incidentId: 'inc-1', description: 'Password leaked on a forum', reportedAt: AT },
  SecurityIncidentResolved: { shopId: 's-1', incidentId: 'inc-1', resolution: 'Passwords rotated', resolvedAt: AT },
  ShopDeactivated: { shopId: 's-1', ticketId: null, deactivatedAt: AT },
  ShopReactivated: { shopId: 's-1', reactivatedAt: AT },
  PersonalDataForgotten: { shopId: 's-1', ticketId: 'T-1', forgottenAt: AT },
  AccountUnlinkedForPolicyViolation: {
    shopId: 's-1',
    accountId: 'a-1',
    role: 'official',
    violation: 'Counterfeit goods',
    policyViolationUnlinkCount: 1,
    enforcedAt: AT,
  },
  ShopRestricted: { shopId: 's-1', restrictionId: 'r-1', reason: 'Counterfeit goods', scope: ['link_requests'], restrictedAt: AT },
  ShopRestrictionLifted: { shopId: 's-1', restrictionId: 'r-1', reason: 'Appeal upheld', liftedAt: AT },
  ShopClosed: { shopId: 's-1', reason: 'Retiring', closedBy: 'seller', closedAt: AT },
  AfterSalesCaseOpened: { shopId: 's-1', caseId: 'case-1', kind: 'refund', orderId: 'o-1', openedAt: AT },
  AfterSalesCaseSettled: { shopId: 's-1', caseId: 'case-1', kind: 'refund', settledAt: AT },
};

const sample = <T extends ShopEventType>(type: T): ShopEvent => ({ type, data: SAMPLES[type] }) as ShopEvent;

function recorded(event: { type: string; data: object }, overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    streamId: 'shop-s-1',
    revision: 7,
    position: positionAt(42),
    id: 'evt-1',
    type: event.type,
    data: event.data as RecordedEvent['data'],
    metadata: {
      commandId: 'cmd-1',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      actor: { kind: 'member', id: 'm-17' },
      callingService: 'seller-center',
      occurredAt: '2026-11-01T09:00:00.000Z',
      schemaVersion: 1,
    },
    createdAt: new Date('2026-11-01T09:00:00.005Z'),
    ...overrides,
  };
}

describe('Timeline entries', () => {
  it('has a sample, and a summary without holes, for every shop event type', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...SHOP_EVENT_TYPES].sort());
    for (const type of SHOP_EVENT_TYPES) {
      const summary = describeEvent(sample(type), 'member:m-17');
      expect(summary).toMatch(/^[A-Z0-9]/);
      expect(summary).not.toMatch(/undefined|null|\[object|NaN/);
    }
  });

  it('reads as the product speaks', () => {
    const by = (type: ShopEventType, actor: string | null = 'member:m-17') => describeEvent(sample(type), actor);

    expect(by('AccountUnlinked')).toBe('Official account @brand unlinked by member m-17: business closure');
    expect(by('AccountLinkRejected', 'member:m-owner')).toBe('Link of @x as marketing rejected: OWNER_UNDERAGE, REGION_MISMATCH');
    expect(by('FundsWithdrawalRequested', 'member:m-9')).toBe('Withdrawal wd-1 of 45.00 GBP requested by member m-9');
    expect(by('AccountLinkRequested')).toBe(
      'Link of @brand as official requested by member m-17, replacing account a-0; authorization due by 2026-11-03T09:00:00.000Z',
    );
    expect(by('LinkAuthorizationDenied', 'system:tiktok-oauth')).toBe(
      'Authorization of account a-3 as marketing denied: MISSING_SCOPES (missing ads.manage)',
    );
    expect(by('FundsCredited', 'system:payouts')).toBe('Settlement st-1 of 45.00 GBP for order o-1 credited to frozen funds');
    expect(by('FundsFrozen', 'system:security')).toBe('4500 in minor units frozen for security incident inc-1');
    expect(by('ShopDeactivated', null)).toBe('Shop deactivated (left TikTok Shop)');
  });

  it('says how an emergency, assisted or switch unlink happened', () => {
    const unlinked = (change: object) => describeEvent({ type: 'AccountUnlinked', data: { ...SAMPLES.AccountUnlinked, ...change } }, null);

    expect(unlinked({ mode: 'emergency', reason: 'security_breach', incidentId: 'inc-9' })).toBe(
      'Official account @brand unlinked in an emergency (incident inc-9): security breach',
    );
    expect(unlinked({ mode: 'assisted', ticketId: 'T-77', role: 'marketing', handle: '@ads' })).toBe(
      'Marketing account @ads unlinked with support (ticket T-77): business closure',
    );
    expect(unlinked({ mode: 'switch', reason: 'switching_accounts' })).toBe(
      'Official account @brand unlinked by a switch of the official account: switching accounts',
    );
  });

  it('keeps free text whole in reason and cuts it in the summary', () => {
    const description = `${'x'.repeat(250)} 🛍️ end`;
    const entry = timelineEntryOf(
      recorded({ type: 'SecurityIncidentReported', data: { ...SAMPLES.SecurityIncidentReported, description } }),
    );

    expect(entry.reason).toBe(description);
    expect(entry.summary).toBe(`Security incident inc-1 reported by member m-17: ${'x'.repeat(200)}…`);
  });

  it('takes time, actor, service and ids from the metadata, and the position in its wire form', () => {
    expect(timelineEntryOf(recorded(sample('FundsWithdrawalFailed')))).toEqual({
      shopId: 's-1',
      revision: 7,
      position: '42',
      eventId: 'evt-1',
      type: 'FundsWithdrawalFailed',
      occurredAt: '2026-11-01T09:00:00.000Z',
      actor: 'member:m-17',
      callingService: 'seller-center',
      authMethods: null,
      authTime: null,
      authIssuer: null,
      assertionId: null,
      reason: 'Bank refused: account closed',
      correlationId: 'corr-1',
      causationId: 'cause-1',
      commandId: 'cmd-1',
      summary: 'Withdrawal wd-1 of 4500 in minor units failed: Bank refused: account closed; returned to available',
    });
  });

  it('shows how the person acting was proven: methods, sign-in time, identity provider, assertion id', () => {
    const proven = recorded(sample('FundsWithdrawalRequested'), {
      metadata: {
        commandId: 'cmd-1',
        actor: { kind: 'member', id: 'm-17' },
        occurredAt: '2026-11-01T09:00:00.000Z',
        actorProof: { issuer: 'https://idp.example', jti: 'jti-42', amr: ['pwd', 'otp'], authTime: '2026-11-01T08:59:00.000Z' },
      },
    });
    expect(timelineEntryOf(proven)).toMatchObject({
      authMethods: 'pwd otp',
      authTime: '2026-11-01T08:59:00.000Z',
      authIssuer: 'https://idp.example',
      assertionId: 'jti-42',
    });
  });

  it('still gives an entry for an event without metadata or of a type this version does not know', () => {
    const entry = timelineEntryOf(recorded({ type: 'ShopRenamed', data: { shopId: 's-1' } }, { metadata: {} }));

    expect(entry).toMatchObject({ type: 'ShopRenamed', summary: 'ShopRenamed recorded', reason: null, actor: null, commandId: null });
    expect(entry.occurredAt).toBe('2026-11-01T09:00:00.005Z');
  });

  it('lists every entry field in the export order exactly once', () => {
    const entry = timelineEntryOf(recorded(sample('OrderPlaced')));
    expect([...TIMELINE_FIELDS].sort()).toEqual(Object.keys(entry).sort());
  });
});

describe('TimelineProjection', () => {
  it('keeps a document per block of 64 revisions of a shop stream, keyed by shop and zero-padded block', () => {
    const event = recorded(sample('OrderPlaced'));

    expect(TIMELINE_BLOCK_SIZE).toBe(64);
    expect(TimelineProjection.handles).toEqual(SHOP_EVENT_TYPES);
    expect(TimelineProjection.documentIds(event)).toEqual(['s-1/0000000000']);
    expect(TimelineProjection.documentIds(recorded(sample('OrderPlaced'), { revision: 64 }))).toEqual(['s-1/0000000001']);
    expect(timelineBlockId('s-1', 12)).toBe('s-1/0000000012');
    expect(TimelineProjection.evolve(null, event, 's-1/0000000000')).toEqual({
      shopId: 's-1',
      block: 0,
      firstRevision: 7,
      lastRevision: 7,
      rows: [timelineRowOf(event)],
    });
  });

  it('appends each event to its block, in revision order, without changing the block it was given', () => {
    const events = [7, 8, 9].map((revision) => recorded(sample('OrderPlaced'), { revision }));
    let block: TimelineBlock | null = null;
    const seen: TimelineBlock[] = [];
    for (const event of events) {
      block = TimelineProjection.evolve(block, event, 's-1/0000000000');
      seen.push(block!);
    }

    expect(block).toMatchObject({ firstRevision: 7, lastRevision: 9 });
    expect(timelineIndexOf(block!)).toEqual(
      events.map((e) => ({
        revision: e.revision,
        type: e.type,
        occurredAt: timelineEntryOf(e).occurredAt,
        actor: timelineEntryOf(e).actor,
      })),
    );
    expect(seen.map((b) => b.rows.length)).toEqual([1, 2, 3]);
  });

  it('gives the same block in place (as a rebuild folds it) as copied, whatever order of replays', () => {
    const events = [7, 8, 9, 8, 10].map((revision) => recorded(sample('OrderPlaced'), { revision }));
    let copied: TimelineBlock | null = null;
    let inPlace: TimelineBlock | null = null;
    for (const event of events) {
      copied = TimelineProjection.evolve(copied, event, 's-1/0000000000');
      inPlace = TimelineProjection.evolveInPlace!(inPlace, event, 's-1/0000000000');
    }
    expect(inPlace).toEqual(copied);
    expect(inPlace!.rows).toHaveLength(4);
  });

  it('ignores streams that are not shop streams', () => {
    expect(TimelineProjection.documentIds(recorded(sample('OrderPlaced'), { streamId: 'account-a-1' }))).toEqual([]);
  });

  it('writes the same document when an event is applied again (replay, rebuild)', () => {
    const event = recorded(sample('AccountUnlinked'));
    const first = TimelineProjection.evolve(null, event, 'id');

    expect(TimelineProjection.evolve(first, event, 'id')).toEqual(first);
  });
});

describe('money in summaries', () => {
  it('writes minor units with the currency’s own decimals, never through floating point', () => {
    expect(money(4500, 'GBP')).toBe('45.00 GBP');
    expect(money(5, 'EUR')).toBe('0.05 EUR');
    expect(money(1500, 'JPY')).toBe('1500 JPY');
    expect(money(1234, 'KWD')).toBe('1.234 KWD');
    expect(money(999_999_999_999, 'USD')).toBe('9999999999.99 USD');
    expect(money(4500, null)).toBe('4500 in minor units');
  });
});

describe('timeline rows', () => {
  it('index an event by what history filters on, the same values its entry shows', () => {
    const base = {
      streamId: 'shop-s-1',
      revision: 70,
      position: positionAt(901),
      id: 'e-70',
      type: 'ShopReactivated',
      data: { shopId: 's-1', reactivatedAt: AT },
      createdAt: new Date(AT),
    };
    const event = {
      ...base,
      metadata: {
        commandId: 'c-1',
        causationId: 'c-1',
        correlationId: 'k-1',
        actor: { kind: 'member', id: 'm-1' },
        callingService: 'svc',
        occurredAt: AT,
      },
    };
    const entry = timelineEntryOf(event);

    expect(timelineRowOf(event)).toEqual(['ShopReactivated', AT, 'member:m-1']);
    expect(timelineRowOf(event)).toEqual([entry.type, entry.occurredAt, entry.actor]);
    // Without metadata: the store's time, no actor, in the row as in the entry.
    const bare = { ...base, metadata: {}, createdAt: new Date('2026-11-02T10:00:00.000Z') };
    expect(timelineRowOf(bare)).toEqual(['ShopReactivated', '2026-11-02T10:00:00.000Z', null]);
    expect(timelineEntryOf(bare)).toMatchObject({ occurredAt: '2026-11-02T10:00:00.000Z', actor: null });
  });

  it('give an entry the command id as causation when the metadata names none, and its own causation otherwise', () => {
    const base = {
      streamId: 'shop-s-1',
      revision: 70,
      position: positionAt(901),
      id: 'e-70',
      type: 'ShopReactivated',
      data: { shopId: 's-1', reactivatedAt: AT },
      createdAt: new Date(AT),
    };
    const withoutCause = { ...base, metadata: { commandId: 'c-1', correlationId: 'k-1' } };
    const otherCause = { ...base, metadata: { commandId: 'c-1', causationId: 'c-0', correlationId: 'k-1' } };

    expect(timelineEntryOf(withoutCause)).toMatchObject({
      shopId: 's-1',
      revision: 70,
      position: '901',
      causationId: 'c-1',
      commandId: 'c-1',
      correlationId: 'k-1',
    });
    expect(timelineEntryOf(otherCause).causationId).toBe('c-0');
  });

  it('never read the event data, as readsEventData: false promises a rebuild', () => {
    expect(TimelineProjection.readsEventData).toBe(false);
    for (const type of SHOP_EVENT_TYPES) {
      const event = recorded(sample(type));
      const withoutData = { ...event, data: {} };
      expect(TimelineProjection.documentIds(withoutData)).toEqual(TimelineProjection.documentIds(event));
      expect(TimelineProjection.evolve(null, withoutData, 'id')).toEqual(TimelineProjection.evolve(null, event, 'id'));
    }
  });

  it('finish a block once it holds the last revision of its range, and only then', () => {
    const block = (first: number, last: number): TimelineBlock => ({
      shopId: 's-1',
      block: Math.floor(first / 64),
      firstRevision: first,
      lastRevision: last,
      rows: [],
    });

    expect(TimelineProjection.isFinal?.(block(0, 63))).toBe(true);
    expect(TimelineProjection.isFinal?.(block(0, 62))).toBe(false);
    expect(TimelineProjection.isFinal?.(block(64, 127))).toBe(true);
    expect(TimelineProjection.isFinal?.(block(70, 100))).toBe(false);
  });
});
