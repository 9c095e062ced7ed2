import { foldShop } from './evolve-shop';
import { DEFAULT_SHOP_POLICY } from './shop-policy';
import { ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import {
  accountLinked,
  denyAuthorization,
  grantAuthorization,
  linkRequested,
  OAUTH_RELAY,
  accountUnlinked,
  campaignStarted,
  enforceUnlink,
  fundsCredited,
  given,
  graduatedShop,
  hoursBefore,
  iso,
  liftRestriction,
  linkedLongAgo,
  NOW,
  orderPlaced,
  OWNER,
  pastOfficialUnlinks,
  requestLink,
  restrictionLifted,
  restrictShop,
  SECURITY_SERVICE,
  SHOP_ID,
  shopRestricted,
  startCampaign,
  SUPPORT_AGENT,
  switchOfficialAccount,
  TRUST_AND_SAFETY,
  withdrawalRequested,
} from './testing/shop.specification';

const stateAfter = (...history: (ShopEvent | readonly ShopEvent[])[]): RegisteredShop => foldShop(history.flat()) as RegisteredShop;
const tns = { actor: TRUST_AND_SAFETY };

/** A graduated business shop with an official account (acc-off) and a marketing account (acc-mkt), linked 30 days ago. */
const shop: ShopEvent[] = [...graduatedShop(), ...linkedLongAgo('acc-off', 'official'), ...linkedLongAgo('acc-mkt', 'marketing')];

const forViolation = (accountId: string, role: 'official' | 'marketing', count: number): ShopEvent => ({
  type: 'AccountUnlinkedForPolicyViolation',
  data: {
    shopId: SHOP_ID,
    accountId,
    role,
    violation: 'counterfeit goods promoted',
    policyViolationUnlinkCount: count,
    enforcedAt: iso(NOW),
  },
});
const enforcedUnlinked = (accountId: string, role: 'official' | 'marketing', officialCount: number): ShopEvent =>
  accountUnlinked(accountId, role, { reason: 'policy_violation', mode: 'enforced', requestId: null, count: officialCount });

describe('EnforceUnlink (trust and safety, policy violation)', () => {
  it('unlinks at once with no code, freezes nothing, and counts it', () => {
    const history = [...shop, fundsCredited('s-1', 5_000)];
    const events = given(history)
      .when(enforceUnlink('acc-mkt'), tns)
      .then([forViolation('acc-mkt', 'marketing', 1), enforcedUnlinked('acc-mkt', 'marketing', 0)]);
    const after = stateAfter(history, events);
    expect(after.links['acc-mkt']).toBeUndefined();
    expect(after.policyViolationUnlinkCount).toBe(1);
    expect(after.money).toEqual({ available: 5_000, pendingWithdrawal: 0, frozen: 0 });
    expect(after.incidents).toEqual({});
  });

  it('is not blocked by orders, a withdrawal, 1 h after linking nor the allowance of official unlinks; counted in both counts', () => {
    const history = [
      ...graduatedShop(),
      ...pastOfficialUnlinks(3),
      ...accountLinked('acc-off', 'official', { at: hoursBefore(NOW, 1) }),
      orderPlaced('o-1'),
      fundsCredited('s-1', 10_000),
      withdrawalRequested('w-1', 3_000),
    ];
    const events = given(history)
      .when(enforceUnlink('acc-off'), tns)
      .then([forViolation('acc-off', 'official', 1), enforcedUnlinked('acc-off', 'official', 4)]);
    expect(stateAfter(history, events).officialUnlinkCount).toBe(4);
  });

  it('ends the campaigns run through the account', () => {
    const events = given(shop, campaignStarted('c-1', 'acc-mkt')).when(enforceUnlink('acc-mkt'), tns).decide();
    expect(events.map((e) => e.type)).toEqual(['AccountUnlinkedForPolicyViolation', 'CampaignTerminated', 'AccountUnlinked']);
  });

  it('counts on: the second policy-violation unlink says 2', () => {
    const first = given(shop).when(enforceUnlink('acc-mkt'), tns).decide();
    given(shop, first)
      .when(enforceUnlink('acc-off'), tns)
      .then([forViolation('acc-off', 'official', 2), enforcedUnlinked('acc-off', 'official', 1)]);
  });

  it('an account that is not linked is LINK_NOT_FOUND', () => {
    expect(given(shop).when(enforceUnlink('acc-unknown'), tns).thenThrows('LINK_NOT_FOUND').kind).toBe('not_found');
  });

  it.each([
    ['the owner', OWNER],
    ['a support agent', SUPPORT_AGENT],
    ['the security service', SECURITY_SERVICE],
  ])('%s may not send it (FORBIDDEN_ROLE): it is trust and safety’s own authority', (_name, actor) => {
    given(shop).when(enforceUnlink('acc-mkt'), { actor }).thenThrows('FORBIDDEN_ROLE');
  });
});

describe('RestrictShop and LiftShopRestriction', () => {
  it('records the restriction with its reason and scope', () => {
    const events = given(shop)
      .when(restrictShop('r-1', ['link_requests']), tns)
      .then([shopRestricted('r-1', ['link_requests'], NOW)]);
    expect(stateAfter(shop, events).restrictions['r-1']).toMatchObject({ scope: ['link_requests'], liftedAt: null });
  });

  it('while restricted: no new link request, no switch, no campaign (SHOP_RESTRICTED, one detail per restriction)', () => {
    const restricted = [...shop, shopRestricted('r-1'), shopRestricted('r-2', ['link_requests'])];
    const link = given(restricted)
      .when(requestLink('acc-new', 'marketing'))
      .thenThrows('SHOP_RESTRICTED', ['SHOP_RESTRICTED', 'SHOP_RESTRICTED']);
    expect(link.kind).toBe('rule');
    given(restricted).when(switchOfficialAccount('acc-new')).thenThrows('SHOP_RESTRICTED');
    given(restricted).when(startCampaign('c-9', 'acc-mkt')).thenThrows('SHOP_RESTRICTED', ['SHOP_RESTRICTED']);
  });

  it('an owner’s grant arriving while restricted does not link the account (SHOP_RESTRICTED); a denial is recorded', () => {
    const pending = [...shop, linkRequested('acc-new', 'marketing', { at: hoursBefore(NOW, 1) }), shopRestricted('r-1', ['link_requests'])];
    given(pending)
      .when(grantAuthorization('acc-new', DEFAULT_SHOP_POLICY.requiredScopes.marketing), { actor: OAUTH_RELAY })
      .thenThrows('SHOP_RESTRICTED');
    const denied = given(pending).when(denyAuthorization('acc-new'), { actor: OAUTH_RELAY }).decide();
    expect(denied.map((e) => e.type)).toEqual(['LinkAuthorizationDenied']);
  });

  it('stops only what its scope names', () => {
    const linksOnly = [...shop, shopRestricted('r-1', ['link_requests'])];
    given(linksOnly).when(requestLink('acc-new', 'marketing')).thenThrows('SHOP_RESTRICTED');
    expect(
      given(linksOnly)
        .when(startCampaign('c-9', 'acc-mkt'))
        .decide()
        .map((e) => e.type),
    ).toEqual(['CampaignStarted']);
  });

  it('once lifted, the shop links and runs campaigns again', () => {
    const lifted = [...shop, shopRestricted('r-1'), restrictionLifted('r-1')];
    expect(
      given(lifted)
        .when(startCampaign('c-9', 'acc-mkt'))
        .decide()
        .map((e) => e.type),
    ).toEqual(['CampaignStarted']);
    expect(stateAfter(lifted).restrictions['r-1'].liftedAt).not.toBeNull();
  });

  it('lifting records its reason; a restriction not in force is RESTRICTION_NOT_FOUND', () => {
    given(shop, shopRestricted('r-1'))
      .when(liftRestriction('r-1'), tns)
      .then([restrictionLifted('r-1', NOW)]);
    given(shop).when(liftRestriction('r-1'), tns).thenThrows('RESTRICTION_NOT_FOUND');
    given(shop, shopRestricted('r-1'), restrictionLifted('r-1')).when(liftRestriction('r-1'), tns).thenThrows('RESTRICTION_NOT_FOUND');
  });

  it('a restriction id is used once, lifted or not (RESTRICTION_ALREADY_EXISTS)', () => {
    given(shop, shopRestricted('r-1')).when(restrictShop('r-1'), tns).thenThrows('RESTRICTION_ALREADY_EXISTS');
    given(shop, shopRestricted('r-1'), restrictionLifted('r-1')).when(restrictShop('r-1'), tns).thenThrows('RESTRICTION_ALREADY_EXISTS');
  });

  it('a restriction names what it stops (RESTRICTION_SCOPE_REQUIRED)', () => {
    given(shop).when(restrictShop('r-1', []), tns).thenThrows('RESTRICTION_SCOPE_REQUIRED');
  });

  it('does not stop unlinking, orders or money: the seller can still wind down', () => {
    const restricted = [...shop, shopRestricted('r-1')];
    expect(given(restricted).when(enforceUnlink('acc-mkt'), tns).decide().length).toBeGreaterThan(0);
    expect(
      given(restricted)
        .when({ type: 'PlaceOrder', data: { orderId: 'o-9', amount: 100 } }, { actor: { kind: 'system', id: 'orders' } })
        .decide(),
    ).toHaveLength(1);
  });

  it('only trust and safety restricts and lifts (FORBIDDEN_ROLE for the owner)', () => {
    given(shop).when(restrictShop(), { actor: OWNER }).thenThrows('FORBIDDEN_ROLE');
    given(shop, shopRestricted('r-1')).when(liftRestriction('r-1'), { actor: OWNER }).thenThrows('FORBIDDEN_ROLE');
  });
});
