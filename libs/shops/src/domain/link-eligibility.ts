import { addHours } from '@shoplink/time';
import { relinkLimitReached } from '@shoplink/accounts/domain/marketing-relink-allowance';
import { AccountStanding } from './account-standing';
import { authorizationLapsed } from './link-authorization-window';
import { ShopPolicy, marketingLimitFor } from './shop-policy';
import { AccountProfile, LinkRole, ShopEvent } from './shop.events';
import { RefusalDetail } from './shop-rule-violation';
import { RegisteredShop, ShopLink } from './shop.state';
import { entryOf, filteredTable, hasEntry } from './id-table';

/** Stable reason codes of AccountLinkRejected, one per eligibility rule. */
export const LINK_REJECTION_REASONS = [
  'SHOP_NOT_VERIFIED',
  'SHOP_NOT_ACTIVE',
  'ACCOUNT_NOT_BUSINESS',
  'OWNER_UNDERAGE',
  'REGION_MISMATCH',
  'ECOMMERCE_PERMISSION_REVOKED',
  'GUIDELINE_RESTRICTION_ACTIVE',
  'TOO_MANY_GUIDELINE_VIOLATIONS',
  'INSUFFICIENT_FOLLOWERS',
  'OFFICIAL_ALREADY_LINKED',
  'MARKETING_LIMIT_REACHED',
  'ACCOUNT_HAS_OTHER_ROLE',
  'ACCOUNT_ALREADY_LINKED_TO_SHOP',
  'ACCOUNT_LINKED_ELSEWHERE',
  'RELINK_LIMIT_REACHED',
] as const;

export type LinkRejectionReason = (typeof LINK_REJECTION_REASONS)[number];

export interface LinkCandidate {
  readonly accountId: string;
  readonly role: LinkRole;
  readonly profile: AccountProfile;
}

interface Rule {
  readonly reason: LinkRejectionReason;
  readonly fails: (shop: RegisteredShop, c: LinkCandidate, account: AccountStanding, policy: ShopPolicy, now: Date) => boolean;
  readonly message: string;
}

const RULES: readonly Rule[] = [
  {
    reason: 'SHOP_NOT_VERIFIED',
    fails: (s) => s.verification !== 'verified',
    message: 'The business verification of the shop is not verified',
  },
  { reason: 'SHOP_NOT_ACTIVE', fails: (s) => s.status !== 'active', message: 'The shop is deactivated' },
  {
    reason: 'ACCOUNT_NOT_BUSINESS',
    fails: (_s, c) => c.profile.kind !== 'business',
    message: 'Only business accounts can be linked; this is a personal account',
  },
  {
    reason: 'OWNER_UNDERAGE',
    fails: (_s, c, _a, p) => c.profile.ownerAge < p.minOwnerAge,
    message: 'The account owner is younger than the minimum age (default 18)',
  },
  {
    reason: 'REGION_MISMATCH',
    fails: (s, c) => c.profile.region !== s.region,
    message: "The account's region differs from the shop's region",
  },
  {
    reason: 'ECOMMERCE_PERMISSION_REVOKED',
    fails: (_s, c) => c.profile.ecommercePermissionRevoked,
    message: 'The account had its e-commerce permission revoked',
  },
  {
    reason: 'GUIDELINE_RESTRICTION_ACTIVE',
    fails: (_s, c) => c.profile.activeGuidelineRestriction,
    message: 'The account is under an active community-guideline restriction',
  },
  {
    reason: 'TOO_MANY_GUIDELINE_VIOLATIONS',
    fails: (_s, c, _a, p) => c.profile.recentViolations >= p.violationLimit,
    message: 'The account has reached the limit of recent guideline violations',
  },
  {
    reason: 'INSUFFICIENT_FOLLOWERS',
    fails: (_s, c, _a, p) => c.profile.followers < p.minFollowers[c.role],
    message: 'The account has fewer followers than its role requires',
  },
  {
    reason: 'OFFICIAL_ALREADY_LINKED',
    fails: (s, c) => c.role === 'official' && Object.values(s.links).some((l) => l.role === 'official' && l.accountId !== c.accountId),
    message: 'The shop already has an official account, linked or awaiting authorization',
  },
  {
    reason: 'MARKETING_LIMIT_REACHED',
    fails: (s, c, _a, p) =>
      c.role === 'marketing' &&
      Object.values(s.links).filter((l) => l.role === 'marketing' && l.accountId !== c.accountId).length >=
        marketingLimitFor(p, s.stage, s.kind),
    message: 'The shop holds as many marketing accounts as its stage and kind allow',
  },
  {
    reason: 'ACCOUNT_HAS_OTHER_ROLE',
    fails: (s, c) => hasEntry(s.links, c.accountId) && s.links[c.accountId].role !== c.role,
    message: 'The account already holds the other role on this shop',
  },
  {
    reason: 'ACCOUNT_ALREADY_LINKED_TO_SHOP',
    fails: (s, c) => hasEntry(s.links, c.accountId) && s.links[c.accountId].role === c.role,
    message: 'The account is already linked, or awaiting authorization, in this role on this shop',
  },
  {
    reason: 'ACCOUNT_LINKED_ELSEWHERE',
    fails: (s, _c, a) => a.linkedTo !== null && a.linkedTo.shopId !== s.shopId,
    message: 'The account is linked to another shop',
  },
  {
    reason: 'RELINK_LIMIT_REACHED',
    fails: (_s, c, a, p, now) => c.role === 'marketing' && relinkLimitReached(a.recentLinks, now, p),
    message: 'The marketing account has used its allowance of links across shops in the window (default 10 in 180 days)',
  },
];

