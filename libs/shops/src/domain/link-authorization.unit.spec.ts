import { DEFAULT_SHOP_POLICY, ShopPolicy } from './shop-policy';
import { recordedRefusalOf } from './shop-command-outcome';
import { AccountProfile, LinkRole, ShopEvent } from './shop.events';
import { foldShop } from './evolve-shop';
import { RegisteredShop } from './shop.state';
import {
  accountLinked,
  businessShop,
  denyAuthorization,
  expireAuthorization,
  given,
  givenState,
  grantAuthorization,
  hoursAfter,
  iso,
  linkedElsewhere,
  linkRequested,
  NOW,
  EXPIRY,
  OAUTH_RELAY,
  OTHER_SHOP_ID,
  requestLink,
  SHOP_ID,
  validProfile,
  verifiedShop,
} from './testing/shop.specification';

const OFFICIAL_SCOPES = DEFAULT_SHOP_POLICY.requiredScopes.official; // user.info.basic, video.list, live.room.manage, shop.showcase.manage
const MARKETING_SCOPES = DEFAULT_SHOP_POLICY.requiredScopes.marketing; // user.info.basic, ads.manage

/** A request made at NOW; its window closes at NOW + 48 h. */
const pendingOfficial = linkRequested('acc-1', 'official', { at: NOW });
const pendingMarketing = linkRequested('acc-1', 'marketing', { at: NOW });
const WINDOW_CLOSES = hoursAfter(NOW, 48);
const ANSWERED = hoursAfter(NOW, 2);
const relay = (now = ANSWERED) => ({ actor: OAUTH_RELAY, now });
const expiry = (now: Date) => ({ actor: EXPIRY, now });

const authorizedAndLinked = (role: LinkRole, scopes: readonly string[], at = ANSWERED): ShopEvent[] => [
  { type: 'AccountLinkAuthorized', data: { shopId: SHOP_ID, accountId: 'acc-1', role, grantedScopes: scopes, authorizedAt: iso(at) } },
  { type: 'AccountLinked', data: { shopId: SHOP_ID, accountId: 'acc-1', handle: '@acc-1', role, scopes, linkedAt: iso(at) } },
];

const expiredEvent = (role: LinkRole, at: Date): ShopEvent => ({
  type: 'LinkAuthorizationExpired',
  data: { shopId: SHOP_ID, accountId: 'acc-1', role, expiredAt: iso(at) },
});

