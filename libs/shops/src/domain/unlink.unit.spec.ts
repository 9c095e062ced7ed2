import { Actor } from './actor';
import { foldShop } from './evolve-shop';
import { recordedRefusalOf } from './shop-command-outcome';
import { DEFAULT_SHOP_POLICY, ShopPolicy } from './shop-policy';
import { ShopDecisionContext } from './shop-decision-context';
import { LinkRole, ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import { unlinkBlockers } from './unlink-blockers';
import {
  accessGranted,
  accountLinked,
  accountUnlinked,
  campaignEnded,
  campaignStarted,
  cancelUnlink,
  confirmUnlink,
  expireUnlinkRequest,
  FAKE_CODES,
  fakeCodeHash,
  fundsCredited,
  fundsWithdrawn,
  given,
  grantAuthorization,
  graduatedShop,
  hoursAfter,
  hoursBefore,
  iso,
  LONG_AGO,
  linkedLongAgo,
  linkRequested,
  member,
  NOW,
  OAUTH_RELAY,
  orderCancelled,
  orderFulfilled,
  orderPlaced,
  pastOfficialUnlinks,
  requestLink,
  requestUnlink,
  SHOP_ID,
  UNLINK_CODE,
  UNLINK_SALT,
  unlinkRequested,
  withdrawalFailed,
  withdrawalRequested,
  WRONG_CODE,
} from './testing/shop.specification';

const MINUTE_MS = 60_000;
const minutesAfter = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * MINUTE_MS);

/** A graduated business shop with an official account and a marketing account, both linked 30 days ago. */
const shop: ShopEvent[] = [...graduatedShop(), ...linkedLongAgo('acc-off', 'official'), ...linkedLongAgo('acc-mkt', 'marketing')];
const stateAfter = (...history: (ShopEvent | readonly ShopEvent[])[]): RegisteredShop => foldShop(history.flat()) as RegisteredShop;
const blockersOf = (history: readonly ShopEvent[], accountId: string, now = NOW, policy: ShopPolicy = DEFAULT_SHOP_POLICY): string[] =>
  unlinkBlockers(stateAfter(history), accountId, now, policy).map((b) => b.code);
/** The context of a confirmation: the fake code verifier and the clock. */
const confirming = (now = NOW, o: Partial<ShopDecisionContext> = {}): Partial<ShopDecisionContext> => ({ codes: FAKE_CODES, now, ...o });

/** Requested a minute before NOW: the code is valid until NOW + 14 min. */
const REQUESTED_AT = new Date(NOW.getTime() - MINUTE_MS);
const CODE_EXPIRES = minutesAfter(REQUESTED_AT, 15);
const officialRequest = unlinkRequested('acc-off', 'official', { at: REQUESTED_AT });
const marketingRequest = unlinkRequested('acc-mkt', 'marketing', { at: REQUESTED_AT });

const expiredEvent = (accountId: string, at = NOW, requestId = `unlink-${accountId}`): ShopEvent => ({
  type: 'UnlinkRequestExpired',
  data: { shopId: SHOP_ID, accountId, requestId, expiredAt: iso(at) },
});