/** Every rule the candidate fails, in a fixed order; empty means eligible. */
export function failedLinkRules(
  shop: RegisteredShop,
  candidate: LinkCandidate,
  account: AccountStanding,
  policy: ShopPolicy,
  now: Date,
): RefusalDetail[] {
  return RULES.filter((rule) => rule.fails(shop, candidate, account, policy, now)).map((rule) => ({
    code: rule.reason,
    message: rule.message,
  }));
}

export function describeLinkRejection(reason: string): string {
  return RULES.find((rule) => rule.reason === reason)?.message ?? reason;
}

export interface LinkRequestInput extends LinkCandidate {
  readonly requestedScopes: readonly string[];
  /** A switch of the official account: the account the new one replaces once authorized. */
  readonly replacesAccountId?: string;
}

/**
 * The events of asking to link an account, as RequestLink and SwitchOfficialAccount decide
 * them: a request of the same account whose authorization window has passed no longer holds
 * its slot, so its expiry is recorded first; then AccountLinkRejected with every failed rule,
 * or AccountLinkRequested awaiting the owner's authorization. Expired requests of other
 * accounts do not count against the shop's limits either. A switch passes the shop without
 * the official account being replaced, so that account does not count as "already linked".
 */
export function linkRequestEvents(
  shop: RegisteredShop,
  request: LinkRequestInput,
  account: AccountStanding,
  policy: ShopPolicy,
  now: Date,
): ShopEvent[] {
  const { accountId, role, profile, requestedScopes, replacesAccountId } = request;
  const at = now.toISOString();
  const stale = staleLinkRequest(entryOf(shop.links, accountId), now);
  const expired: ShopEvent[] = stale
    ? [{ type: 'LinkAuthorizationExpired', data: { shopId: shop.shopId, accountId, role: stale.role, expiredAt: at } }]
    : [];
  const judged: RegisteredShop = {
    ...shop,
    links: filteredTable(shop.links, (link) => staleLinkRequest(link, now) === null),
  };
  const failed = failedLinkRules(judged, { accountId, role, profile }, account, policy, now);
  if (failed.length > 0) {
    return [
      ...expired,
      {
        type: 'AccountLinkRejected',
        data: { shopId: shop.shopId, accountId, role, profile, reasons: failed.map((f) => f.code), rejectedAt: at },
      },
    ];
  }
  const authorizationExpiresAt = addHours(now, policy.authorizationWindowHours).toISOString();
  return [
    ...expired,
    {
      type: 'AccountLinkRequested',
      data: {
        shopId: shop.shopId,
        accountId,
        role,
        profile,
        requestedScopes,
        requestedAt: at,
        authorizationExpiresAt,
        replacesAccountId: replacesAccountId ?? null,
      },
    },
  ];
}

/** The rules that read the account's profile: judged at grant time only when the grant carries one. */
const PROFILE_RULES: ReadonlySet<LinkRejectionReason> = new Set([
  'ACCOUNT_NOT_BUSINESS',
  'OWNER_UNDERAGE',
  'REGION_MISMATCH',
  'ECOMMERCE_PERMISSION_REVOKED',
  'GUIDELINE_RESTRICTION_ACTIVE',
  'TOO_MANY_GUIDELINE_VIOLATIONS',
  'INSUFFICIENT_FOLLOWERS',
]);

/**
 * The link rules a pending request fails when its owner's grant arrives, up to 48 hours after the
 * request: the shop (verified, active), the account's standing (relink allowance) and, when the grant
 * carries the account's profile as the relay saw it then, every profile rule. The request itself no
 * longer counts against the shop's slots (it is the one being judged), nor does the official account
 * a switch replaces; an account linked elsewhere meanwhile is superseded before this is asked.
 */
export function failedRulesAtGrant(
  shop: RegisteredShop,
  link: ShopLink,
  profile: AccountProfile | undefined,
  account: AccountStanding,
  policy: ShopPolicy,
  now: Date,
): RefusalDetail[] {
  const judged: RegisteredShop = {
    ...shop,
    links: filteredTable(
      shop.links,
      (other) => other.accountId !== link.accountId && other.accountId !== link.replacesAccountId && staleLinkRequest(other, now) === null,
    ),
  };
  const rules = profile === undefined ? RULES.filter((rule) => !PROFILE_RULES.has(rule.reason)) : RULES;
  const candidate: LinkCandidate = { accountId: link.accountId, role: link.role, profile: profile ?? NO_PROFILE };
  return rules
    .filter((rule) => rule.fails(judged, candidate, account, policy, now))
    .map((rule) => ({ code: rule.reason, message: rule.message }));
}

/** Never read: without a profile the profile rules are not asked. */
const NO_PROFILE: AccountProfile = {
  handle: '',
  kind: 'business',
  followers: 0,
  ownerAge: 0,
  region: '',
  ecommercePermissionRevoked: false,
  activeGuidelineRestriction: false,
  recentViolations: 0,
};

/** A link request whose authorization window has closed (at exactly its end it has). */
export function staleLinkRequest(link: ShopLink | undefined, now: Date): ShopLink | null {
  return link !== undefined && authorizationLapsed(link, now) ? link : null;
}
