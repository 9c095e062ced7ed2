import { decideUnlinking } from './decide-unlinking';
import { foldShop } from './evolve-shop';
import { recordedRefusalOf } from './shop-command-outcome';
import { ShopDecisionContext } from './shop-decision-context';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import { ShopRuleViolation } from './shop-rule-violation';
import {
  accessGranted,
  accountLinked,
  accountUnlinked,
  assistedUnlink,
  campaignStarted,
  confirmUnlink,
  defaultContext,
  emergencyUnlink,
  FAKE_CODES,
  fundsCredited,
  given,
  graduatedShop,
  hoursAfter,
  hoursBefore,
  incidentClosed,
  incidentOpened,
  iso,
  KYB,
  linkedLongAgo,
  linkRequested,
  member,
  NOW,
  orderPlaced,
  OWNER,
  pastOfficialUnlinks,
  requestUnlink,
  SECURITY_SERVICE,
  SHOP_ID,
  SUPPORT_AGENT,
  unlinkRequested,
  withdrawalRequested,
} from './testing/shop.specification';

const stateAfter = (...history: (ShopEvent | readonly ShopEvent[])[]): RegisteredShop => foldShop(history.flat()) as RegisteredShop;

/** A graduated business shop with an official account (acc-off) and a marketing account (acc-mkt), linked 30 days ago. */
const shop: ShopEvent[] = [...graduatedShop(), ...linkedLongAgo('acc-off', 'official'), ...linkedLongAgo('acc-mkt', 'marketing')];

const reported = (incidentId = 'inc-1', description = 'account credentials leaked'): ShopEvent => ({
  type: 'SecurityIncidentReported',
  data: { shopId: SHOP_ID, incidentId, description, reportedAt: iso(NOW) },
});
const frozen = (amount: number, incidentId = 'inc-1'): ShopEvent => ({
  type: 'FundsFrozen',
  data: { shopId: SHOP_ID, incidentId, amount, frozenAt: iso(NOW) },
});
const terminated = (campaignId: string, accountId: string): ShopEvent => ({
  type: 'CampaignTerminated',
  data: { shopId: SHOP_ID, campaignId, accountId, reason: 'account_unlinked', terminatedAt: iso(NOW) },
});
const emergencyUnlinked = (accountId: string, role: 'official' | 'marketing', count: number, incidentId = 'inc-1'): ShopEvent =>
  accountUnlinked(accountId, role, { reason: 'security_breach', mode: 'emergency', requestId: null, incidentId, count });
const assistedUnlinked = (accountId: string, role: 'official' | 'marketing', count: number): ShopEvent =>
  accountUnlinked(accountId, role, {
    reason: 'troubleshooting',
    mode: 'assisted',
    requestId: null,
    ticketId: 'ticket-77',
    agentId: SUPPORT_AGENT.id,
    count,
  });

/** Every unlink blocker there is, each on its own, for an official account (acc-off). */
const blockerCases: [string, ShopEvent[]][] = [
  ['ORDERS_AWAITING_FULFILMENT', [...shop, orderPlaced('o-1')]],
  ['WITHDRAWAL_IN_FLIGHT', [...shop, fundsCredited('s-1', 5_000), withdrawalRequested('w-1', 5_000)]],
  ['OFFICIAL_UNLINK_LIMIT_REACHED', [...graduatedShop(), ...pastOfficialUnlinks(3), ...linkedLongAgo('acc-off', 'official')]],
  ['TOO_SOON_AFTER_LINKING', [...graduatedShop(), ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 2) })]],
];