describe('unlinkBlockers', () => {
  it('none for an official account linked long ago, with no orders or withdrawals in flight and unlinks to spare', () => {
    expect(unlinkBlockers(stateAfter(shop), 'acc-off', NOW, DEFAULT_SHOP_POLICY)).toEqual([]);
  });

  it('ORDERS_AWAITING_FULFILMENT names how many orders and which', () => {
    const [blocker] = unlinkBlockers(stateAfter(shop, orderPlaced('o-1'), orderPlaced('o-2')), 'acc-off', NOW, DEFAULT_SHOP_POLICY);
    expect(blocker).toEqual({
      code: 'ORDERS_AWAITING_FULFILMENT',
      message: '2 orders await fulfilment (o-1, o-2); fulfil or cancel them before unlinking the official account',
    });
  });

  it('orders fulfilled or cancelled do not block', () => {
    expect(blockersOf([...shop, orderPlaced('o-1'), orderPlaced('o-2'), orderFulfilled('o-1'), orderCancelled('o-2')], 'acc-off')).toEqual(
      [],
    );
  });

  it('WITHDRAWAL_IN_FLIGHT names the withdrawal and its amount', () => {
    const history = [...shop, fundsCredited('s-1', 10_000), withdrawalRequested('w-1', 4_000)];
    expect(unlinkBlockers(stateAfter(history), 'acc-off', NOW, DEFAULT_SHOP_POLICY)).toEqual([
      {
        code: 'WITHDRAWAL_IN_FLIGHT',
        message: '1 withdrawal is in flight (w-1; 4000 GBP minor units); unlink the official account once it has been paid out or failed',
      },
    ]);
  });

  it('withdrawals paid out or failed do not block', () => {
    const history = [
      ...shop,
      fundsCredited('s-1', 10_000),
      withdrawalRequested('w-1', 4_000),
      withdrawalRequested('w-2', 1_000),
      fundsWithdrawn('w-1', 4_000),
      withdrawalFailed('w-2', 1_000),
    ];
    expect(blockersOf(history, 'acc-off')).toEqual([]);
  });

  it('OFFICIAL_UNLINK_LIMIT_REACHED once the shop has unlinked 3 official accounts, saying so', () => {
    const history = [...graduatedShop(), ...pastOfficialUnlinks(3), ...linkedLongAgo('acc-off', 'official')];
    expect(unlinkBlockers(stateAfter(history), 'acc-off', NOW, DEFAULT_SHOP_POLICY)).toEqual([
      {
        code: 'OFFICIAL_UNLINK_LIMIT_REACHED',
        message:
          'The shop has used 3 of its 3 official-account unlinks (emergency and assisted unlinks count too); only an emergency unlink remains possible',
      },
    ]);
  });

  it('TOO_SOON_AFTER_LINKING says until when', () => {
    const history = [...graduatedShop(), ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 3) })]; // linked 2 h ago
    expect(unlinkBlockers(stateAfter(history), 'acc-off', NOW, DEFAULT_SHOP_POLICY)).toEqual([
      {
        code: 'TOO_SOON_AFTER_LINKING',
        message:
          'Account @acc-off was linked at 2025-03-01T08:00:00.000Z; it can be unlinked from 2025-03-02T08:00:00.000Z (24 h after linking) unless in an emergency',
      },
    ]);
  });

  it('24 h boundary: blocked a millisecond before, free at exactly 24 h after linking', () => {
    const linkedAt = hoursBefore(NOW, 5);
    const history = [...graduatedShop(), ...accountLinked('acc-off', 'official', { at: hoursBefore(linkedAt, 1) })];
    const exactly = hoursAfter(linkedAt, 24);
    expect(blockersOf(history, 'acc-off', new Date(exactly.getTime() - 1))).toEqual(['TOO_SOON_AFTER_LINKING']);
    expect(blockersOf(history, 'acc-off', exactly)).toEqual([]);
  });

  it('all four together, in a fixed order', () => {
    const history = [
      ...graduatedShop(),
      ...pastOfficialUnlinks(3),
      ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 3) }),
      orderPlaced('o-1'),
      fundsCredited('s-1', 5_000),
      withdrawalRequested('w-1', 5_000),
    ];
    expect(blockersOf(history, 'acc-off')).toEqual([
      'ORDERS_AWAITING_FULFILMENT',
      'WITHDRAWAL_IN_FLIGHT',
      'OFFICIAL_UNLINK_LIMIT_REACHED',
      'TOO_SOON_AFTER_LINKING',
    ]);
  });

  it('a marketing account is blocked by the 24 h rule only: orders, withdrawals and the official-unlink limit do not concern it', () => {
    const busy = [
      ...graduatedShop(),
      ...pastOfficialUnlinks(3),
      ...linkedLongAgo('acc-mkt', 'marketing'),
      orderPlaced('o-1'),
      fundsCredited('s-1', 5_000),
      withdrawalRequested('w-1', 5_000),
    ];
    expect(blockersOf(busy, 'acc-mkt')).toEqual([]);
    const fresh = [...graduatedShop(), ...accountLinked('acc-mkt', 'marketing', { at: hoursBefore(NOW, 3) })];
    expect(blockersOf(fresh, 'acc-mkt')).toEqual(['TOO_SOON_AFTER_LINKING']);
  });

  it('follows the configured policy', () => {
    const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, earliestUnlinkHours: 24 * 31, officialUnlinksEver: 4 };
    const history = [...graduatedShop(), ...pastOfficialUnlinks(3), ...linkedLongAgo('acc-off', 'official')];
    expect(blockersOf(history, 'acc-off', NOW, policy)).toEqual(['TOO_SOON_AFTER_LINKING']);
  });

  it('an account not linked (unknown, or awaiting authorization) has none: there is nothing to unlink', () => {
    const history = [...graduatedShop(), orderPlaced('o-1'), linkRequested('acc-new', 'official')];
    expect(blockersOf(history, 'acc-unknown')).toEqual([]);
    expect(blockersOf(history, 'acc-new')).toEqual([]);
  });
});

