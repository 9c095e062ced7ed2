import { evolveShop, foldShop, foldShopInPlace } from './evolve-shop';
import { ShopEvent } from './shop.events';
import { initialShopState, RegisteredShop, ShopState } from './shop.state';
import {
  accessGranted,
  accountLinked,
  graduatedShop,
  hoursAfter,
  hoursBefore,
  iso,
  linkRequested,
  NOW,
  OWNER_ID,
  registeredShop,
  SHOP_ID,
  verificationSubmitted,
  verifiedShop,
} from './testing/shop.specification';

const registered = (state: ShopState): RegisteredShop => {
  if (!state.registered) throw new Error('expected a registered shop');
  return state;
};
const shopAfter = (...history: (ShopEvent | readonly ShopEvent[])[]): RegisteredShop => registered(foldShop(history.flat()));

describe('evolveShop', () => {
  it('starts from an unregistered shop', () => {
    expect(initialShopState).toEqual({ registered: false });
    expect(foldShop([])).toEqual({ registered: false });
  });

  it('ShopRegistered: a probation, active, unverified shop whose owner is admin and which has no links', () => {
    expect(foldShop(registeredShop({ kind: 'individual', region: 'DE' }))).toEqual({
      registered: true,
      shopId: SHOP_ID,
      name: 'Acme Goods',
      region: 'DE',
      currency: 'EUR',
      kind: 'individual',
      stage: 'probation',
      status: 'active',
      verification: 'unverified',
      ownerMemberId: OWNER_ID,
      members: { [OWNER_ID]: 'admin' },
      links: {},
      unlinkRequests: {},
      lockedUnlinkRequests: {},
      officialUnlinkCount: 0,
      money: { available: 0, pendingWithdrawal: 0, frozen: 0 },
      withdrawals: {},
      settlements: {},
      orders: {},
      lastOrderClosedAt: null,
      campaigns: {},
      incidents: {},
      deactivatedAt: null,
      personalDataForgotten: false,
      restrictions: {},
      policyViolationUnlinkCount: 0,
      closedAt: null,
      personalDataEverForgotten: false,
      afterSalesCases: {},
    });
  });

  it('ignores events that arrive before registration (a corrupt stream does not invent a shop)', () => {
    expect(foldShop([verificationSubmitted(), accessGranted('m-2', 'viewer')])).toEqual({ registered: false });
  });

  it('ignores a second ShopRegistered', () => {
    const first = shopAfter(registeredShop(), accessGranted('m-2', 'viewer'));
    const again = evolveShop(first, registeredShop({ kind: 'individual', region: 'FR' })[0]);
    expect(again).toEqual(first);
  });

  describe('verification', () => {
    it('submitted → pending, verified → verified', () => {
      expect(shopAfter(registeredShop(), verificationSubmitted()).verification).toBe('pending');
      expect(shopAfter(verifiedShop()).verification).toBe('verified');
    });

    it('rejected → rejected, resubmitted → pending again', () => {
      const rejected: ShopEvent = {
        type: 'BusinessVerificationRejected',
        data: { shopId: SHOP_ID, reasons: ['x'], rejectedAt: iso(hoursBefore(NOW, 3)) },
      };
      expect(shopAfter(registeredShop(), verificationSubmitted(), rejected).verification).toBe('rejected');
      expect(
        shopAfter(registeredShop(), verificationSubmitted(), rejected, verificationSubmitted(SHOP_ID, hoursBefore(NOW, 1))).verification,
      ).toBe('pending');
    });
  });

  describe('access', () => {
    it('AccessGranted adds or changes a member’s role; AccessRevoked removes the member', () => {
      const granted = shopAfter(registeredShop(), accessGranted('m-2', 'viewer'), accessGranted('m-3', 'finance'));
      expect(granted.members).toEqual({ [OWNER_ID]: 'admin', 'm-2': 'viewer', 'm-3': 'finance' });
      const changed = shopAfter(registeredShop(), accessGranted('m-2', 'viewer'), accessGranted('m-2', 'operator'));
      expect(changed.members).toEqual({ [OWNER_ID]: 'admin', 'm-2': 'operator' });
      const revoked = evolveShop(granted, { type: 'AccessRevoked', data: { shopId: SHOP_ID, memberId: 'm-2', revokedAt: iso(NOW) } });
      expect(registered(revoked).members).toEqual({ [OWNER_ID]: 'admin', 'm-3': 'finance' });
    });
  });

  it('ShopGraduatedFromProbation → graduated, everything else unchanged', () => {
    const before = shopAfter(verifiedShop());
    const after = shopAfter(graduatedShop());
    expect(after).toEqual({ ...before, stage: 'graduated' });
  });

  describe('links', () => {
    it('AccountLinkRequested adds a link awaiting authorization', () => {
      const request = linkRequested('acc-1', 'official', { at: NOW });
      expect(shopAfter(verifiedShop(), request).links).toEqual({
        'acc-1': {
          accountId: 'acc-1',
          handle: '@acc-1',
          role: 'official',
          state: 'awaiting_authorization',
          requestedAt: iso(NOW),
          authorizationExpiresAt: iso(hoursAfter(NOW, 48)),
          linkedAt: null,
          replacesAccountId: null,
        },
      });
    });

    it('AccountLinkRejected and AccountLinkAuthorized change nothing', () => {
      const before = shopAfter(verifiedShop(), linkRequested('acc-1', 'official', { at: NOW }));
      const rejected: ShopEvent = {
        type: 'AccountLinkRejected',
        data: {
          shopId: SHOP_ID,
          accountId: 'acc-2',
          role: 'marketing',
          profile: linkRequested('acc-2', 'marketing').data.profile,
          reasons: ['OWNER_UNDERAGE'],
          rejectedAt: iso(NOW),
        },
      };
      const authorized: ShopEvent = {
        type: 'AccountLinkAuthorized',
        data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'official', grantedScopes: ['a'], authorizedAt: iso(NOW) },
      };
      expect(evolveShop(before, rejected)).toEqual(before);
      expect(evolveShop(before, authorized)).toEqual(before);
    });

    it('AccountLinked turns the request into a link, keeping when it was requested', () => {
      const at = hoursBefore(NOW, 24);
      expect(shopAfter(verifiedShop(), accountLinked('acc-1', 'official', { at })).links['acc-1']).toEqual({
        accountId: 'acc-1',
        handle: '@acc-1',
        role: 'official',
        state: 'linked',
        requestedAt: iso(at),
        authorizationExpiresAt: iso(hoursAfter(at, 48)),
        linkedAt: iso(hoursAfter(at, 1)),
        replacesAccountId: null,
      });
    });

    it('AccountLinked without a recorded request still yields a link (dated by the link)', () => {
      const linked: ShopEvent = {
        type: 'AccountLinked',
        data: { shopId: SHOP_ID, accountId: 'acc-9', handle: '@nine', role: 'marketing', scopes: ['ads.manage'], linkedAt: iso(NOW) },
      };
      expect(shopAfter(verifiedShop(), linked).links['acc-9']).toEqual({
        accountId: 'acc-9',
        handle: '@nine',
        role: 'marketing',
        state: 'linked',
        requestedAt: iso(NOW),
        authorizationExpiresAt: iso(NOW),
        linkedAt: iso(NOW),
        replacesAccountId: null,
      });
    });

    it('LinkAuthorizationDenied removes the request and keeps the other links', () => {
      const shop = shopAfter(graduatedShop(), accountLinked('acc-keep', 'official'), linkRequested('acc-1', 'marketing'));
      const after = evolveShop(shop, {
        type: 'LinkAuthorizationDenied',
        data: {
          shopId: SHOP_ID,
          accountId: 'acc-1',
          role: 'marketing',
          reason: 'OWNER_DENIED',
          grantedScopes: [],
          missingScopes: ['ads.manage'],
          deniedAt: iso(NOW),
        },
      });
      expect(Object.keys(registered(after).links)).toEqual(['acc-keep']);
      expect(registered(after).links['acc-keep']).toEqual(shop.links['acc-keep']);
    });

    it('LinkAuthorizationExpired removes the request and keeps the other links', () => {
      const shop = shopAfter(graduatedShop(), linkRequested('acc-1', 'marketing'), linkRequested('acc-2', 'marketing'));
      const after = evolveShop(shop, {
        type: 'LinkAuthorizationExpired',
        data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'marketing', expiredAt: iso(NOW) },
      });
      expect(Object.keys(registered(after).links)).toEqual(['acc-2']);
    });

    it('a request after an expiry starts afresh', () => {
      const first = linkRequested('acc-1', 'marketing', { at: hoursBefore(NOW, 60) });
      const expired: ShopEvent = {
        type: 'LinkAuthorizationExpired',
        data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'marketing', expiredAt: iso(hoursBefore(NOW, 1)) },
      };
      const second = linkRequested('acc-1', 'official', { at: NOW });
      const link = shopAfter(verifiedShop(), first, expired, second).links['acc-1'];
      expect(link).toMatchObject({ role: 'official', state: 'awaiting_authorization', requestedAt: iso(NOW) });
    });
  });

  it('is pure: replaying the same events gives the same state and never mutates the previous one', () => {
    const history = [
      ...graduatedShop(),
      accessGranted('m-2', 'viewer'),
      ...accountLinked('acc-1', 'official'),
      linkRequested('acc-2', 'marketing'),
    ];
    const snapshot = JSON.parse(JSON.stringify(foldShop(history.slice(0, 5))));
    const before = foldShop(history.slice(0, 5));
    const after = history.slice(5).reduce(evolveShop, before);
    expect(before).toEqual(snapshot);
    expect(after).toEqual(foldShop(history));
    expect(foldShop(history)).toEqual(foldShop(JSON.parse(JSON.stringify(history))));
  });
});

describe('foldShopInPlace', () => {
  it('gives the state evolveShop gives, changing the state it owns instead of copying, while evolveShop leaves its input alone', () => {
    const history = [
      ...verifiedShop(),
      accessGranted('m-2', 'finance'),
      linkRequested('acc-1', 'marketing'),
      ...accountLinked('acc-2', 'official'),
    ];
    const pure = foldShop(history);
    const before = JSON.stringify(pure);
    const owned = foldShopInPlace(JSON.parse(before) as ShopState, []);
    expect(owned).toEqual(pure);
    const next = evolveShop(pure, { type: 'AccessRevoked', data: { shopId: SHOP_ID, memberId: 'm-2', revokedAt: iso(NOW) } });
    expect(JSON.stringify(pure)).toBe(before);
    const inPlace = foldShopInPlace(owned, [{ type: 'AccessRevoked', data: { shopId: SHOP_ID, memberId: 'm-2', revokedAt: iso(NOW) } }]);
    expect(inPlace).toEqual(next);
    expect(registered(owned).members).toBe(registered(inPlace).members); // the same collection, changed in place
    expect(foldShopInPlace(initialShopState, history)).toEqual(pure);
  });
});
