import { ShopEvent } from '../domain/shop.events';
import {
  decideLinkSupersessionSteps,
  evolveLinkSupersession,
  initialLinkSupersession,
  isLinkSupersessionOpen,
  LinkSupersessionStep,
} from './link-supersession.workflow';

const ACCOUNT = 'acct-1';
const AT = '2026-06-01T12:00:00.000Z';
const requestedAt = (shopId: string): string => `2026-06-01T10:00:00.${shopId.slice(-1).padStart(3, '0')}Z`;

const requested = (shopId: string): ShopEvent => ({
  type: 'AccountLinkRequested',
  data: {
    shopId,
    accountId: ACCOUNT,
    role: 'official',
    profile: {
      handle: '@c',
      kind: 'business',
      followers: 0,
      ownerAge: 30,
      region: 'GB',
      ecommercePermissionRevoked: false,
      activeGuidelineRestriction: false,
      recentViolations: 0,
    },
    requestedScopes: [],
    requestedAt: requestedAt(shopId),
    authorizationExpiresAt: AT,
    replacesAccountId: null,
  },
});
const linked = (shopId: string): ShopEvent => ({
  type: 'AccountLinked',
  data: { shopId, accountId: ACCOUNT, handle: '@c', role: 'official', scopes: [], linkedAt: AT },
});
const superseded = (shopId: string, linkedShopId: string): ShopEvent => ({
  type: 'LinkRequestSuperseded',
  data: { shopId, accountId: ACCOUNT, role: 'official', linkedShopId, supersededAt: AT },
});
const cancelled = (shopId: string): ShopEvent => ({
  type: 'LinkRequestCancelled',
  data: { shopId, accountId: ACCOUNT, role: 'official', cancelledAt: AT },
});
const unlinked = (shopId: string): ShopEvent =>
  ({
    type: 'AccountUnlinked',
    data: { shopId, accountId: ACCOUNT, role: 'official', mode: 'confirmed', reason: 'other', unlinkedAt: AT },
  }) as unknown as ShopEvent;

const step = (shopId: string): LinkSupersessionStep => ({
  shopId,
  commandId: `supersede:${shopId}:${ACCOUNT}:${requestedAt(shopId)}`,
  command: { type: 'SupersedeLinkRequest', data: { accountId: ACCOUNT, requestedAt: requestedAt(shopId) } },
});

/** given the events the shops recorded about the account, then these requests are left to close. */
const given = (...events: ShopEvent[]) => {
  const state = events.reduce(evolveLinkSupersession, initialLinkSupersession(ACCOUNT));
  return {
    thenSteps: (expected: LinkSupersessionStep[]) => {
      expect(decideLinkSupersessionSteps(state)).toEqual(expected);
      expect(isLinkSupersessionOpen(state)).toBe(expected.length > 0);
    },
  };
};

describe('the link-supersession workflow (pure)', () => {
  it('requests of several shops, none linked yet: nothing to close', () => {
    given(requested('shop-a'), requested('shop-b')).thenSteps([]);
  });

  it('one shop links the account: every other shop’s pending request is closed, one step each', () => {
    given(requested('shop-a'), requested('shop-b'), requested('shop-c'), linked('shop-b')).thenSteps([step('shop-a'), step('shop-c')]);
  });

  it('a request recorded after the link (decided before the link was seen) is closed too', () => {
    given(requested('shop-a'), linked('shop-a'), requested('shop-z')).thenSteps([step('shop-z')]);
  });

  it('each request is closed once: recorded supersessions leave nothing to do (a restart resends nothing)', () => {
    given(requested('shop-a'), requested('shop-b'), linked('shop-a'), superseded('shop-b', 'shop-a')).thenSteps([]);
  });

  it('a request cancelled, denied or expired meanwhile is not closed again', () => {
    given(requested('shop-a'), requested('shop-b'), cancelled('shop-b'), linked('shop-a')).thenSteps([]);
  });

  it('after the holder unlinks, pending requests of other shops may link again: nothing to close', () => {
    given(requested('shop-a'), linked('shop-a'), unlinked('shop-a'), requested('shop-b')).thenSteps([]);
  });

  it('a new request of a shop whose request was superseded gets its own step (a new command id)', () => {
    const first = requestedAt('shop-b');
    const again: ShopEvent = { ...requested('shop-b'), data: { ...(requested('shop-b').data as object), requestedAt: AT } } as ShopEvent;
    const state = [requested('shop-b'), linked('shop-a'), superseded('shop-b', 'shop-a'), again].reduce(
      evolveLinkSupersession,
      initialLinkSupersession(ACCOUNT),
    );
    const [only] = decideLinkSupersessionSteps(state);
    expect(only.commandId).toBe(`supersede:shop-b:${ACCOUNT}:${AT}`);
    expect(only.commandId).not.toContain(first);
  });

  it('the command id is derived from the request alone, so a step sent twice is the same command', () => {
    const events = [requested('shop-a'), requested('shop-b'), linked('shop-a')];
    const once = decideLinkSupersessionSteps(events.reduce(evolveLinkSupersession, initialLinkSupersession(ACCOUNT)));
    const twice = decideLinkSupersessionSteps(events.reduce(evolveLinkSupersession, initialLinkSupersession(ACCOUNT)));
    expect(twice).toEqual(once);
  });
});