describe('RequestUnlink', () => {
  describe('accepted', () => {
    it('of the official account: showcase and sales data lost, the campaigns run through it listed, code valid 15 minutes', () => {
      const history = [
        ...shop,
        campaignStarted('c-1', 'acc-off'),
        campaignStarted('c-2', 'acc-off'),
        campaignStarted('c-3', 'acc-mkt'),
        campaignStarted('c-4', 'acc-off'),
        campaignEnded('c-4'),
      ];
      const [event] = given(history)
        .when(requestUnlink('acc-off', { reason: 'closure' }))
        .then([unlinkRequested('acc-off', 'official', { at: NOW, reason: 'closure', campaigns: ['c-1', 'c-2'] })]);
      expect(event).toMatchObject({
        data: {
          consequences: { showcaseRemoved: true, campaignsTerminated: ['c-1', 'c-2'], salesDataAccessLost: true },
          codeHash: fakeCodeHash(UNLINK_CODE, UNLINK_SALT),
          codeSalt: UNLINK_SALT,
          requestedAt: '2025-03-01T10:00:00.000Z',
          expiresAt: '2025-03-01T10:15:00.000Z',
        },
      });
      expect(recordedRefusalOf('RequestUnlink', [event])).toBeNull();
    });

    it('of a marketing account: no showcase or sales data lost, its own campaigns listed', () => {
      const history = [...shop, campaignStarted('c-1', 'acc-off'), campaignStarted('c-3', 'acc-mkt')];
      given(history)
        .when(requestUnlink('acc-mkt'))
        .then([unlinkRequested('acc-mkt', 'marketing', { at: NOW, campaigns: ['c-3'] })]);
    });

    it('records the request as open, with no failed attempt yet', () => {
      const events = given(shop)
        .when(requestUnlink('acc-off', { requestId: 'r-9' }))
        .decide();
      expect(stateAfter(shop, events).unlinkRequests).toEqual({
        'r-9': {
          requestId: 'r-9',
          accountId: 'acc-off',
          role: 'official',
          reason: 'business_pivot',
          codeHash: fakeCodeHash(UNLINK_CODE, UNLINK_SALT),
          codeSalt: UNLINK_SALT,
          requestedAt: iso(NOW),
          expiresAt: '2025-03-01T10:15:00.000Z',
          failedAttempts: 0,
        },
      });
    });

    it('the code validity follows the policy', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, unlinkCodeValidityMinutes: 5 };
      const [event] = given(shop).when(requestUnlink('acc-off'), { policy }).decide();
      expect(event).toMatchObject({ data: { expiresAt: '2025-03-01T10:05:00.000Z' } });
    });

    it('an open request of another account does not stand in the way', () => {
      given(shop, marketingRequest)
        .when(requestUnlink('acc-off'))
        .then([unlinkRequested('acc-off', 'official', { at: NOW })]);
    });
  });

  describe('refused', () => {
    it.each([
      ['an account never linked', shop, 'acc-unknown'],
      ['an account still awaiting authorization', [...shop, linkRequested('acc-new', 'marketing')], 'acc-new'],
      ['an account already unlinked', [...shop, accountUnlinked('acc-mkt', 'marketing', { at: hoursBefore(NOW, 1) })], 'acc-mkt'],
    ])('LINK_NOT_FOUND (not found) for %s', (_name, history, accountId) => {
      const violation = given(history).when(requestUnlink(accountId)).thenThrows('LINK_NOT_FOUND');
      expect(violation.kind).toBe('not_found');
    });

    it('UNLINK_REQUEST_PENDING (conflict) while another request of the account awaits its code, whatever its id', () => {
      const violation = given(shop, officialRequest)
        .when(requestUnlink('acc-off', { requestId: 'r-other' }))
        .thenThrows('UNLINK_REQUEST_PENDING', ['UNLINK_REQUEST_PENDING']);
      expect(violation.kind).toBe('conflict');
      expect(violation.message).toContain('until 2025-03-01T10:14:00.000Z');
    });

    it('UNLINK_REQUEST_ID_TAKEN (conflict) when the request id is that of another account’s open request', () => {
      const violation = given(shop, marketingRequest)
        .when(requestUnlink('acc-off', { requestId: 'unlink-acc-mkt' }))
        .thenThrows('UNLINK_REQUEST_ID_TAKEN');
      expect(violation.kind).toBe('conflict');
    });

    it.each([
      ['ORDERS_AWAITING_FULFILMENT', [orderPlaced('o-1')]],
      ['WITHDRAWAL_IN_FLIGHT', [fundsCredited('s-1', 5_000), withdrawalRequested('w-1', 5_000)]],
    ])('UNLINK_BLOCKED by %s alone (official account)', (code, extra) => {
      const violation = given(shop, extra).when(requestUnlink('acc-off')).thenThrows('UNLINK_BLOCKED', [code]);
      expect(violation.kind).toBe('rule');
    });

    it('UNLINK_BLOCKED by OFFICIAL_UNLINK_LIMIT_REACHED alone', () => {
      given(graduatedShop(), pastOfficialUnlinks(3), linkedLongAgo('acc-off', 'official'))
        .when(requestUnlink('acc-off'))
        .thenThrows('UNLINK_BLOCKED', ['OFFICIAL_UNLINK_LIMIT_REACHED']);
    });

    it('UNLINK_BLOCKED by TOO_SOON_AFTER_LINKING alone, for either role', () => {
      const fresh = [
        ...graduatedShop(),
        ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 3) }),
        ...accountLinked('acc-mkt', 'marketing', { at: hoursBefore(NOW, 3) }),
      ];
      given(fresh).when(requestUnlink('acc-off')).thenThrows('UNLINK_BLOCKED', ['TOO_SOON_AFTER_LINKING']);
      given(fresh).when(requestUnlink('acc-mkt')).thenThrows('UNLINK_BLOCKED', ['TOO_SOON_AFTER_LINKING']);
    });

    it('UNLINK_BLOCKED lists every blocker at once, each with a message', () => {
      const history = [
        ...graduatedShop(),
        ...pastOfficialUnlinks(3),
        ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 3) }),
        orderPlaced('o-1'),
        fundsCredited('s-1', 5_000),
        withdrawalRequested('w-1', 5_000),
      ];
      const violation = given(history)
        .when(requestUnlink('acc-off'))
        .thenThrows('UNLINK_BLOCKED', [
          'ORDERS_AWAITING_FULFILMENT',
          'WITHDRAWAL_IN_FLIGHT',
          'OFFICIAL_UNLINK_LIMIT_REACHED',
          'TOO_SOON_AFTER_LINKING',
        ]);
      expect(violation.message).toBe(
        'The official account @acc-off (acc-off) cannot be unlinked now: ORDERS_AWAITING_FULFILMENT, WITHDRAWAL_IN_FLIGHT, OFFICIAL_UNLINK_LIMIT_REACHED, TOO_SOON_AFTER_LINKING',
      );
      expect(violation.details.every((d) => d.message.length > 0)).toBe(true);
    });
  });

  describe('the earliest unlink, 24 h after linking', () => {
    const linkedAt = hoursBefore(NOW, 10);
    const history = [...graduatedShop(), ...accountLinked('acc-off', 'official', { at: hoursBefore(linkedAt, 1) })];
    const exactly = hoursAfter(linkedAt, 24);

    it('a millisecond before: blocked', () => {
      given(history)
        .when(requestUnlink('acc-off'), { now: new Date(exactly.getTime() - 1) })
        .thenThrows('UNLINK_BLOCKED', ['TOO_SOON_AFTER_LINKING']);
    });

    it('at exactly 24 h: accepted', () => {
      given(history)
        .when(requestUnlink('acc-off'), { now: exactly })
        .then([unlinkRequested('acc-off', 'official', { at: exactly })]);
    });
  });

  describe('official-account unlinks, 3 per shop ever', () => {
    it('the 3rd is allowed (two before it)', () => {
      given(graduatedShop(), pastOfficialUnlinks(2), linkedLongAgo('acc-off', 'official'))
        .when(requestUnlink('acc-off'))
        .then([unlinkRequested('acc-off', 'official', { at: NOW })]);
    });

    it('the 4th is refused, emergency and assisted unlinks counted among the three', () => {
      given(graduatedShop(), pastOfficialUnlinks(3, ['emergency', 'assisted', 'confirmed']), linkedLongAgo('acc-off', 'official'))
        .when(requestUnlink('acc-off'))
        .thenThrows('UNLINK_BLOCKED', ['OFFICIAL_UNLINK_LIMIT_REACHED']);
    });

    it('marketing unlinks are not counted and never reach the limit', () => {
      const manyMarketingUnlinks = ['m-1', 'm-2', 'm-3', 'm-4'].flatMap((id, i) => [
        ...accountLinked(id, 'marketing', { at: hoursBefore(LONG_AGO, 100 - i * 10) }),
        accountUnlinked(id, 'marketing', { count: 0, at: hoursBefore(LONG_AGO, 50 - i * 10) }),
      ]);
      const history = [...graduatedShop(), ...manyMarketingUnlinks, ...linkedLongAgo('acc-off', 'official')];
      expect(stateAfter(history).officialUnlinkCount).toBe(0);
      given(history)
        .when(requestUnlink('acc-off'))
        .then([unlinkRequested('acc-off', 'official', { at: NOW })]);
    });

    it('a marketing account may still be unlinked once the official limit is reached', () => {
      given(graduatedShop(), pastOfficialUnlinks(3), linkedLongAgo('acc-mkt', 'marketing'))
        .when(requestUnlink('acc-mkt'))
        .then([unlinkRequested('acc-mkt', 'marketing', { at: NOW })]);
    });

    it('follows the configured limit', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, officialUnlinksEver: 2 };
      given(graduatedShop(), pastOfficialUnlinks(2), linkedLongAgo('acc-off', 'official'))
        .when(requestUnlink('acc-off'), { policy })
        .thenThrows('UNLINK_BLOCKED', ['OFFICIAL_UNLINK_LIMIT_REACHED']);
    });
  });

  describe('a request whose code window has passed', () => {
    it('is recorded as expired first, then the new request (a success)', () => {
      const events = given(shop, officialRequest)
        .when(requestUnlink('acc-off', { requestId: 'r-2' }), { now: hoursAfter(NOW, 1) })
        .then([
          expiredEvent('acc-off', hoursAfter(NOW, 1)),
          unlinkRequested('acc-off', 'official', { at: hoursAfter(NOW, 1), requestId: 'r-2' }),
        ]);
      expect(recordedRefusalOf('RequestUnlink', events)).toBeNull();
      expect(Object.keys(stateAfter(shop, officialRequest, events).unlinkRequests)).toEqual(['r-2']);
    });

    it('counts as expired at exactly the end of its window', () => {
      given(shop, officialRequest)
        .when(requestUnlink('acc-off', { requestId: 'r-2' }), { now: CODE_EXPIRES })
        .then([expiredEvent('acc-off', CODE_EXPIRES), unlinkRequested('acc-off', 'official', { at: CODE_EXPIRES, requestId: 'r-2' })]);
    });

    it('a millisecond before, it is still pending', () => {
      given(shop, officialRequest)
        .when(requestUnlink('acc-off', { requestId: 'r-2' }), { now: new Date(CODE_EXPIRES.getTime() - 1) })
        .thenThrows('UNLINK_REQUEST_PENDING');
    });

    it('is not recorded as expired when the new request is blocked (nothing is recorded)', () => {
      given(shop, officialRequest, orderPlaced('o-1', 2500, NOW))
        .when(requestUnlink('acc-off', { requestId: 'r-2' }), { now: hoursAfter(NOW, 1) })
        .thenThrows('UNLINK_BLOCKED', ['ORDERS_AWAITING_FULFILMENT']);
    });
  });
});

