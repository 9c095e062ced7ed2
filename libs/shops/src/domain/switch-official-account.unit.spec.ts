import { foldShop } from './evolve-shop';
import { describeLinkRejection } from './link-eligibility';
import { recordedRefusalOf } from './shop-command-outcome';
import { DEFAULT_SHOP_POLICY } from './shop-policy';
import { ShopDecisionContext } from './shop-decision-context';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import {
  accessGranted,
  accountLinked,
  accountUnlinked,
  campaignStarted,
  denyAuthorization,
  expireAuthorization,
  fundsCredited,
  given,
  grantAuthorization,
  graduatedShop,
  hoursAfter,
  hoursBefore,
  iso,
  linkedElsewhere,
  linkedLongAgo,
  linkRequested,
  member,
  NOW,
  EXPIRY,
  OAUTH_RELAY,
  orderFulfilled,
  orderPlaced,
  pastOfficialUnlinks,
  SHOP_ID,
  switchOfficialAccount,
  unlinkRequested,
  validProfile,
  withdrawalRequested,
} from './testing/shop.specification';

const OFFICIAL_SCOPES = DEFAULT_SHOP_POLICY.requiredScopes.official;
const ANSWERED = hoursAfter(NOW, 2);
const relay = (now = ANSWERED, o: Partial<ShopDecisionContext> = {}): Partial<ShopDecisionContext> => ({ actor: OAUTH_RELAY, now, ...o });
const stateAfter = (...history: (ShopEvent | readonly ShopEvent[])[]): RegisteredShop => foldShop(history.flat()) as RegisteredShop;

/** A graduated business shop whose official account (acc-old) was linked 30 days ago, with a marketing account (acc-mkt). */
const shop: ShopEvent[] = [...graduatedShop(), ...linkedLongAgo('acc-old', 'official'), ...linkedLongAgo('acc-mkt', 'marketing')];

/** AccountLinkRequested of acc-new as the official account replacing acc-old, requested at NOW. */
const switchRequested = (at = NOW): ShopEvent => ({
  type: 'AccountLinkRequested',
  data: {
    shopId: SHOP_ID,
    accountId: 'acc-new',
    role: 'official',
    profile: validProfile({ handle: '@acc-new' }),
    requestedScopes: OFFICIAL_SCOPES,
    requestedAt: iso(at),
    authorizationExpiresAt: iso(hoursAfter(at, 48)),
    replacesAccountId: 'acc-old',
  },
});
const authorized = (at = ANSWERED): ShopEvent => ({
  type: 'AccountLinkAuthorized',
  data: { shopId: SHOP_ID, accountId: 'acc-new', role: 'official', grantedScopes: OFFICIAL_SCOPES, authorizedAt: iso(at) },
});
const linked = (at = ANSWERED): ShopEvent => ({
  type: 'AccountLinked',
  data: { shopId: SHOP_ID, accountId: 'acc-new', handle: '@acc-new', role: 'official', scopes: OFFICIAL_SCOPES, linkedAt: iso(at) },
});
const oldUnlinked = (count = 1, at = ANSWERED): ShopEvent =>
  accountUnlinked('acc-old', 'official', { reason: 'switching_accounts', mode: 'switch', requestId: null, count, at });
const rejectedWith = (reasons: readonly string[], profile = validProfile({ handle: '@acc-new' })): ShopEvent => ({
  type: 'AccountLinkRejected',
  data: { shopId: SHOP_ID, accountId: 'acc-new', role: 'official', profile, reasons, rejectedAt: iso(NOW) },
});
const officialOf = (state: RegisteredShop): string[] =>
  Object.values(state.links)
    .filter((l) => l.role === 'official')
    .map((l) => `${l.accountId}:${l.state}`);

