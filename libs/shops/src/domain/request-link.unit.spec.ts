import { AccountStanding, UNKNOWN_ACCOUNT } from './account-standing';
import { foldShop } from './evolve-shop';
import { describeLinkRejection, LINK_REJECTION_REASONS, LinkRejectionReason } from './link-eligibility';
import { DEFAULT_SHOP_POLICY, ShopPolicy } from './shop-policy';
import { ShopDecisionContext } from './shop-decision-context';
import { recordedRefusalOf } from './shop-command-outcome';
import { RequestLink } from './shop.commands';
import { AccountProfile, LinkRole, ShopEvent } from './shop.events';
import { RegisteredShop } from './shop.state';
import {
  accountLinked,
  businessShop,
  daysBefore,
  given,
  givenState,
  GivenClause,
  graduatedShop,
  hoursAfter,
  hoursBefore,
  individualShop,
  iso,
  linkedElsewhere,
  linkRequested,
  NOW,
  OTHER_SHOP_ID,
  pastMarketingLinks,
  registeredShop,
  requestLink,
  SHOP_ID,
  validProfile,
  verificationSubmitted,
  verifiedShop,
} from './testing/shop.specification';

/** A market that asks marketing accounts for followers (the default asks none of bound accounts). */
const MARKETING_NEEDS_1000: ShopPolicy = { ...DEFAULT_SHOP_POLICY, minFollowers: { official: 0, marketing: 1000 } };

const requested = (command: RequestLink, now = NOW, windowHours = 48): ShopEvent => ({
  type: 'AccountLinkRequested',
  data: {
    shopId: SHOP_ID,
    accountId: command.data.accountId,
    role: command.data.role,
    profile: command.data.profile,
    requestedScopes: command.data.requestedScopes,
    requestedAt: iso(now),
    authorizationExpiresAt: iso(hoursAfter(now, windowHours)),
    replacesAccountId: null,
  },
});

const rejected = (command: RequestLink, reasons: readonly string[], now = NOW): ShopEvent => ({
  type: 'AccountLinkRejected',
  data: {
    shopId: SHOP_ID,
    accountId: command.data.accountId,
    role: command.data.role,
    profile: command.data.profile,
    reasons,
    rejectedAt: iso(now),
  },
});

const expired = (accountId: string, role: LinkRole, now = NOW): ShopEvent => ({
  type: 'LinkAuthorizationExpired',
  data: { shopId: SHOP_ID, accountId, role, expiredAt: iso(now) },
});

/** The reasons of the (last) AccountLinkRejected decided, or [] if the link was requested. */
function reasonsOf(events: readonly ShopEvent[]): readonly string[] {
  const last = events[events.length - 1];
  return last?.type === 'AccountLinkRejected' ? last.data.reasons : [];
}