describe('ConfirmUnlink', () => {
  describe('with the right code', () => {
    it('ends the campaigns run through the account, then unlinks it, counted as the shop’s first official unlink', () => {
      const history = [
        ...shop,
        campaignStarted('c-1', 'acc-off'),
        campaignStarted('c-2', 'acc-off'),
        campaignStarted('c-3', 'acc-mkt'),
        officialRequest,
      ];
      const events = given(history)
        .when(confirmUnlink('acc-off'), confirming())
        .then([
          {
            type: 'CampaignTerminated',
            data: { shopId: SHOP_ID, campaignId: 'c-1', accountId: 'acc-off', reason: 'account_unlinked', terminatedAt: iso(NOW) },
          },
          {
            type: 'CampaignTerminated',
            data: { shopId: SHOP_ID, campaignId: 'c-2', accountId: 'acc-off', reason: 'account_unlinked', terminatedAt: iso(NOW) },
          },
          accountUnlinked('acc-off', 'official', { mode: 'confirmed', requestId: 'unlink-acc-off', count: 1 }),
        ]);
      expect(recordedRefusalOf('ConfirmUnlink', events)).toBeNull();
      const after = stateAfter(history, events);
      expect(after.links['acc-off']).toBeUndefined();
      expect(after.links['acc-mkt']).toBeDefined();
      expect(after.officialUnlinkCount).toBe(1);
      expect(after.unlinkRequests).toEqual({});
      expect(after.campaigns).toEqual({
        'c-1': { accountId: 'acc-off', state: 'terminated' },
        'c-2': { accountId: 'acc-off', state: 'terminated' },
        'c-3': { accountId: 'acc-mkt', state: 'active' },
      });
    });

    it('records the reason given with the request', () => {
      const request = unlinkRequested('acc-off', 'official', { at: REQUESTED_AT, reason: 'privacy' });
      given(shop, request)
        .when(confirmUnlink('acc-off'), confirming())
        .then([accountUnlinked('acc-off', 'official', { reason: 'privacy', count: 1 })]);
    });

    it('the 3rd official unlink carries the count 3', () => {
      given(graduatedShop(), pastOfficialUnlinks(2), linkedLongAgo('acc-off', 'official'), officialRequest)
        .when(confirmUnlink('acc-off'), confirming())
        .then([accountUnlinked('acc-off', 'official', { count: 3 })]);
    });

    it('a marketing account’s unlink is not counted (0) and leaves the shop’s count as it was', () => {
      const history = [...graduatedShop(), ...pastOfficialUnlinks(1), ...shop.slice(graduatedShop().length), marketingRequest];
      const events = given(history)
        .when(confirmUnlink('acc-mkt'), confirming())
        .then([accountUnlinked('acc-mkt', 'marketing', { count: 0 })]);
      expect(stateAfter(history, events).officialUnlinkCount).toBe(1);
    });

    it('a millisecond before the window closes: unlinked', () => {
      const justInTime = new Date(CODE_EXPIRES.getTime() - 1);
      given(shop, officialRequest)
        .when(confirmUnlink('acc-off'), confirming(justInTime))
        .then([accountUnlinked('acc-off', 'official', { at: justInTime })]);
    });
  });

  describe('blockers that appeared after the request', () => {
    it.each([
      ['ORDERS_AWAITING_FULFILMENT', [orderPlaced('o-1', 2500, NOW)]],
      ['WITHDRAWAL_IN_FLIGHT', [fundsCredited('s-1', 5_000, { at: NOW }), withdrawalRequested('w-1', 5_000, NOW)]],
    ])('refuse the right code with UNLINK_BLOCKED (%s); nothing is recorded', (code, extra) => {
      given(shop, officialRequest, extra).when(confirmUnlink('acc-off'), confirming()).thenThrows('UNLINK_BLOCKED', [code]);
    });

    it('once cleared within the window, the same request and code unlink', () => {
      given(shop, officialRequest, orderPlaced('o-1', 2500, NOW), orderFulfilled('o-1', minutesAfter(NOW, 5)))
        .when(confirmUnlink('acc-off'), confirming(minutesAfter(NOW, 6)))
        .then([accountUnlinked('acc-off', 'official', { at: minutesAfter(NOW, 6) })]);
    });
  });

  describe('with a wrong code', () => {
    const failed = (failedAttempts: number, attemptsLeft: number): ShopEvent => ({
      type: 'UnlinkConfirmationFailed',
      data: { shopId: SHOP_ID, accountId: 'acc-off', requestId: 'unlink-acc-off', failedAttempts, attemptsLeft, failedAt: iso(NOW) },
    });
    const locked: ShopEvent = {
      type: 'UnlinkRequestLocked',
      data: { shopId: SHOP_ID, accountId: 'acc-off', requestId: 'unlink-acc-off', lockedAt: iso(NOW) },
    };

    it('counts each wrong try; the 5th locks the request', () => {
      const history: ShopEvent[] = [...shop, officialRequest];
      const expected = [[failed(1, 4)], [failed(2, 3)], [failed(3, 2)], [failed(4, 1)], [failed(5, 0), locked]];
      for (const [i, events] of expected.entries()) {
        const decided = given(history).when(confirmUnlink('acc-off', WRONG_CODE), confirming()).then(events);
        history.push(...decided);
        if (i < 4) expect(stateAfter(history).unlinkRequests['unlink-acc-off'].failedAttempts).toBe(i + 1);
      }
      expect(stateAfter(history).unlinkRequests).toEqual({});
      expect(stateAfter(history).links['acc-off']).toBeDefined();
    });

    it('says how many attempts are left (UNLINK_CODE_INVALID), then that the request is locked (UNLINK_REQUEST_LOCKED)', () => {
      expect(recordedRefusalOf('ConfirmUnlink', [failed(1, 4)])).toEqual({
        code: 'UNLINK_CODE_INVALID',
        message: 'The confirmation code is wrong; 4 attempts left before unlink request unlink-acc-off is locked',
        details: [
          {
            code: 'UNLINK_CODE_INVALID',
            message: 'The confirmation code is wrong; 4 attempts left before unlink request unlink-acc-off is locked',
          },
        ],
      });
      expect(recordedRefusalOf('ConfirmUnlink', [failed(4, 1)])?.message).toContain('1 attempt left');
      expect(recordedRefusalOf('ConfirmUnlink', [failed(5, 0), locked])).toMatchObject({
        code: 'UNLINK_REQUEST_LOCKED',
        details: [{ code: 'UNLINK_REQUEST_LOCKED' }],
      });
    });

    it.each([
      ['the right code', undefined],
      ['a wrong code', WRONG_CODE],
    ])('%s after the lock: UNLINK_REQUEST_LOCKED, nothing recorded', (_name, code) => {
      const fourFailed = [failed(1, 4), failed(2, 3), failed(3, 2), failed(4, 1)];
      given(shop, officialRequest, fourFailed, failed(5, 0), locked)
        .when(confirmUnlink('acc-off', code), confirming())
        .thenThrows('UNLINK_REQUEST_LOCKED');
    });

    it('cancelling a locked request: UNLINK_REQUEST_LOCKED', () => {
      given(shop, officialRequest, failed(1, 4), failed(2, 3), failed(3, 2), failed(4, 1), failed(5, 0), locked)
        .when(cancelUnlink('acc-off', 'unlink-acc-off'))
        .thenThrows('UNLINK_REQUEST_LOCKED');
    });

    it('the right code after four wrong ones still unlinks', () => {
      const fourFailed = [failed(1, 4), failed(2, 3), failed(3, 2), failed(4, 1)];
      given(shop, officialRequest, fourFailed)
        .when(confirmUnlink('acc-off'), confirming())
        .then([accountUnlinked('acc-off', 'official')]);
    });

    it('the number of wrong tries follows the policy', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, unlinkMaxWrongCodes: 2 };
      given(shop, officialRequest, failed(1, 1))
        .when(confirmUnlink('acc-off', WRONG_CODE), confirming(NOW, { policy }))
        .then([failed(2, 0), locked]);
    });

    it('a wrong code after the window closed records the expiry, not a failed try', () => {
      given(shop, officialRequest)
        .when(confirmUnlink('acc-off', WRONG_CODE), confirming(CODE_EXPIRES))
        .then([expiredEvent('acc-off', CODE_EXPIRES)]);
    });
  });

  describe('after the window (15 minutes)', () => {
    it('at exactly 15 minutes the right code is refused: the expiry is recorded (UNLINK_REQUEST_EXPIRED)', () => {
      const events = given(shop, officialRequest)
        .when(confirmUnlink('acc-off'), confirming(CODE_EXPIRES))
        .then([expiredEvent('acc-off', CODE_EXPIRES)]);
      expect(recordedRefusalOf('ConfirmUnlink', events)).toEqual({
        code: 'UNLINK_REQUEST_EXPIRED',
        message: 'Unlink request unlink-acc-off has expired; request a new unlink to get a new code',
        details: [
          { code: 'UNLINK_REQUEST_EXPIRED', message: 'Unlink request unlink-acc-off has expired; request a new unlink to get a new code' },
        ],
      });
      expect(stateAfter(shop, officialRequest, events).unlinkRequests).toEqual({});
    });
  });

  describe('UNLINK_REQUEST_NOT_FOUND (not found)', () => {
    it.each([
      ['an unknown request id', confirmUnlink('acc-off', UNLINK_CODE, 'r-unknown')],
      ['a request of another account', confirmUnlink('acc-mkt', UNLINK_CODE, 'unlink-acc-off')],
    ])('for %s', (_name, command) => {
      const violation = given(shop, officialRequest).when(command, confirming()).thenThrows('UNLINK_REQUEST_NOT_FOUND');
      expect(violation.kind).toBe('not_found');
    });

    it('for a confirmed, cancelled or expired request', () => {
      given(shop, officialRequest, accountUnlinked('acc-off', 'official', { at: NOW }))
        .when(confirmUnlink('acc-off'), confirming())
        .thenThrows('UNLINK_REQUEST_NOT_FOUND');
      given(shop, officialRequest, {
        type: 'UnlinkRequestCancelled',
        data: { shopId: SHOP_ID, accountId: 'acc-off', requestId: 'unlink-acc-off', cancelledAt: iso(NOW) },
      })
        .when(confirmUnlink('acc-off'), confirming())
        .thenThrows('UNLINK_REQUEST_NOT_FOUND');
      given(shop, officialRequest, expiredEvent('acc-off'))
        .when(confirmUnlink('acc-off'), confirming())
        .thenThrows('UNLINK_REQUEST_NOT_FOUND');
    });
  });
});