describe('AnswerLinkAuthorization', () => {
  describe('the owner grants', () => {
    it('every scope an official account requires: authorized and linked', () => {
      const events = given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay())
        .then(authorizedAndLinked('official', OFFICIAL_SCOPES));
      expect(recordedRefusalOf('AnswerLinkAuthorization', events)).toBeNull();
    });

    it('every scope a marketing account requires: authorized and linked', () => {
      given(businessShop(), pendingMarketing)
        .when(grantAuthorization('acc-1', MARKETING_SCOPES), relay())
        .then(authorizedAndLinked('marketing', MARKETING_SCOPES));
    });

    it('more scopes than required, in any order: linked with every granted scope recorded', () => {
      const granted = ['ads.manage', 'extra.scope', 'user.info.basic'];
      given(businessShop(), pendingMarketing)
        .when(grantAuthorization('acc-1', granted), relay())
        .then(authorizedAndLinked('marketing', granted));
    });

    it('links under the role of the request, whatever the answer says', () => {
      // the answer carries no role: a marketing request granted official scopes is still a marketing link
      given(businessShop(), pendingMarketing)
        .when(grantAuthorization('acc-1', [...OFFICIAL_SCOPES, 'ads.manage']), relay())
        .then(authorizedAndLinked('marketing', [...OFFICIAL_SCOPES, 'ads.manage']));
    });

    it('a millisecond before the window closes: still linked', () => {
      const justInTime = new Date(WINDOW_CLOSES.getTime() - 1);
      given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay(justInTime))
        .then(authorizedAndLinked('official', OFFICIAL_SCOPES, justInTime));
    });

    it('when the account is linked to this shop already in the standing (no conflict with itself)', () => {
      given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), {
          ...relay(),
          account: { linkedTo: { shopId: SHOP_ID, role: 'official' }, recentLinks: [] },
        })
        .then(authorizedAndLinked('official', OFFICIAL_SCOPES));
    });
  });

  describe('missing scopes', () => {
    it('are named in LinkAuthorizationDenied, in the policy’s order', () => {
      const granted = ['shop.showcase.manage', 'user.info.basic'];
      const events = given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', granted), relay())
        .then([
          {
            type: 'LinkAuthorizationDenied',
            data: {
              shopId: SHOP_ID,
              accountId: 'acc-1',
              role: 'official',
              reason: 'MISSING_SCOPES',
              grantedScopes: granted,
              missingScopes: ['video.list', 'live.room.manage'],
              deniedAt: iso(ANSWERED),
            },
          },
        ]);
      expect(recordedRefusalOf('AnswerLinkAuthorization', events)).toBeNull();
    });

    it('a grant of no scope at all misses every required scope', () => {
      given(businessShop(), pendingMarketing)
        .when(grantAuthorization('acc-1', []), relay())
        .then([
          {
            type: 'LinkAuthorizationDenied',
            data: {
              shopId: SHOP_ID,
              accountId: 'acc-1',
              role: 'marketing',
              reason: 'MISSING_SCOPES',
              grantedScopes: [],
              missingScopes: [...MARKETING_SCOPES],
              deniedAt: iso(ANSWERED),
            },
          },
        ]);
    });

    it('are judged against the configured required scopes', () => {
      const policy: ShopPolicy = {
        ...DEFAULT_SHOP_POLICY,
        requiredScopes: { ...DEFAULT_SHOP_POLICY.requiredScopes, marketing: ['ads.manage', 'ads.report'] },
      };
      const [event] = given(businessShop(), pendingMarketing)
        .when(grantAuthorization('acc-1', MARKETING_SCOPES), { ...relay(), policy })
        .decide();
      expect(event).toMatchObject({ type: 'LinkAuthorizationDenied', data: { reason: 'MISSING_SCOPES', missingScopes: ['ads.report'] } });
    });

    it('are reported even when the account got linked elsewhere meanwhile', () => {
      const [event] = given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', []), { ...relay(), account: linkedElsewhere() })
        .decide();
      expect(event).toMatchObject({ type: 'LinkAuthorizationDenied', data: { reason: 'MISSING_SCOPES' } });
    });
  });

  describe('the owner denies', () => {
    it('records OWNER_DENIED with no granted scope and every required scope missing', () => {
      given(verifiedShop(), pendingOfficial)
        .when(denyAuthorization('acc-1'), relay())
        .then([
          {
            type: 'LinkAuthorizationDenied',
            data: {
              shopId: SHOP_ID,
              accountId: 'acc-1',
              role: 'official',
              reason: 'OWNER_DENIED',
              grantedScopes: [],
              missingScopes: [...OFFICIAL_SCOPES],
              deniedAt: iso(ANSWERED),
            },
          },
        ]);
    });

    it('ignores scopes sent along with a denial', () => {
      const [event] = given(businessShop(), pendingMarketing)
        .when(
          { type: 'AnswerLinkAuthorization', data: { accountId: 'acc-1', decision: 'denied', grantedScopes: MARKETING_SCOPES } },
          relay(),
        )
        .decide();
      expect(event).toMatchObject({ type: 'LinkAuthorizationDenied', data: { reason: 'OWNER_DENIED', grantedScopes: [] } });
    });

    it('is a denial even when the policy requires no scope', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, requiredScopes: { official: [], marketing: [] } };
      given(verifiedShop(), pendingOfficial)
        .when(denyAuthorization('acc-1'), { ...relay(), policy })
        .then([
          {
            type: 'LinkAuthorizationDenied',
            data: {
              shopId: SHOP_ID,
              accountId: 'acc-1',
              role: 'official',
              reason: 'OWNER_DENIED',
              grantedScopes: [],
              missingScopes: [],
              deniedAt: iso(ANSWERED),
            },
          },
        ]);
    });

    it('a grant with no required scope in the policy links', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, requiredScopes: { official: [], marketing: [] } };
      given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', []), { ...relay(), policy })
        .then(authorizedAndLinked('official', []));
    });
  });

  describe('an answer after the window (48 h)', () => {
    it.each([
      ['exactly at the end of the window', WINDOW_CLOSES],
      ['a day later', hoursAfter(NOW, 72)],
    ])('granted %s is recorded as the expiry it discovers', (_when, at) => {
      const events = given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay(at))
        .then([expiredEvent('official', at)]);
      const refusal = recordedRefusalOf('AnswerLinkAuthorization', events);
      expect(refusal?.code).toBe('AUTHORIZATION_EXPIRED');
      expect(refusal?.details.map((d) => d.code)).toEqual(['AUTHORIZATION_EXPIRED']);
      expect(refusal?.message).toContain('acc-1');
    });

    it('denied late is recorded as the expiry too', () => {
      const at = hoursAfter(NOW, 49);
      const events = given(businessShop(), pendingMarketing)
        .when(denyAuthorization('acc-1'), relay(at))
        .then([expiredEvent('marketing', at)]);
      expect(recordedRefusalOf('AnswerLinkAuthorization', events)?.code).toBe('AUTHORIZATION_EXPIRED');
    });

    it('is judged on the expiry recorded with the request, not on a policy changed since', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, authorizationWindowHours: 1 };
      const shortPending = linkRequested('acc-1', 'official', { at: NOW });
      given(verifiedShop(), shortPending)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), { ...relay(), policy })
        .then(authorizedAndLinked('official', OFFICIAL_SCOPES));
    });
  });

  describe('no request awaits authorization', () => {
    it('an unknown account: LINK_REQUEST_NOT_FOUND (not found)', () => {
      const violation = given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-other', OFFICIAL_SCOPES), relay())
        .thenThrows('LINK_REQUEST_NOT_FOUND');
      expect(violation.kind).toBe('not_found');
    });

    it('an account already linked', () => {
      given(verifiedShop(), accountLinked('acc-1', 'official'))
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay())
        .thenThrows('LINK_REQUEST_NOT_FOUND');
    });

    it('a request already denied', () => {
      const denied: ShopEvent = {
        type: 'LinkAuthorizationDenied',
        data: {
          shopId: SHOP_ID,
          accountId: 'acc-1',
          role: 'official',
          reason: 'OWNER_DENIED',
          grantedScopes: [],
          missingScopes: [...OFFICIAL_SCOPES],
          deniedAt: iso(hoursAfter(NOW, 1)),
        },
      };
      given(verifiedShop(), pendingOfficial, denied)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay())
        .thenThrows('LINK_REQUEST_NOT_FOUND');
    });

    it('a request already expired', () => {
      given(verifiedShop(), pendingOfficial, expiredEvent('official', WINDOW_CLOSES))
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay(hoursAfter(NOW, 50)))
        .thenThrows('LINK_REQUEST_NOT_FOUND');
    });

    it('a request that was rejected at once', () => {
      const rejected: ShopEvent = {
        type: 'AccountLinkRejected',
        data: {
          shopId: SHOP_ID,
          accountId: 'acc-1',
          role: 'official',
          profile: pendingOfficial.data.profile,
          reasons: ['OWNER_UNDERAGE'],
          rejectedAt: iso(NOW),
        },
      };
      given(verifiedShop(), rejected).when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay()).thenThrows('LINK_REQUEST_NOT_FOUND');
    });
  });

  describe('the account got linked to another shop while the request waited', () => {
    it('a grant closes the request as superseded (recorded) and is answered ACCOUNT_LINKED_ELSEWHERE (conflict)', () => {
      const events = given(verifiedShop(), pendingOfficial)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), { ...relay(), account: linkedElsewhere(OTHER_SHOP_ID, 'official') })
        .then([
          {
            type: 'LinkRequestSuperseded',
            data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'official', linkedShopId: OTHER_SHOP_ID, supersededAt: iso(ANSWERED) },
          },
        ]);
      const refusal = recordedRefusalOf('AnswerLinkAuthorization', events);
      expect(refusal).toMatchObject({ code: 'ACCOUNT_LINKED_ELSEWHERE', kind: 'conflict' });
      expect(refusal?.message).toContain(OTHER_SHOP_ID);
    });

    it('after it, the shop is free: another official account can be requested at once', () => {
      const superseded: ShopEvent = {
        type: 'LinkRequestSuperseded',
        data: { shopId: SHOP_ID, accountId: 'acc-1', role: 'official', linkedShopId: OTHER_SHOP_ID, supersededAt: iso(NOW) },
      };
      const [event] = given(verifiedShop(), pendingOfficial, superseded).when(requestLink('acc-2', 'official')).decide();
      expect(event).toMatchObject({ type: 'AccountLinkRequested', data: { accountId: 'acc-2', role: 'official' } });
    });

    it('a denial is still recorded', () => {
      const [event] = given(verifiedShop(), pendingOfficial)
        .when(denyAuthorization('acc-1'), { ...relay(), account: linkedElsewhere() })
        .decide();
      expect(event).toMatchObject({ type: 'LinkAuthorizationDenied', data: { reason: 'OWNER_DENIED' } });
    });
  });
});