describe('RequestLink', () => {
  describe('an eligible account', () => {
    it('awaits the owner’s authorization for the policy window (48 h), with the profile and scopes recorded', () => {
      const command = requestLink('acc-1', 'official');
      const [event] = given(verifiedShop())
        .when(command)
        .then([requested(command)]);
      expect(event.type === 'AccountLinkRequested' && event.data.authorizationExpiresAt).toBe('2025-03-03T10:00:00.000Z');
      expect(event.type === 'AccountLinkRequested' && event.data.profile).toEqual(validProfile({ handle: '@acc-1' }));
    });

    it('as a marketing account of a business shop in probation', () => {
      const command = requestLink('acc-1', 'marketing');
      given(businessShop())
        .when(command)
        .then([requested(command)]);
    });

    it('uses the configured authorization window', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, authorizationWindowHours: 24 };
      const command = requestLink('acc-1', 'official');
      given(verifiedShop())
        .when(command, { policy })
        .then([requested(command, NOW, 24)]);
    });

    it('the valid profile builder passes every rule for both roles', () => {
      expect(reasonsOf(given(graduatedShop()).when(requestLink('acc-1', 'official')).decide())).toEqual([]);
      expect(reasonsOf(given(graduatedShop()).when(requestLink('acc-1', 'marketing')).decide())).toEqual([]);
    });

    it('is decided on the account standing from the context and fails loudly without it', () => {
      expect(() => given(verifiedShop()).when(requestLink('acc-1', 'official'), { account: undefined }).decide()).toThrow(
        'Link commands are decided with the account standing in the context',
      );
    });
  });

  describe('each eligibility rule alone rejects the link with exactly its reason', () => {
    interface Scenario {
      readonly given: GivenClause;
      readonly command: RequestLink;
      readonly ctx?: Partial<ShopDecisionContext>;
    }
    const deactivated: RegisteredShop = { ...(foldShop(verifiedShop()) as RegisteredShop), status: 'deactivated' };
    const official = (profile: Partial<AccountProfile> = {}) => requestLink('acc-1', 'official', profile);

    const scenarios: Record<LinkRejectionReason, Scenario> = {
      SHOP_NOT_VERIFIED: { given: given(registeredShop()), command: official() },
      SHOP_NOT_ACTIVE: { given: givenState(deactivated), command: official() },
      ACCOUNT_NOT_BUSINESS: { given: given(verifiedShop()), command: official({ kind: 'personal' }) },
      OWNER_UNDERAGE: { given: given(verifiedShop()), command: official({ ownerAge: 17 }) },
      REGION_MISMATCH: { given: given(verifiedShop()), command: official({ region: 'US' }) },
      ECOMMERCE_PERMISSION_REVOKED: { given: given(verifiedShop()), command: official({ ecommercePermissionRevoked: true }) },
      GUIDELINE_RESTRICTION_ACTIVE: { given: given(verifiedShop()), command: official({ activeGuidelineRestriction: true }) },
      TOO_MANY_GUIDELINE_VIOLATIONS: { given: given(verifiedShop()), command: official({ recentViolations: 3 }) },
      INSUFFICIENT_FOLLOWERS: {
        given: given(businessShop()),
        command: requestLink('acc-1', 'marketing', { followers: 999 }),
        ctx: { policy: MARKETING_NEEDS_1000 },
      },
      OFFICIAL_ALREADY_LINKED: { given: given(verifiedShop(), accountLinked('acc-official', 'official')), command: official() },
      MARKETING_LIMIT_REACHED: { given: given(individualShop()), command: requestLink('acc-1', 'marketing') },
      ACCOUNT_HAS_OTHER_ROLE: {
        given: given(businessShop(), accountLinked('acc-1', 'marketing')),
        command: official(),
        ctx: { account: { linkedTo: { shopId: SHOP_ID, role: 'marketing' }, recentLinks: [] } },
      },
      ACCOUNT_ALREADY_LINKED_TO_SHOP: {
        given: given(verifiedShop(), accountLinked('acc-1', 'official')),
        command: official(),
        ctx: { account: { linkedTo: { shopId: SHOP_ID, role: 'official' }, recentLinks: [] } },
      },
      ACCOUNT_LINKED_ELSEWHERE: { given: given(verifiedShop()), command: official(), ctx: { account: linkedElsewhere() } },
      RELINK_LIMIT_REACHED: {
        given: given(businessShop()),
        command: requestLink('acc-1', 'marketing'),
        ctx: { account: pastMarketingLinks(10) },
      },
    };

    it('has a scenario for each of the 15 reasons', () => {
      expect(LINK_REJECTION_REASONS).toHaveLength(15);
      expect(Object.keys(scenarios).sort()).toEqual([...LINK_REJECTION_REASONS].sort());
    });

    it.each(LINK_REJECTION_REASONS.map((reason) => [reason]))('%s', (reason) => {
      const { given: g, command, ctx } = scenarios[reason];
      const events = g.when(command, ctx).then([rejected(command, [reason])]);
      expect(recordedRefusalOf('RequestLink', events)).toEqual({
        code: reason,
        message: `Account acc-1 cannot be linked as ${command.data.role}`,
        details: [{ code: reason, message: describeLinkRejection(reason) }],
      });
    });
  });

  describe('a profile failing several rules', () => {
    it('lists every failed rule, in the fixed rule order, and is refused as ACCOUNT_INELIGIBLE', () => {
      const command = requestLink('acc-1', 'official', { ownerAge: 16, region: 'US', kind: 'personal' });
      const events = given(verifiedShop())
        .when(command)
        .then([rejected(command, ['ACCOUNT_NOT_BUSINESS', 'OWNER_UNDERAGE', 'REGION_MISMATCH'])]);
      const refusal = recordedRefusalOf('RequestLink', events);
      expect(refusal?.code).toBe('ACCOUNT_INELIGIBLE');
      expect(refusal?.details.map((d) => d.code)).toEqual(['ACCOUNT_NOT_BUSINESS', 'OWNER_UNDERAGE', 'REGION_MISMATCH']);
      expect(refusal?.details[1].message).toBe(describeLinkRejection('OWNER_UNDERAGE'));
    });

    it('combines shop, profile, role and standing rules', () => {
      const command = requestLink('acc-1', 'marketing', {
        kind: 'personal',
        followers: 10,
        ecommercePermissionRevoked: true,
        activeGuidelineRestriction: true,
        recentViolations: 7,
      });
      const standing: AccountStanding = { ...pastMarketingLinks(10), linkedTo: { shopId: OTHER_SHOP_ID, role: 'marketing' } };
      given(registeredShop({ kind: 'individual' }))
        .when(command, { account: standing, policy: MARKETING_NEEDS_1000 })
        .then([
          rejected(command, [
            'SHOP_NOT_VERIFIED',
            'ACCOUNT_NOT_BUSINESS',
            'ECOMMERCE_PERMISSION_REVOKED',
            'GUIDELINE_RESTRICTION_ACTIVE',
            'TOO_MANY_GUIDELINE_VIOLATIONS',
            'INSUFFICIENT_FOLLOWERS',
            'MARKETING_LIMIT_REACHED',
            'ACCOUNT_LINKED_ELSEWHERE',
            'RELINK_LIMIT_REACHED',
          ]),
        ]);
    });
  });

  describe('shop verification', () => {
    it.each([
      ['pending', [...registeredShop(), verificationSubmitted()]],
      [
        'rejected',
        [
          ...registeredShop(),
          verificationSubmitted(),
          {
            type: 'BusinessVerificationRejected',
            data: { shopId: SHOP_ID, reasons: ['x'], rejectedAt: iso(hoursBefore(NOW, 2)) },
          } satisfies ShopEvent,
        ],
      ],
    ])('a %s verification is not enough', (_status, history) => {
      expect(reasonsOf(given(history).when(requestLink('acc-1', 'official')).decide())).toEqual(['SHOP_NOT_VERIFIED']);
    });
  });

  describe('owner age and guideline standing', () => {
    it('accepts an owner of exactly the minimum age (18) and refuses 17', () => {
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { ownerAge: 18 }))
            .decide(),
        ),
      ).toEqual([]);
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { ownerAge: 17 }))
            .decide(),
        ),
      ).toEqual(['OWNER_UNDERAGE']);
    });

    it('uses the configured minimum age', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, minOwnerAge: 21 };
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { ownerAge: 20 }), { policy })
            .decide(),
        ),
      ).toEqual(['OWNER_UNDERAGE']);
    });

    it('accepts violations below the limit (2 of 3) and refuses reaching it', () => {
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { recentViolations: 2 }))
            .decide(),
        ),
      ).toEqual([]);
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { recentViolations: 3 }))
            .decide(),
        ),
      ).toEqual(['TOO_MANY_GUIDELINE_VIOLATIONS']);
    });

    it('compares the region with the shop’s own region', () => {
      expect(
        reasonsOf(
          given(verifiedShop({ region: 'DE' }))
            .when(requestLink('acc-1', 'official', { region: 'DE' }))
            .decide(),
        ),
      ).toEqual([]);
      expect(
        reasonsOf(
          given(verifiedShop({ region: 'DE' }))
            .when(requestLink('acc-1', 'official', { region: 'GB' }))
            .decide(),
        ),
      ).toEqual(['REGION_MISMATCH']);
    });
  });

  describe('followers minimum per role', () => {
    it('an official account needs no followers by default', () => {
      const command = requestLink('acc-1', 'official', { followers: 0 });
      given(verifiedShop())
        .when(command)
        .then([requested(command)]);
    });

    it('a marketing (bound) account needs no followers by default', () => {
      expect(DEFAULT_SHOP_POLICY.minFollowers).toEqual({ official: 0, marketing: 0 });
      const none = requestLink('acc-1', 'marketing', { followers: 0 });
      given(businessShop())
        .when(none)
        .then([requested(none)]);
    });

    it('a market asking 1000 followers of marketing accounts: 999 refused, 1000 accepted, official still free', () => {
      const policy = MARKETING_NEEDS_1000;
      const short = requestLink('acc-1', 'marketing', { followers: 999 });
      given(businessShop())
        .when(short, { policy })
        .then([rejected(short, ['INSUFFICIENT_FOLLOWERS'])]);
      const enough = requestLink('acc-1', 'marketing', { followers: 1000 });
      given(businessShop())
        .when(enough, { policy })
        .then([requested(enough)]);
      const official = requestLink('acc-1', 'official', { followers: 0 });
      given(businessShop())
        .when(official, { policy })
        .then([requested(official)]);
    });

    it('uses the configured minimum for official accounts', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, minFollowers: { official: 500, marketing: 1000 } };
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { followers: 499 }), { policy })
            .decide(),
        ),
      ).toEqual(['INSUFFICIENT_FOLLOWERS']);
      expect(
        reasonsOf(
          given(verifiedShop())
            .when(requestLink('acc-1', 'official', { followers: 500 }), { policy })
            .decide(),
        ),
      ).toEqual([]);
    });
  });

  describe('one official account per shop', () => {
    it('a pending official request holds the slot', () => {
      expect(reasonsOf(given(verifiedShop(), linkRequested('acc-a', 'official')).when(requestLink('acc-b', 'official')).decide())).toEqual([
        'OFFICIAL_ALREADY_LINKED',
      ]);
    });

    it('an expired official request no longer holds it (and is not recorded as expired by another account’s request)', () => {
      const pending = linkRequested('acc-a', 'official', { at: hoursBefore(NOW, 48) });
      const command = requestLink('acc-b', 'official');
      given(verifiedShop(), pending)
        .when(command)
        .then([requested(command)]);
    });

    it('marketing links do not hold the official slot', () => {
      const command = requestLink('acc-b', 'official');
      given(graduatedShop(), accountLinked('acc-m1', 'marketing'), accountLinked('acc-m2', 'marketing'))
        .when(command)
        .then([requested(command)]);
    });
  });

  describe('marketing limit per stage and kind', () => {
    const marketingLinks = (n: number): ShopEvent[] =>
      Array.from({ length: n }, (_, i) => accountLinked(`acc-m${i + 1}`, 'marketing')).flat();

    it('an individual shop in probation may hold none', () => {
      const command = requestLink('acc-new', 'marketing');
      given(individualShop())
        .when(command)
        .then([rejected(command, ['MARKETING_LIMIT_REACHED'])]);
    });

    it('an individual shop in probation may still request its official account', () => {
      const command = requestLink('acc-new', 'official');
      given(individualShop())
        .when(command)
        .then([requested(command)]);
    });

    it('a business shop in probation may hold one: the first is accepted, the second refused', () => {
      const first = requestLink('acc-m1', 'marketing');
      given(businessShop())
        .when(first)
        .then([requested(first)]);
      const second = requestLink('acc-new', 'marketing');
      given(businessShop(), marketingLinks(1))
        .when(second)
        .then([rejected(second, ['MARKETING_LIMIT_REACHED'])]);
    });

    it.each(['business', 'individual'] as const)('a graduated %s shop may hold four: the 4th accepted, the 5th refused', (kind) => {
      const fourth = requestLink('acc-new', 'marketing');
      given(graduatedShop({ kind }), marketingLinks(3))
        .when(fourth)
        .then([requested(fourth)]);
      given(graduatedShop({ kind }), marketingLinks(4))
        .when(fourth)
        .then([rejected(fourth, ['MARKETING_LIMIT_REACHED'])]);
    });

    it('the official account does not count toward the marketing limit', () => {
      const command = requestLink('acc-new', 'marketing');
      given(graduatedShop(), accountLinked('acc-off', 'official'), marketingLinks(3))
        .when(command)
        .then([requested(command)]);
    });

    it('uses the configured limits', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, marketingLimit: { probation: { individual: 2, business: 3 }, graduated: 6 } };
      expect(reasonsOf(given(individualShop(), marketingLinks(1)).when(requestLink('acc-new', 'marketing'), { policy }).decide())).toEqual(
        [],
      );
      expect(reasonsOf(given(individualShop(), marketingLinks(2)).when(requestLink('acc-new', 'marketing'), { policy }).decide())).toEqual([
        'MARKETING_LIMIT_REACHED',
      ]);
      expect(reasonsOf(given(graduatedShop(), marketingLinks(5)).when(requestLink('acc-new', 'marketing'), { policy }).decide())).toEqual(
        [],
      );
    });

    it('pending requests count toward the limit', () => {
      const command = requestLink('acc-new', 'marketing');
      given(businessShop(), linkRequested('acc-pending', 'marketing'))
        .when(command)
        .then([rejected(command, ['MARKETING_LIMIT_REACHED'])]);
      given(graduatedShop(), marketingLinks(2), linkRequested('acc-p1', 'marketing'), linkRequested('acc-p2', 'marketing'))
        .when(command)
        .then([rejected(command, ['MARKETING_LIMIT_REACHED'])]);
    });

    it('a pending request one millisecond before its expiry still counts', () => {
      const pending = linkRequested('acc-pending', 'marketing', { at: hoursBefore(NOW, 48) });
      const justBefore = new Date(NOW.getTime() - 1);
      expect(reasonsOf(given(businessShop(), pending).when(requestLink('acc-new', 'marketing'), { now: justBefore }).decide())).toEqual([
        'MARKETING_LIMIT_REACHED',
      ]);
    });

    it('expired pending requests do not count', () => {
      const pending = linkRequested('acc-pending', 'marketing', { at: hoursBefore(NOW, 48) });
      const command = requestLink('acc-new', 'marketing');
      given(businessShop(), pending)
        .when(command)
        .then([requested(command)]);
      const later = hoursAfter(NOW, 100);
      given(businessShop(), pending)
        .when(command, { now: later })
        .then([requested(command, later)]);
    });
  });

  describe('requesting the same account again', () => {
    it('while its request still awaits authorization is refused', () => {
      const command = requestLink('acc-1', 'official');
      given(verifiedShop(), linkRequested('acc-1', 'official'))
        .when(command)
        .then([rejected(command, ['ACCOUNT_ALREADY_LINKED_TO_SHOP'])]);
    });

    it('after its authorization window closed records the expiry, then the new request', () => {
      const pending = linkRequested('acc-1', 'marketing', { at: hoursBefore(NOW, 50) });
      const command = requestLink('acc-1', 'marketing');
      const events = given(businessShop(), pending)
        .when(command)
        .then([expired('acc-1', 'marketing'), requested(command)]);
      expect(recordedRefusalOf('RequestLink', events)).toBeNull();
    });

    it('after expiry, in the other role, records the expiry and requests the new role', () => {
      const pending = linkRequested('acc-1', 'marketing', { at: hoursBefore(NOW, 50) });
      const command = requestLink('acc-1', 'official');
      given(businessShop(), pending)
        .when(command)
        .then([expired('acc-1', 'marketing'), requested(command)]);
    });

    it('after expiry but now ineligible records the expiry, then the rejection', () => {
      const pending = linkRequested('acc-1', 'marketing', { at: hoursBefore(NOW, 50) });
      const command = requestLink('acc-1', 'marketing', { followers: 10 });
      const events = given(businessShop(), pending)
        .when(command, { policy: MARKETING_NEEDS_1000 })
        .then([expired('acc-1', 'marketing'), rejected(command, ['INSUFFICIENT_FOLLOWERS'])]);
      expect(recordedRefusalOf('RequestLink', events)?.code).toBe('INSUFFICIENT_FOLLOWERS');
    });

    it('once linked is refused in the same role and in the other role', () => {
      const here: Partial<ShopDecisionContext> = { account: { linkedTo: { shopId: SHOP_ID, role: 'marketing' }, recentLinks: [] } };
      const history = [...graduatedShop(), ...accountLinked('acc-1', 'marketing', { at: daysBefore(NOW, 5) })];
      expect(reasonsOf(given(history).when(requestLink('acc-1', 'marketing'), here).decide())).toEqual(['ACCOUNT_ALREADY_LINKED_TO_SHOP']);
      expect(reasonsOf(given(history).when(requestLink('acc-1', 'official'), here).decide())).toEqual(['ACCOUNT_HAS_OTHER_ROLE']);
    });

    it('a linked account never expires', () => {
      const history = [...verifiedShop(), ...accountLinked('acc-1', 'official', { at: daysBefore(NOW, 30) })];
      const command = requestLink('acc-1', 'official');
      given(history)
        .when(command)
        .then([rejected(command, ['ACCOUNT_ALREADY_LINKED_TO_SHOP'])]);
    });
  });

  describe('linked elsewhere', () => {
    it.each(['official', 'marketing'] as const)(
      'an account linked to another shop as %s cannot be requested in either role',
      (elsewhereRole) => {
        const account = linkedElsewhere(OTHER_SHOP_ID, elsewhereRole);
        expect(reasonsOf(given(graduatedShop()).when(requestLink('acc-1', 'official'), { account }).decide())).toEqual([
          'ACCOUNT_LINKED_ELSEWHERE',
        ]);
        expect(reasonsOf(given(graduatedShop()).when(requestLink('acc-1', 'marketing'), { account }).decide())).toEqual([
          'ACCOUNT_LINKED_ELSEWHERE',
        ]);
      },
    );

    it('an account that was linked elsewhere before but is free now may be requested', () => {
      const account: AccountStanding = {
        linkedTo: null,
        recentLinks: [{ shopId: OTHER_SHOP_ID, role: 'official', linkedAt: iso(daysBefore(NOW, 40)) }],
      };
      const command = requestLink('acc-1', 'official');
      given(verifiedShop())
        .when(command, { account })
        .then([requested(command)]);
    });
  });

  describe('relink allowance of a marketing account (10 links in any 180 days)', () => {
    const standingWith = (daysAgo: readonly number[], role: LinkRole = 'marketing'): AccountStanding => ({
      linkedTo: null,
      recentLinks: daysAgo.map((d, i) => ({ shopId: `shop-past-${i}`, role, linkedAt: iso(daysBefore(NOW, d)) })),
    });

    it('9 links in the window: the 10th is accepted', () => {
      const command = requestLink('acc-1', 'marketing');
      given(businessShop())
        .when(command, { account: pastMarketingLinks(9) })
        .then([requested(command)]);
    });

    it('10 links in the window: an 11th is refused', () => {
      const command = requestLink('acc-1', 'marketing');
      given(businessShop())
        .when(command, { account: pastMarketingLinks(10) })
        .then([rejected(command, ['RELINK_LIMIT_REACHED'])]);
    });

    it('10 links of which one is older than 180 days: accepted', () => {
      const account = standingWith([181, 170, 150, 120, 90, 60, 40, 20, 10, 1]);
      const command = requestLink('acc-1', 'marketing');
      given(businessShop())
        .when(command, { account })
        .then([requested(command)]);
    });

    it('a link exactly 180 days old has left the window; one a minute younger has not', () => {
      const recent = [170, 150, 120, 90, 60, 40, 20, 10, 1];
      expect(
        reasonsOf(
          given(businessShop())
            .when(requestLink('acc-1', 'marketing'), { account: standingWith([180, ...recent]) })
            .decide(),
        ),
      ).toEqual([]);
      const oneMinuteLater = new Date(daysBefore(NOW, 180).getTime() + 60_000);
      const account: AccountStanding = {
        linkedTo: null,
        recentLinks: [{ shopId: 'shop-old', role: 'marketing', linkedAt: iso(oneMinuteLater) }, ...standingWith(recent).recentLinks],
      };
      expect(reasonsOf(given(businessShop()).when(requestLink('acc-1', 'marketing'), { account }).decide())).toEqual([
        'RELINK_LIMIT_REACHED',
      ]);
    });

    it('the window slides with the clock', () => {
      const account = pastMarketingLinks(10, 1); // oldest link 10 days before NOW
      const command = requestLink('acc-1', 'marketing');
      const later = hoursAfter(NOW, 24 * 171); // the oldest link is now 181 days old
      given(businessShop())
        .when(command, { account, now: later })
        .then([requested(command, later)]);
    });

    it('does not apply to an official link', () => {
      const command = requestLink('acc-1', 'official');
      given(businessShop())
        .when(command, { account: pastMarketingLinks(12) })
        .then([requested(command)]);
    });

    it('counts marketing links only', () => {
      const command = requestLink('acc-1', 'marketing');
      given(businessShop())
        .when(command, { account: standingWith([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'official') })
        .then([requested(command)]);
    });

    it('uses the configured allowance and window', () => {
      const policy: ShopPolicy = { ...DEFAULT_SHOP_POLICY, marketingLinksPerWindow: 2, marketingLinkWindowDays: 30 };
      const command = requestLink('acc-1', 'marketing');
      expect(
        reasonsOf(
          given(businessShop())
            .when(command, { policy, account: standingWith([5, 25]) })
            .decide(),
        ),
      ).toEqual(['RELINK_LIMIT_REACHED']);
      expect(
        reasonsOf(
          given(businessShop())
            .when(command, { policy, account: standingWith([5, 31]) })
            .decide(),
        ),
      ).toEqual([]);
    });
  });

  it('with the default UNKNOWN_ACCOUNT standing an account is neither linked elsewhere nor over its allowance', () => {
    const command = requestLink('acc-1', 'marketing');
    given(businessShop())
      .when(command, { account: UNKNOWN_ACCOUNT })
      .then([requested(command)]);
  });
});