describe('CancelUnlink', () => {
  const cancelled = (at = NOW): ShopEvent => ({
    type: 'UnlinkRequestCancelled',
    data: { shopId: SHOP_ID, accountId: 'acc-off', requestId: 'unlink-acc-off', cancelledAt: iso(at) },
  });

  it('cancels the open request; the account stays linked and a new request may follow', () => {
    const events = given(shop, officialRequest).when(cancelUnlink('acc-off')).then([cancelled()]);
    expect(recordedRefusalOf('CancelUnlink', events)).toBeNull();
    const after = stateAfter(shop, officialRequest, events);
    expect(after.unlinkRequests).toEqual({});
    expect(after.links['acc-off'].state).toBe('linked');
    given(shop, officialRequest, events)
      .when(requestUnlink('acc-off', { requestId: 'r-2' }))
      .then([unlinkRequested('acc-off', 'official', { at: NOW, requestId: 'r-2' })]);
  });

  it('a confirmation after the cancellation finds no request', () => {
    given(shop, officialRequest, cancelled()).when(confirmUnlink('acc-off'), confirming()).thenThrows('UNLINK_REQUEST_NOT_FOUND');
  });

  it('UNLINK_REQUEST_NOT_FOUND for an unknown request, another account’s, or one already closed', () => {
    given(shop, officialRequest).when(cancelUnlink('acc-off', 'r-unknown')).thenThrows('UNLINK_REQUEST_NOT_FOUND');
    given(shop, officialRequest).when(cancelUnlink('acc-mkt', 'unlink-acc-off')).thenThrows('UNLINK_REQUEST_NOT_FOUND');
    given(shop, officialRequest, cancelled()).when(cancelUnlink('acc-off')).thenThrows('UNLINK_REQUEST_NOT_FOUND');
  });

  it('past its window, the request has already expired: that is recorded, and it is closed as asked (no refusal)', () => {
    const events = given(shop, officialRequest)
      .when(cancelUnlink('acc-off'), { now: CODE_EXPIRES })
      .then([expiredEvent('acc-off', CODE_EXPIRES)]);
    expect(recordedRefusalOf('CancelUnlink', events)).toBeNull();
  });
});