describe('ExpireLinkAuthorization', () => {
  it('before the window closes is refused with AUTHORIZATION_NOT_EXPIRED', () => {
    const violation = given(verifiedShop(), pendingOfficial)
      .when(expireAuthorization('acc-1'), expiry(hoursAfter(NOW, 47)))
      .thenThrows('AUTHORIZATION_NOT_EXPIRED', ['AUTHORIZATION_NOT_EXPIRED']);
    expect(violation.kind).toBe('rule');
    expect(violation.message).toContain(iso(WINDOW_CLOSES));
  });

  it('a millisecond before the window closes is still refused', () => {
    given(verifiedShop(), pendingOfficial)
      .when(expireAuthorization('acc-1'), expiry(new Date(WINDOW_CLOSES.getTime() - 1)))
      .thenThrows('AUTHORIZATION_NOT_EXPIRED');
  });

  it.each([
    ['exactly when the window closes', WINDOW_CLOSES],
    ['long after', hoursAfter(NOW, 24 * 30)],
  ])('%s records LinkAuthorizationExpired', (_when, at) => {
    given(businessShop(), pendingMarketing)
      .when(expireAuthorization('acc-1'), expiry(at))
      .then([expiredEvent('marketing', at)]);
  });

  it('of an unknown request: LINK_REQUEST_NOT_FOUND', () => {
    given(verifiedShop())
      .when(expireAuthorization('acc-1'), expiry(hoursAfter(NOW, 50)))
      .thenThrows('LINK_REQUEST_NOT_FOUND');
  });

  it('of a linked account: LINK_REQUEST_NOT_FOUND (links do not expire)', () => {
    given(verifiedShop(), accountLinked('acc-1', 'official'))
      .when(expireAuthorization('acc-1'), expiry(hoursAfter(NOW, 24 * 30)))
      .thenThrows('LINK_REQUEST_NOT_FOUND');
  });

  it('twice: the second is LINK_REQUEST_NOT_FOUND', () => {
    given(verifiedShop(), pendingOfficial, expiredEvent('official', WINDOW_CLOSES))
      .when(expireAuthorization('acc-1'), expiry(hoursAfter(NOW, 60)))
      .thenThrows('LINK_REQUEST_NOT_FOUND');
  });

  describe('eligibility is checked again when the grant arrives', () => {
    const grantWith = (profile: Partial<AccountProfile>) => ({
      ...grantAuthorization('acc-1', OFFICIAL_SCOPES),
      data: { ...grantAuthorization('acc-1', OFFICIAL_SCOPES).data, profile: validProfile({ handle: '@acc-1', ...profile }) },
    });
    const deniedAsIneligible = (failedRules: string[], scopes = OFFICIAL_SCOPES): ShopEvent => ({
      type: 'LinkAuthorizationDenied',
      data: {
        shopId: SHOP_ID,
        accountId: 'acc-1',
        role: 'official',
        reason: 'ACCOUNT_INELIGIBLE',
        grantedScopes: scopes,
        missingScopes: [],
        failedRules,
        deniedAt: iso(ANSWERED),
      },
    });

    it('a grant whose profile still passes every rule links the account', () => {
      const events = given(verifiedShop(), pendingOfficial).when(grantWith({}), relay()).decide();
      expect(events.map((e) => e.type)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
    });

    it('a profile that fails a rule now closes the request (recorded) and refuses the grant with that rule', () => {
      const events = given(verifiedShop(), pendingOfficial)
        .when(grantWith({ activeGuidelineRestriction: true }), relay())
        .then([deniedAsIneligible(['GUIDELINE_RESTRICTION_ACTIVE'])]);
      expect(recordedRefusalOf('AnswerLinkAuthorization', events)).toMatchObject({
        code: 'GUIDELINE_RESTRICTION_ACTIVE',
        details: [{ code: 'GUIDELINE_RESTRICTION_ACTIVE' }],
      });
    });

    it('several failed rules are all named, refused as ACCOUNT_INELIGIBLE', () => {
      const events = given(verifiedShop(), pendingOfficial)
        .when(grantWith({ ecommercePermissionRevoked: true, recentViolations: 3 }), relay())
        .then([deniedAsIneligible(['ECOMMERCE_PERMISSION_REVOKED', 'TOO_MANY_GUIDELINE_VIOLATIONS'])]);
      const refusal = recordedRefusalOf('AnswerLinkAuthorization', events);
      expect(refusal?.code).toBe('ACCOUNT_INELIGIBLE');
      expect(refusal?.details.map((d) => d.code)).toEqual(['ECOMMERCE_PERMISSION_REVOKED', 'TOO_MANY_GUIDELINE_VIOLATIONS']);
    });

    it('without a profile, the shop and standing rules are still checked: a shop deactivated meanwhile refuses', () => {
      const deactivated = { ...(foldShop([...verifiedShop(), pendingOfficial]) as RegisteredShop), status: 'deactivated' as const };
      givenState(deactivated)
        .when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay())
        .then([deniedAsIneligible(['SHOP_NOT_ACTIVE'])]);
    });

    it('the request itself never counts against the shop (one official account, already requested)', () => {
      const events = given(verifiedShop(), pendingOfficial).when(grantAuthorization('acc-1', OFFICIAL_SCOPES), relay()).decide();
      expect(events.map((e) => e.type)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
    });

    it('the shop forgets the closed request: another official account can be requested', () => {
      const [event] = given(verifiedShop(), pendingOfficial, deniedAsIneligible(['OWNER_UNDERAGE']))
        .when(requestLink('acc-2', 'official'))
        .decide();
      expect(event).toMatchObject({ type: 'AccountLinkRequested', data: { accountId: 'acc-2' } });
    });
  });
});