describe('SwitchOfficialAccount', () => {
  describe('the whole switch, as one intent', () => {
    it('requests the new account, naming the one it replaces; the old stays linked meanwhile', () => {
      const events = given(shop).when(switchOfficialAccount('acc-new')).then([switchRequested()]);
      expect(recordedRefusalOf('SwitchOfficialAccount', events)).toBeNull();
      const pending = stateAfter(shop, events);
      expect(officialOf(pending)).toEqual(['acc-old:linked', 'acc-new:awaiting_authorization']);
      expect(pending.links['acc-new'].replacesAccountId).toBe('acc-old');
    });

    it('on the new owner’s grant, the old is unlinked (mode switch) and the new linked in one decision, campaigns of the old ended', () => {
      const history = [...shop, campaignStarted('c-1', 'acc-old'), campaignStarted('c-2', 'acc-mkt'), switchRequested()];
      const terminated: ShopEvent = {
        type: 'CampaignTerminated',
        data: { shopId: SHOP_ID, campaignId: 'c-1', accountId: 'acc-old', reason: 'account_unlinked', terminatedAt: iso(ANSWERED) },
      };
      const events = given(history)
        .when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay())
        .then([authorized(), terminated, oldUnlinked(), linked()]);
      expect(recordedRefusalOf('AnswerLinkAuthorization', events)).toBeNull();
      const after = stateAfter(history, events);
      expect(officialOf(after)).toEqual(['acc-new:linked']);
      expect(after.links['acc-new']).toMatchObject({ linkedAt: iso(ANSWERED), replacesAccountId: null });
      expect(after.officialUnlinkCount).toBe(1);
      expect(after.campaigns).toEqual({
        'c-1': { accountId: 'acc-old', state: 'terminated' },
        'c-2': { accountId: 'acc-mkt', state: 'active' },
      });
      expect(after.links['acc-mkt'].state).toBe('linked');
    });

    it('the switch counts among the official unlinks (the 3rd carries 3)', () => {
      const history = [...graduatedShop(), ...pastOfficialUnlinks(2), ...linkedLongAgo('acc-old', 'official'), switchRequested()];
      given(history)
        .when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay())
        .then([authorized(), oldUnlinked(3), linked()]);
    });

    it('closes an open unlink request of the old account', () => {
      const history = [...shop, unlinkRequested('acc-old', 'official', { at: hoursAfter(NOW, 1) }), switchRequested()];
      const events = given(history).when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay()).decide();
      expect(stateAfter(history, events).unlinkRequests).toEqual({});
    });
  });

  describe('refused, nothing recorded', () => {
    it('NO_OFFICIAL_ACCOUNT (rule) when the shop has no linked official account', () => {
      const violation = given(graduatedShop(), linkedLongAgo('acc-mkt', 'marketing'))
        .when(switchOfficialAccount('acc-new'))
        .thenThrows('NO_OFFICIAL_ACCOUNT', ['NO_OFFICIAL_ACCOUNT']);
      expect(violation.kind).toBe('rule');
    });

    it('NO_OFFICIAL_ACCOUNT when the official account only awaits authorization', () => {
      given(graduatedShop(), linkRequested('acc-old', 'official')).when(switchOfficialAccount('acc-new')).thenThrows('NO_OFFICIAL_ACCOUNT');
    });

    it('SAME_ACCOUNT (rule) when the new account is the current official one', () => {
      const violation = given(shop).when(switchOfficialAccount('acc-old')).thenThrows('SAME_ACCOUNT', ['SAME_ACCOUNT']);
      expect(violation.kind).toBe('rule');
    });

    it.each([
      ['ORDERS_AWAITING_FULFILMENT', [...shop, orderPlaced('o-1')]],
      ['WITHDRAWAL_IN_FLIGHT', [...shop, fundsCredited('s-1', 5_000), withdrawalRequested('w-1', 5_000)]],
      ['OFFICIAL_UNLINK_LIMIT_REACHED', [...graduatedShop(), ...pastOfficialUnlinks(3), ...linkedLongAgo('acc-old', 'official')]],
      ['TOO_SOON_AFTER_LINKING', [...graduatedShop(), ...accountLinked('acc-old', 'official', { at: hoursBefore(NOW, 2) })]],
    ])('UNLINK_BLOCKED when the old official account cannot go now (%s)', (code, history) => {
      const violation = given(history).when(switchOfficialAccount('acc-new')).thenThrows('UNLINK_BLOCKED', [code]);
      expect(violation.kind).toBe('rule');
    });

    it('blockers of the old account are checked before the new account’s eligibility', () => {
      given(shop, orderPlaced('o-1'))
        .when(switchOfficialAccount('acc-new', { kind: 'personal' }))
        .thenThrows('UNLINK_BLOCKED', ['ORDERS_AWAITING_FULFILMENT']);
    });

    it('only an admin may switch', () => {
      const team = [accessGranted('m-admin', 'admin'), accessGranted('m-operator', 'operator')];
      given(shop, team)
        .when(switchOfficialAccount('acc-new'), { actor: member('m-operator') })
        .thenThrows('FORBIDDEN_ROLE');
      given(shop, team)
        .when(switchOfficialAccount('acc-new'), { actor: member('m-admin') })
        .then([switchRequested()]);
    });
  });

  describe('the new account is judged like any official link, the current official account aside', () => {
    it('ineligible: AccountLinkRejected with every failed rule, and the shop keeps its official account', () => {
      const command = switchOfficialAccount('acc-new', { kind: 'personal', region: 'FR' });
      const events = given(shop)
        .when(command)
        .then([rejectedWith(['ACCOUNT_NOT_BUSINESS', 'REGION_MISMATCH'], command.data.profile)]);
      expect(recordedRefusalOf('SwitchOfficialAccount', events)).toMatchObject({
        code: 'ACCOUNT_INELIGIBLE',
        details: [{ code: 'ACCOUNT_NOT_BUSINESS' }, { code: 'REGION_MISMATCH' }],
      });
      expect(officialOf(stateAfter(shop, events))).toEqual(['acc-old:linked']);
    });

    it('a single failed rule is named directly, as for RequestLink', () => {
      const events = given(shop)
        .when(switchOfficialAccount('acc-new'), { account: linkedElsewhere() })
        .then([rejectedWith(['ACCOUNT_LINKED_ELSEWHERE'])]);
      expect(recordedRefusalOf('SwitchOfficialAccount', events)).toEqual({
        code: 'ACCOUNT_LINKED_ELSEWHERE',
        message: 'Account acc-new cannot be linked as official',
        details: [{ code: 'ACCOUNT_LINKED_ELSEWHERE', message: describeLinkRejection('ACCOUNT_LINKED_ELSEWHERE') }],
      });
    });

    it('the current official account does not count against OFFICIAL_ALREADY_LINKED', () => {
      const [event] = given(shop).when(switchOfficialAccount('acc-new')).decide();
      expect(event.type).toBe('AccountLinkRequested');
    });

    it('a pending official request of another account still blocks (OFFICIAL_ALREADY_LINKED)', () => {
      const otherSwitch = {
        ...switchRequested(hoursBefore(NOW, 1)),
        data: { ...switchRequested(hoursBefore(NOW, 1)).data, accountId: 'acc-other', profile: validProfile({ handle: '@acc-other' }) },
      } as ShopEvent;
      given(shop, otherSwitch)
        .when(switchOfficialAccount('acc-new'))
        .then([rejectedWith(['OFFICIAL_ALREADY_LINKED'])]);
    });

    it('a pending request whose window has passed does not block; the new account’s own stale request is expired first', () => {
      const staleOther = linkRequested('acc-other', 'official', { at: hoursBefore(NOW, 49) });
      given(shop, staleOther).when(switchOfficialAccount('acc-new')).then([switchRequested()]);
      const staleOwn = linkRequested('acc-new', 'official', { at: hoursBefore(NOW, 48) });
      given(shop, staleOwn)
        .when(switchOfficialAccount('acc-new'))
        .then([
          { type: 'LinkAuthorizationExpired', data: { shopId: SHOP_ID, accountId: 'acc-new', role: 'official', expiredAt: iso(NOW) } },
          switchRequested(),
        ]);
    });

    it('a marketing account of this shop cannot become the official one (ACCOUNT_HAS_OTHER_ROLE): never two roles', () => {
      given(shop)
        .when(switchOfficialAccount('acc-mkt'))
        .then([
          {
            type: 'AccountLinkRejected',
            data: {
              shopId: SHOP_ID,
              accountId: 'acc-mkt',
              role: 'official',
              profile: validProfile({ handle: '@acc-mkt' }),
              reasons: ['ACCOUNT_HAS_OTHER_ROLE'],
              rejectedAt: iso(NOW),
            },
          },
        ]);
    });
  });

  describe('while the new account’s authorization is pending', () => {
    const pending = [...shop, switchRequested()];

    it('blockers that appeared on the old account refuse the grant (UNLINK_BLOCKED); the request stays pending', () => {
      const history = [...pending, orderPlaced('o-1', 2500, hoursAfter(NOW, 1))];
      given(history)
        .when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay())
        .thenThrows('UNLINK_BLOCKED', ['ORDERS_AWAITING_FULFILMENT']);
      expect(officialOf(stateAfter(history))).toEqual(['acc-old:linked', 'acc-new:awaiting_authorization']);
      // once fulfilled, a grant within the window completes the switch
      const later = hoursAfter(NOW, 5);
      given(history, orderFulfilled('o-1', hoursAfter(NOW, 4)))
        .when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay(later))
        .then([authorized(later), oldUnlinked(1, later), linked(later)]);
    });

    it('the owner’s denial keeps the old official account', () => {
      const events = given(pending).when(denyAuthorization('acc-new'), relay()).decide();
      expect(events).toEqual([
        expect.objectContaining({ type: 'LinkAuthorizationDenied', data: expect.objectContaining({ reason: 'OWNER_DENIED' }) }),
      ]);
      const after = stateAfter(pending, events);
      expect(officialOf(after)).toEqual(['acc-old:linked']);
      expect(after.officialUnlinkCount).toBe(0);
    });

    it('missing scopes keep the old official account', () => {
      const events = given(pending)
        .when(grantAuthorization('acc-new', ['user.info.basic']), relay())
        .decide();
      expect(events.map((e) => e.type)).toEqual(['LinkAuthorizationDenied']);
      expect(officialOf(stateAfter(pending, events))).toEqual(['acc-old:linked']);
    });

    it('an expired authorization keeps the old official account, whether swept or discovered by a late grant', () => {
      const closes = hoursAfter(NOW, 48);
      const swept = given(pending).when(expireAuthorization('acc-new'), { actor: EXPIRY, now: closes }).decide();
      const late = given(pending).when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay(closes)).decide();
      for (const events of [swept, late]) {
        expect(events.map((e) => e.type)).toEqual(['LinkAuthorizationExpired']);
        expect(officialOf(stateAfter(pending, events))).toEqual(['acc-old:linked']);
      }
    });

    it('if the old account was unlinked meanwhile (an emergency), the grant just links the new one', () => {
      const emergency = accountUnlinked('acc-old', 'official', {
        reason: 'security_breach',
        mode: 'emergency',
        requestId: null,
        incidentId: 'inc-1',
        count: 1,
        at: hoursAfter(NOW, 1),
      });
      const history = [...pending, emergency];
      const events = given(history).when(grantAuthorization('acc-new', OFFICIAL_SCOPES), relay()).then([authorized(), linked()]);
      const after = stateAfter(history, events);
      expect(officialOf(after)).toEqual(['acc-new:linked']);
      expect(after.officialUnlinkCount).toBe(1);
    });
  });
});