describe('ExpireUnlinkRequest (the sweeper)', () => {
  const SWEEPER: Actor = { kind: 'system', id: 'expiry' };

  it('is for systems only: a member may not expire a request', () => {
    given(shop, officialRequest).when(expireUnlinkRequest('acc-off'), { now: CODE_EXPIRES }).thenThrows('FORBIDDEN_ROLE');
  });

  it('records the expiry at or after the end of the window', () => {
    const events = given(shop, officialRequest)
      .when(expireUnlinkRequest('acc-off'), { actor: SWEEPER, now: CODE_EXPIRES })
      .then([expiredEvent('acc-off', CODE_EXPIRES)]);
    expect(recordedRefusalOf('ExpireUnlinkRequest', events)).toBeNull();
    given(shop, officialRequest)
      .when(expireUnlinkRequest('acc-off'), { actor: SWEEPER, now: hoursAfter(NOW, 5) })
      .then([expiredEvent('acc-off', hoursAfter(NOW, 5))]);
  });

  it('UNLINK_REQUEST_NOT_EXPIRED (rule) while the code is valid, saying until when', () => {
    const violation = given(shop, officialRequest)
      .when(expireUnlinkRequest('acc-off'), { actor: SWEEPER, now: new Date(CODE_EXPIRES.getTime() - 1) })
      .thenThrows('UNLINK_REQUEST_NOT_EXPIRED', ['UNLINK_REQUEST_NOT_EXPIRED']);
    expect(violation.kind).toBe('rule');
    expect(violation.message).toBe('Unlink request unlink-acc-off may be confirmed until 2025-03-01T10:14:00.000Z');
  });

  it('UNLINK_REQUEST_NOT_FOUND for a request already closed', () => {
    given(shop, officialRequest, expiredEvent('acc-off'))
      .when(expireUnlinkRequest('acc-off'), { actor: SWEEPER, now: CODE_EXPIRES })
      .thenThrows('UNLINK_REQUEST_NOT_FOUND');
  });
});