describe('EmergencyUnlink', () => {
  it('unlinks at once, whatever stands in the way: orders, a withdrawal, 1 h after linking, the limit reached', () => {
    const history = [
      ...graduatedShop(),
      ...pastOfficialUnlinks(3),
      ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 2) }),
      campaignStarted('c-1', 'acc-off'),
      orderPlaced('o-1'),
      fundsCredited('s-1', 10_000),
      withdrawalRequested('w-1', 3_000),
    ];
    const events = given(history)
      .when(emergencyUnlink('acc-off'))
      .then([reported(), frozen(7_000), terminated('c-1', 'acc-off'), emergencyUnlinked('acc-off', 'official', 4)]);
    expect(recordedRefusalOf('EmergencyUnlink', events)).toBeNull();
    const after = stateAfter(history, events);
    expect(after.links).toEqual({});
    expect(after.officialUnlinkCount).toBe(4);
    expect(after.money).toEqual({ available: 0, pendingWithdrawal: 3_000, frozen: 7_000 });
    expect(after.incidents).toEqual({ 'inc-1': 'open' });
    expect(after.campaigns['c-1'].state).toBe('terminated');
  });

  it.each(blockerCases)('is not blocked by %s', (_code, history) => {
    const events = given(history).when(emergencyUnlink('acc-off')).decide();
    expect(events[events.length - 1]).toMatchObject({ type: 'AccountUnlinked', data: { accountId: 'acc-off', mode: 'emergency' } });
  });

  it('freezes everything available (FundsFrozen amount = available)', () => {
    const history = [...shop, fundsCredited('s-1', 4_200), fundsCredited('s-2', 800)];
    const events = given(history)
      .when(emergencyUnlink('acc-off'))
      .then([reported(), frozen(5_000), emergencyUnlinked('acc-off', 'official', 1)]);
    expect(stateAfter(history, events).money).toEqual({ available: 0, pendingWithdrawal: 0, frozen: 5_000 });
  });

  it('the same incident twice (already open): only the unlink events', () => {
    given(shop, fundsCredited('s-1', 5_000), incidentOpened('inc-1', 5_000))
      .when(emergencyUnlink('acc-off'))
      .then([emergencyUnlinked('acc-off', 'official', 1)]);
  });

  it('two accounts under one incident: the second unlink reports and freezes nothing more', () => {
    const first = given(shop, fundsCredited('s-1', 5_000))
      .when(emergencyUnlink('acc-off'))
      .then([reported(), frozen(5_000), emergencyUnlinked('acc-off', 'official', 1)]);
    given(shop, fundsCredited('s-1', 5_000), first)
      .when(emergencyUnlink('acc-mkt'))
      .then([emergencyUnlinked('acc-mkt', 'marketing', 0)]);
  });

  it('a new incident while another is open: reported, the money is frozen already', () => {
    given(shop, fundsCredited('s-1', 5_000), incidentOpened('inc-0', 5_000))
      .when(emergencyUnlink('acc-off', 'inc-1'))
      .then([reported('inc-1'), emergencyUnlinked('acc-off', 'official', 1)]);
  });

  it('a resolved incident cannot be reopened (INCIDENT_ALREADY_RESOLVED): report a new one', () => {
    given(shop, fundsCredited('s-1', 5_000), incidentOpened('inc-1', 5_000), incidentClosed('inc-1', 5_000))
      .when(emergencyUnlink('acc-off'))
      .thenThrows('INCIDENT_ALREADY_RESOLVED');
  });

  it('is counted among the official unlinks: after it, the 3rd ever is the last', () => {
    const history = [...graduatedShop(), ...pastOfficialUnlinks(2), ...linkedLongAgo('acc-off', 'official')];
    const events = given(history).when(emergencyUnlink('acc-off')).decide();
    expect(events[events.length - 1]).toMatchObject({ data: { officialUnlinkCount: 3 } });
    const later = hoursAfter(NOW, 24 * 7);
    const relinked = accountLinked('acc-new', 'official', { at: hoursAfter(NOW, 1) });
    given(history, events, relinked)
      .when(requestUnlink('acc-new'), { now: later })
      .thenThrows('UNLINK_BLOCKED', ['OFFICIAL_UNLINK_LIMIT_REACHED']);
  });

  it('a marketing account: unlinked and not counted; the money is frozen all the same', () => {
    given(shop, fundsCredited('s-1', 1_000), campaignStarted('c-9', 'acc-mkt'))
      .when(emergencyUnlink('acc-mkt'))
      .then([reported(), frozen(1_000), terminated('c-9', 'acc-mkt'), emergencyUnlinked('acc-mkt', 'marketing', 0)]);
  });

  it('supersedes an open unlink request of the account: it is closed by the unlink', () => {
    const request = unlinkRequested('acc-off', 'official');
    const events = given(shop, request).when(emergencyUnlink('acc-off')).decide();
    expect(stateAfter(shop, request, events).unlinkRequests).toEqual({});
    given(shop, request, events).when(confirmUnlink('acc-off'), { codes: FAKE_CODES }).thenThrows('UNLINK_REQUEST_NOT_FOUND');
  });

  it.each([
    ['an account never linked', 'acc-unknown'],
    ['an account awaiting authorization', 'acc-new'],
  ])('LINK_NOT_FOUND (not found) for %s', (_name, accountId) => {
    const violation = given(shop, linkRequested('acc-new', 'marketing')).when(emergencyUnlink(accountId)).thenThrows('LINK_NOT_FOUND');
    expect(violation.kind).toBe('not_found');
  });

  it('may be sent by an admin or a system (the security service), not by an operator or a support agent', () => {
    const team = [accessGranted('m-admin', 'admin'), accessGranted('m-operator', 'operator')];
    for (const actor of [member('m-admin'), SECURITY_SERVICE]) {
      expect(given(shop, team).when(emergencyUnlink('acc-mkt'), { actor }).decide().length).toBeGreaterThan(0);
    }
    given(shop, team)
      .when(emergencyUnlink('acc-mkt'), { actor: member('m-operator') })
      .thenThrows('FORBIDDEN_ROLE');
    given(shop, team).when(emergencyUnlink('acc-mkt'), { actor: SUPPORT_AGENT }).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('AssistedUnlink', () => {
  const support = { actor: SUPPORT_AGENT };

  it('a support agent unlinks with a ticket: ticket, agent and reason recorded, campaigns ended, counted', () => {
    const history = [...shop, campaignStarted('c-1', 'acc-off')];
    const events = given(history)
      .when(assistedUnlink('acc-off'), support)
      .then([terminated('c-1', 'acc-off'), assistedUnlinked('acc-off', 'official', 1)]);
    expect(recordedRefusalOf('AssistedUnlink', events)).toBeNull();
    const after = stateAfter(history, events);
    expect(after.links['acc-off']).toBeUndefined();
    expect(after.officialUnlinkCount).toBe(1);
  });

  it.each(blockerCases)('the usual blockers apply: UNLINK_BLOCKED by %s', (code, history) => {
    const violation = given(history).when(assistedUnlink('acc-off'), support).thenThrows('UNLINK_BLOCKED', [code]);
    expect(violation.kind).toBe('rule');
  });

  it('every blocker at once', () => {
    const history = [
      ...graduatedShop(),
      ...pastOfficialUnlinks(3),
      ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 2) }),
      orderPlaced('o-1'),
      fundsCredited('s-1', 1),
      withdrawalRequested('w-1', 1),
    ];
    given(history)
      .when(assistedUnlink('acc-off'), support)
      .thenThrows('UNLINK_BLOCKED', [
        'ORDERS_AWAITING_FULFILMENT',
        'WITHDRAWAL_IN_FLIGHT',
        'OFFICIAL_UNLINK_LIMIT_REACHED',
        'TOO_SOON_AFTER_LINKING',
      ]);
  });

  it('the 3rd official unlink is allowed and carries the count 3; assisted ones count towards the limit', () => {
    given(graduatedShop(), pastOfficialUnlinks(2, ['assisted', 'assisted']), linkedLongAgo('acc-off', 'official'))
      .when(assistedUnlink('acc-off'), support)
      .then([assistedUnlinked('acc-off', 'official', 3)]);
    given(graduatedShop(), pastOfficialUnlinks(3, ['assisted', 'emergency', 'assisted']), linkedLongAgo('acc-off', 'official'))
      .when(assistedUnlink('acc-off'), support)
      .thenThrows('UNLINK_BLOCKED', ['OFFICIAL_UNLINK_LIMIT_REACHED']);
  });

  it('a marketing account: not blocked by orders or withdrawals, not counted', () => {
    given(shop, orderPlaced('o-1'), fundsCredited('s-1', 1), withdrawalRequested('w-1', 1))
      .when(assistedUnlink('acc-mkt'), support)
      .then([assistedUnlinked('acc-mkt', 'marketing', 0)]);
  });

  it('supersedes an open unlink request of the account', () => {
    const request = unlinkRequested('acc-off', 'official');
    const events = given(shop, request).when(assistedUnlink('acc-off'), support).decide();
    expect(stateAfter(shop, request, events).unlinkRequests).toEqual({});
  });

  it('LINK_NOT_FOUND for an account not linked', () => {
    given(shop).when(assistedUnlink('acc-unknown'), support).thenThrows('LINK_NOT_FOUND');
  });

  it.each([
    ['the owner', OWNER],
    ['an admin', member('m-admin')],
    ['a system', KYB],
  ])('%s may not send it (FORBIDDEN_ROLE): only support agents do assisted unlinks', (_name, actor) => {
    const violation = given(shop, accessGranted('m-admin', 'admin'))
      .when(assistedUnlink('acc-off'), { actor })
      .thenThrows('FORBIDDEN_ROLE');
    expect(violation.kind).toBe('forbidden');
  });

  it('decided directly (without decideShop’s access check), a non-support actor is still refused', () => {
    const ctx: ShopDecisionContext = defaultContext({ actor: OWNER });
    expect(() => decideUnlinking(stateAfter(shop), assistedUnlink('acc-off'), ctx)).toThrow(ShopRuleViolation);
    expect(() => decideUnlinking(stateAfter(shop), assistedUnlink('acc-off'), ctx)).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN_ROLE' }),
    );
  });
});