describe('who may unlink', () => {
  const team = [
    accessGranted('m-admin', 'admin'),
    accessGranted('m-operator', 'operator'),
    accessGranted('m-finance', 'finance'),
    accessGranted('m-viewer', 'viewer'),
  ];
  const as = (id: string, o: Partial<ShopDecisionContext> = {}): Partial<ShopDecisionContext> => ({ actor: member(id), ...o });

  it('an operator may request, confirm and cancel unlinks of marketing accounts', () => {
    given(shop, team)
      .when(requestUnlink('acc-mkt'), as('m-operator'))
      .then([unlinkRequested('acc-mkt', 'marketing', { at: NOW })]);
    given(shop, team, marketingRequest)
      .when(confirmUnlink('acc-mkt'), as('m-operator', confirming()))
      .then([accountUnlinked('acc-mkt', 'marketing', { count: 0 })]);
    given(shop, team, marketingRequest)
      .when(cancelUnlink('acc-mkt'), as('m-operator'))
      .then([expect.objectContaining({ type: 'UnlinkRequestCancelled' })]);
  });

  it('only an admin unlinks the official account: an operator is refused at every step', () => {
    given(shop, team).when(requestUnlink('acc-off'), as('m-operator')).thenThrows('FORBIDDEN_ROLE');
    given(shop, team, officialRequest).when(confirmUnlink('acc-off'), as('m-operator', confirming())).thenThrows('FORBIDDEN_ROLE');
    given(shop, team, officialRequest).when(cancelUnlink('acc-off'), as('m-operator')).thenThrows('FORBIDDEN_ROLE');
    given(shop, team)
      .when(requestUnlink('acc-off'), as('m-admin'))
      .then([unlinkRequested('acc-off', 'official', { at: NOW })]);
  });

  it.each(['m-finance', 'm-viewer', 'm-stranger'])('%s may not request an unlink of any account', (id) => {
    given(shop, team).when(requestUnlink('acc-mkt'), as(id)).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('relink after unlink', () => {
  const unlinkedHistory = (role: LinkRole): ShopEvent[] => {
    const accountId = role === 'official' ? 'acc-off' : 'acc-mkt';
    return [
      ...shop,
      campaignStarted('c-1', accountId),
      {
        type: 'CampaignTerminated',
        data: { shopId: SHOP_ID, campaignId: 'c-1', accountId, reason: 'account_unlinked', terminatedAt: iso(hoursBefore(NOW, 5)) },
      },
      accountUnlinked(accountId, role, { count: role === 'official' ? 1 : 0, at: hoursBefore(NOW, 5) }),
    ];
  };

  it.each(['official', 'marketing'] as const)(
    'a %s account is judged afresh and awaits a new authorization; nothing of the old link comes back',
    (role) => {
      const accountId = role === 'official' ? 'acc-off' : 'acc-mkt';
      const history = unlinkedHistory(role);
      const [requested] = given(history).when(requestLink(accountId, role)).decide();
      expect(requested).toMatchObject({ type: 'AccountLinkRequested', data: { accountId, role, requestedAt: iso(NOW) } });
      const pending = stateAfter(history, requested);
      expect(pending.links[accountId]).toMatchObject({ state: 'awaiting_authorization', linkedAt: null, requestedAt: iso(NOW) });
      expect(pending.campaigns['c-1'].state).toBe('terminated');

      // Linked again only with the scopes granted now.
      const granted = [...DEFAULT_SHOP_POLICY.requiredScopes[role], 'extra.scope'];
      const relinked = given(history, requested)
        .when(grantAuthorization(accountId, granted), { actor: OAUTH_RELAY, now: hoursAfter(NOW, 1) })
        .decide();
      expect(relinked[relinked.length - 1]).toMatchObject({
        type: 'AccountLinked',
        data: { scopes: granted, linkedAt: iso(hoursAfter(NOW, 1)) },
      });
      const after = stateAfter(history, requested, relinked);
      expect(after.links[accountId]).toMatchObject({ state: 'linked', linkedAt: iso(hoursAfter(NOW, 1)) });
      expect(after.campaigns['c-1'].state).toBe('terminated');
      expect(after.unlinkRequests).toEqual({});
    },
  );

  it('the new request meets today’s rules: an account now restricted is rejected', () => {
    const [event] = given(unlinkedHistory('official'))
      .when(requestLink('acc-off', 'official', { activeGuidelineRestriction: true }))
      .decide();
    expect(event).toMatchObject({ type: 'AccountLinkRejected', data: { reasons: ['GUIDELINE_RESTRICTION_ACTIVE'] } });
  });

  it('the relinked account must again wait 24 h before the next unlink; the official count carries on', () => {
    const history = unlinkedHistory('official');
    const requested = given(history).when(requestLink('acc-off', 'official')).decide();
    const relinked = given(history, requested)
      .when(grantAuthorization('acc-off', DEFAULT_SHOP_POLICY.requiredScopes.official), { actor: OAUTH_RELAY })
      .decide();
    given(history, requested, relinked)
      .when(requestUnlink('acc-off', { requestId: 'r-2' }), { now: hoursAfter(NOW, 2) })
      .thenThrows('UNLINK_BLOCKED', ['TOO_SOON_AFTER_LINKING']);
    expect(stateAfter(history, requested, relinked).officialUnlinkCount).toBe(1);
  });
});

describe('evolve: what the unlink events do to the shop', () => {
  it('UnlinkRequested opens a request; UnlinkConfirmationFailed counts the failures', () => {
    const failed: ShopEvent = {
      type: 'UnlinkConfirmationFailed',
      data: { shopId: SHOP_ID, accountId: 'acc-off', requestId: 'unlink-acc-off', failedAttempts: 2, attemptsLeft: 3, failedAt: iso(NOW) },
    };
    expect(stateAfter(shop, officialRequest).unlinkRequests['unlink-acc-off']).toMatchObject({
      accountId: 'acc-off',
      role: 'official',
      failedAttempts: 0,
      expiresAt: iso(CODE_EXPIRES),
    });
    expect(stateAfter(shop, officialRequest, failed).unlinkRequests['unlink-acc-off'].failedAttempts).toBe(2);
  });

  it.each(['UnlinkRequestLocked', 'UnlinkRequestCancelled', 'UnlinkRequestExpired'] as const)(
    '%s closes the request and keeps the link and the other requests',
    (type) => {
      const at = type === 'UnlinkRequestLocked' ? 'lockedAt' : type === 'UnlinkRequestCancelled' ? 'cancelledAt' : 'expiredAt';
      const closing = {
        type,
        data: { shopId: SHOP_ID, accountId: 'acc-off', requestId: 'unlink-acc-off', [at]: iso(NOW) },
      } as unknown as ShopEvent;
      const after = stateAfter(shop, officialRequest, marketingRequest, closing);
      expect(Object.keys(after.unlinkRequests)).toEqual(['unlink-acc-mkt']);
      expect(after.links['acc-off'].state).toBe('linked');
    },
  );

  it('AccountUnlinked removes the link and every open request of the account; an official one sets the shop’s count', () => {
    const after = stateAfter(
      shop,
      officialRequest,
      marketingRequest,
      accountUnlinked('acc-off', 'official', { mode: 'emergency', requestId: null, count: 2 }),
    );
    expect(Object.keys(after.links)).toEqual(['acc-mkt']);
    expect(Object.keys(after.unlinkRequests)).toEqual(['unlink-acc-mkt']);
    expect(after.officialUnlinkCount).toBe(2);
  });

  it('AccountUnlinked of a marketing account leaves the count alone', () => {
    const after = stateAfter(
      graduatedShop(),
      pastOfficialUnlinks(2),
      linkedLongAgo('acc-mkt', 'marketing'),
      accountUnlinked('acc-mkt', 'marketing', { count: 0 }),
    );
    expect(after.officialUnlinkCount).toBe(2);
    expect(after.links).toEqual({});
  });
});
