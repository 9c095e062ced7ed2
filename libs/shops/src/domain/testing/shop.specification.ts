/**
 * Given / when / then for the shop decider, after oskardudycz's `specification.ts`:
 *
 *   given(verifiedShop()).when(requestLink('acc-1', 'official')).then([...]);
 *   given(registeredShop()).when(registerShop()).thenThrows('SHOP_ALREADY_REGISTERED');
 *
 * The given events are folded with `evolveShop`; the context defaults to a fixed clock,
 * the default policy, the owner member as actor and an account nobody else knows.
 * Tests move the clock through `ctx.now`; nothing here reads the real time.
 * Test-only: not exported from the library's index.
 */
import { Actor } from '../actor';
import { ActorProof } from '../actor-proof';
import { AccountStanding, UNKNOWN_ACCOUNT } from '../account-standing';
import { decideShop } from '../decide-shop';
import { ShopDecisionContext } from '../shop-decision-context';
import { foldShop } from '../evolve-shop';
import { DEFAULT_SHOP_POLICY } from '../shop-policy';
import { ShopRuleViolation } from '../shop-rule-violation';
import {
  AnswerLinkAuthorization,
  ExpireLinkAuthorization,
  RegisterShop,
  RequestLink,
  ShopCommand,
  ForgetPersonalData,
} from '../shop.commands';
import { AccessGranted, AccountLinkRequested, AccountProfile, LinkRole, MemberRole, ShopEvent, ShopKind } from '../shop.events';
import { ShopState } from '../shop.state';

// ---------------------------------------------------------------- clock and actors

export const NOW = new Date('2025-03-01T10:00:00.000Z');
const HOUR_MS = 3_600_000;
export const hoursAfter = (date: Date, hours: number): Date => new Date(date.getTime() + hours * HOUR_MS);
export const hoursBefore = (date: Date, hours: number): Date => hoursAfter(date, -hours);
export const daysBefore = (date: Date, days: number): Date => hoursAfter(date, -24 * days);
export const iso = (date: Date): string => date.toISOString();

export const SHOP_ID = 'shop-1';
export const OTHER_SHOP_ID = 'shop-2';
export const OWNER_ID = 'm-owner';
export const REGION = 'GB';
/** The markets the specifications decide under (the shipped policy lists these among others). */
export const MARKETS: Readonly<Record<string, string>> = { GB: 'GBP', DE: 'EUR', FR: 'EUR', US: 'USD' };

export const member = (id: string): Actor => ({ kind: 'member', id });
export const OWNER: Actor = member(OWNER_ID);
export const KYB: Actor = { kind: 'system', id: 'kyb' };
export const OAUTH_RELAY: Actor = { kind: 'system', id: 'oauth-relay' };
/** Shoplink's own automation expiring what nobody answered. */
export const EXPIRY: Actor = { kind: 'system', id: 'expiry' };
/** Seller onboarding: registers shops, moves them out of probation. */
export const ONBOARDING: Actor = { kind: 'system', id: 'onboarding' };
export const SUPPORT_AGENT: Actor = { kind: 'support', id: 'agent-4' };

/** A person who signed in with a password and a one-time code a minute ago: enough for any sensitive step. */
export const STEPPED_UP: ActorProof = {
  issuer: 'test-idp',
  jti: 'jti-1',
  amr: ['pwd', 'otp'],
  authTime: NOW.toISOString(),
  secondFactorAgeSeconds: 60,
};

export const defaultContext = (overrides: Partial<ShopDecisionContext> = {}): ShopDecisionContext => ({
  now: NOW,
  actor: OWNER,
  policy: DEFAULT_SHOP_POLICY,
  supportedMarkets: MARKETS,
  account: UNKNOWN_ACCOUNT,
  actorProof: STEPPED_UP,
  ...overrides,
});

// ---------------------------------------------------------------- the specification

export interface WhenClause {
  /** Asserts the exact events decided, and returns them for further assertions. */
  then(expected: readonly ShopEvent[]): ShopEvent[];
  /** Asserts a ShopRuleViolation with this code (and, if given, exactly these detail codes), and returns it. */
  thenThrows(code: string, detailsCodes?: readonly string[]): ShopRuleViolation;
  /** The decided events, unchecked (throws what the decider throws). */
  decide(): ShopEvent[];
}

export interface GivenClause {
  when(command: ShopCommand, ctx?: Partial<ShopDecisionContext>): WhenClause;
}

export function given(...history: (ShopEvent | readonly ShopEvent[])[]): GivenClause {
  return givenState(foldShop(history.flat()));
}

/** For states no event can reach yet (e.g. a deactivated shop). */
export function givenState(state: ShopState): GivenClause {
  return {
    when(command, ctx) {
      const decide = (): ShopEvent[] => decideShop(state, command, defaultContext(ctx));
      return {
        decide,
        then(expected) {
          const actual = decide();
          expect(actual).toEqual(expected);
          return actual;
        },
        thenThrows(code, detailsCodes) {
          let thrown: unknown;
          let decided: ShopEvent[] | undefined;
          try {
            decided = decide();
          } catch (error) {
            thrown = error;
          }
          if (decided !== undefined) {
            throw new Error(
              `Expected ${command.type} to be refused with ${code}, but it decided ${JSON.stringify(decided.map((e) => e.type))}`,
            );
          }
          expect(thrown).toBeInstanceOf(ShopRuleViolation);
          const violation = thrown as ShopRuleViolation;
          expect(violation.code).toBe(code);
          if (detailsCodes !== undefined) expect(violation.details.map((d) => d.code)).toEqual(detailsCodes);
          return violation;
        },
      };
    },
  };
}

// ---------------------------------------------------------------- given-histories

export interface ShopOptions {
  readonly shopId?: string;
  readonly kind?: ShopKind;
  readonly region?: string;
  /** Default: the currency of the region's market. */
  readonly currency?: string;
  readonly ownerMemberId?: string;
  /** RegisterShop only: the business registration number, none by default. */
  readonly registrationNumber?: string;
}

export const REGISTERED_AT = new Date('2025-01-06T09:00:00.000Z');
export const SUBMITTED_AT = hoursAfter(REGISTERED_AT, 24);
export const VERIFIED_AT = hoursAfter(REGISTERED_AT, 72);
export const GRADUATED_AT = new Date('2025-02-10T12:00:00.000Z');

export function registeredShop(o: ShopOptions = {}): ShopEvent[] {
  return [
    {
      type: 'ShopRegistered',
      data: {
        shopId: o.shopId ?? SHOP_ID,
        name: 'Acme Goods',
        region: o.region ?? REGION,
        currency: o.currency ?? MARKETS[o.region ?? REGION] ?? 'GBP',
        kind: o.kind ?? 'business',
        ownerMemberId: o.ownerMemberId ?? OWNER_ID,
        registrationNumber: null,
        registeredAt: iso(REGISTERED_AT),
      },
    },
  ];
}

export function verificationSubmitted(shopId = SHOP_ID, at = SUBMITTED_AT): ShopEvent {
  return { type: 'BusinessVerificationSubmitted', data: { shopId, documents: ['doc-registration', 'doc-bank'], submittedAt: iso(at) } };
}

export function verifiedShop(o: ShopOptions = {}): ShopEvent[] {
  const shopId = o.shopId ?? SHOP_ID;
  return [
    ...registeredShop(o),
    verificationSubmitted(shopId),
    { type: 'BusinessVerified', data: { shopId, verifiedAt: iso(VERIFIED_AT) } },
  ];
}

export function graduatedShop(o: ShopOptions = {}): ShopEvent[] {
  return [
    ...verifiedShop(o),
    { type: 'ShopGraduatedFromProbation', data: { shopId: o.shopId ?? SHOP_ID, graduatedAt: iso(GRADUATED_AT) } },
  ];
}

/** A verified business shop in probation (one marketing account allowed). */
export const businessShop = (o: ShopOptions = {}): ShopEvent[] => verifiedShop({ ...o, kind: 'business' });
/** A verified individual shop in probation (no marketing account allowed). */
export const individualShop = (o: ShopOptions = {}): ShopEvent[] => verifiedShop({ ...o, kind: 'individual' });

export function accessGranted(memberId: string, role: MemberRole, at = VERIFIED_AT): AccessGranted {
  return { type: 'AccessGranted', data: { shopId: SHOP_ID, memberId, role, grantedAt: iso(at) } };
}

export interface LinkOptions {
  /** When the request was made; defaults to an hour before NOW, so it still awaits authorization at NOW. */
  readonly at?: Date;
  readonly profile?: Partial<AccountProfile>;
  readonly scopes?: readonly string[];
}

export function linkRequested(accountId: string, role: LinkRole, o: LinkOptions = {}): AccountLinkRequested {
  const at = o.at ?? hoursBefore(NOW, 1);
  return {
    type: 'AccountLinkRequested',
    data: {
      shopId: SHOP_ID,
      accountId,
      role,
      profile: validProfile({ handle: `@${accountId}`, ...o.profile }),
      requestedScopes: o.scopes ?? DEFAULT_SHOP_POLICY.requiredScopes[role],
      requestedAt: iso(at),
      authorizationExpiresAt: iso(hoursAfter(at, DEFAULT_SHOP_POLICY.authorizationWindowHours)),
      replacesAccountId: null,
    },
  };
}

/** Request, authorization and link of an account; `at` is the request time, authorized an hour later. */
export function accountLinked(accountId: string, role: LinkRole, o: LinkOptions = {}): ShopEvent[] {
  const requested = linkRequested(accountId, role, { at: hoursBefore(NOW, 24), ...o });
  const linkedAt = iso(hoursAfter(new Date(requested.data.requestedAt), 1));
  const scopes = DEFAULT_SHOP_POLICY.requiredScopes[role];
  return [
    requested,
    { type: 'AccountLinkAuthorized', data: { shopId: SHOP_ID, accountId, role, grantedScopes: scopes, authorizedAt: linkedAt } },
    { type: 'AccountLinked', data: { shopId: SHOP_ID, accountId, handle: requested.data.profile.handle, role, scopes, linkedAt } },
  ];
}

// ---------------------------------------------------------------- accounts

/** An account that passes every profile rule: business, adult owner, same region, 5000 followers, clean standing. */
export function validProfile(overrides: Partial<AccountProfile> = {}): AccountProfile {
  return {
    handle: '@acme.official',
    kind: 'business',
    followers: 5000,
    ownerAge: 34,
    region: REGION,
    ecommercePermissionRevoked: false,
    activeGuidelineRestriction: false,
    recentViolations: 0,
    ...overrides,
  };
}

export const linkedElsewhere = (shopId = OTHER_SHOP_ID, role: LinkRole = 'marketing'): AccountStanding => ({
  linkedTo: { shopId, role },
  recentLinks: [{ shopId, role, linkedAt: iso(daysBefore(NOW, 30)) }],
});

/**
 * An account standing with `count` past marketing links (all since unlinked), the newest `newestDaysAgo` days before
 * NOW, one day apart.
 */
export function pastMarketingLinks(count: number, newestDaysAgo = 1): AccountStanding {
  const recentLinks = Array.from({ length: count }, (_, i) => ({
    shopId: `shop-past-${i}`,
    role: 'marketing' as const,
    linkedAt: iso(daysBefore(NOW, newestDaysAgo + (count - 1 - i))),
  }));
  return { linkedTo: null, recentLinks };
}

// ---------------------------------------------------------------- commands

export function registerShop(o: ShopOptions = {}): RegisterShop {
  return {
    type: 'RegisterShop',
    data: {
      shopId: o.shopId ?? SHOP_ID,
      name: 'Acme Goods',
      region: o.region ?? REGION,
      currency: o.currency ?? MARKETS[o.region ?? REGION] ?? 'GBP',
      kind: o.kind ?? 'business',
      ownerMemberId: o.ownerMemberId ?? OWNER_ID,
      ...(o.registrationNumber !== undefined ? { registrationNumber: o.registrationNumber } : {}),
    },
  };
}

export function requestLink(
  accountId: string,
  role: LinkRole,
  profile: Partial<AccountProfile> = {},
  scopes?: readonly string[],
): RequestLink {
  return {
    type: 'RequestLink',
    data: {
      accountId,
      role,
      profile: validProfile({ handle: `@${accountId}`, ...profile }),
      requestedScopes: scopes ?? DEFAULT_SHOP_POLICY.requiredScopes[role],
    },
  };
}

export const grantAuthorization = (accountId: string, grantedScopes: readonly string[]): AnswerLinkAuthorization => ({
  type: 'AnswerLinkAuthorization',
  data: { accountId, decision: 'granted', grantedScopes },
});

export const denyAuthorization = (accountId: string): AnswerLinkAuthorization => ({
  type: 'AnswerLinkAuthorization',
  data: { accountId, decision: 'denied', grantedScopes: [] },
});

export const expireAuthorization = (accountId: string): ExpireLinkAuthorization => ({
  type: 'ExpireLinkAuthorization',
  data: { accountId },
});

// ---------------------------------------------------------------- orders, money, campaigns, incidents, leaving
// (builders for decide-operations' specs; imported here so this block stands alone)

import type {
  CancelOrder,
  CompleteWithdrawal,
  CreditFunds,
  DeactivateShop,
  EndCampaign,
  FailWithdrawal,
  FulfilOrder,
  PlaceOrder,
  ReactivateShop,
  ReportSecurityIncident,
  RequestWithdrawal,
  ResolveSecurityIncident,
  StartCampaign,
} from '../shop.commands';

export const ORDER_SERVICE: Actor = { kind: 'system', id: 'orders' };
export const PAYOUT_SERVICE: Actor = { kind: 'system', id: 'payouts' };
export const SECURITY_SERVICE: Actor = { kind: 'system', id: 'security' };
export const CURRENCY = 'GBP';

/** Default time of an operation in a given-history: two hours before NOW. */
const OPERATED_AT = hoursBefore(NOW, 2);

export const orderPlaced = (orderId: string, amount = 2500, at = OPERATED_AT): ShopEvent => ({
  type: 'OrderPlaced',
  data: { shopId: SHOP_ID, orderId, amount, currency: CURRENCY, placedAt: iso(at) },
});
export const orderFulfilled = (orderId: string, at = OPERATED_AT): ShopEvent => ({
  type: 'OrderFulfilled',
  data: { shopId: SHOP_ID, orderId, fulfilledAt: iso(at) },
});
export const orderCancelled = (orderId: string, at = OPERATED_AT): ShopEvent => ({
  type: 'OrderCancelled',
  data: { shopId: SHOP_ID, orderId, cancelledAt: iso(at) },
});

export interface CreditOptions {
  readonly orderId?: string;
  readonly to?: 'available' | 'frozen';
  readonly at?: Date;
}
export const fundsCredited = (settlementId: string, amount: number, o: CreditOptions = {}): ShopEvent => ({
  type: 'FundsCredited',
  data: {
    shopId: SHOP_ID,
    settlementId,
    orderId: o.orderId ?? `order-of-${settlementId}`,
    amount,
    currency: CURRENCY,
    creditedTo: o.to ?? 'available',
    creditedAt: iso(o.at ?? OPERATED_AT),
  },
});
export const withdrawalRequested = (withdrawalId: string, amount: number, at = OPERATED_AT): ShopEvent => ({
  type: 'FundsWithdrawalRequested',
  data: { shopId: SHOP_ID, withdrawalId, amount, currency: CURRENCY, requestedAt: iso(at) },
});
export const fundsWithdrawn = (withdrawalId: string, amount: number, at = OPERATED_AT): ShopEvent => ({
  type: 'FundsWithdrawn',
  data: { shopId: SHOP_ID, withdrawalId, amount, withdrawnAt: iso(at) },
});
export const withdrawalFailed = (
  withdrawalId: string,
  amount: number,
  returnedTo: 'available' | 'frozen' = 'available',
  at = OPERATED_AT,
): ShopEvent => ({
  type: 'FundsWithdrawalFailed',
  data: { shopId: SHOP_ID, withdrawalId, amount, reason: 'bank rejected the transfer', returnedTo, failedAt: iso(at) },
});

/** An incident reported while none was open: SecurityIncidentReported and FundsFrozen of `frozenAmount` (everything available then). */
export const incidentOpened = (incidentId: string, frozenAmount: number, at = OPERATED_AT): ShopEvent[] => [
  { type: 'SecurityIncidentReported', data: { shopId: SHOP_ID, incidentId, description: `incident ${incidentId}`, reportedAt: iso(at) } },
  { type: 'FundsFrozen', data: { shopId: SHOP_ID, incidentId, amount: frozenAmount, frozenAt: iso(at) } },
];
/** An incident reported while another was open: no further freeze. */
export const incidentReportedWhileFrozen = (incidentId: string, at = OPERATED_AT): ShopEvent => ({
  type: 'SecurityIncidentReported',
  data: { shopId: SHOP_ID, incidentId, description: `incident ${incidentId}`, reportedAt: iso(at) },
});
/** The last open incident resolved: SecurityIncidentResolved and FundsUnfrozen of `unfrozenAmount`. */
export const incidentClosed = (incidentId: string, unfrozenAmount: number, at = OPERATED_AT): ShopEvent[] => [
  { type: 'SecurityIncidentResolved', data: { shopId: SHOP_ID, incidentId, resolution: 'resolved', resolvedAt: iso(at) } },
  { type: 'FundsUnfrozen', data: { shopId: SHOP_ID, incidentId, amount: unfrozenAmount, unfrozenAt: iso(at) } },
];

export const campaignStarted = (campaignId: string, accountId: string, at = OPERATED_AT): ShopEvent => ({
  type: 'CampaignStarted',
  data: { shopId: SHOP_ID, campaignId, accountId, startedAt: iso(at) },
});
export const campaignEnded = (campaignId: string, at = OPERATED_AT): ShopEvent => ({
  type: 'CampaignEnded',
  data: { shopId: SHOP_ID, campaignId, endedAt: iso(at) },
});
export const shopDeactivated = (at = OPERATED_AT): ShopEvent => ({
  type: 'ShopDeactivated',
  data: { shopId: SHOP_ID, ticketId: null, deactivatedAt: iso(at) },
});

export const placeOrder = (orderId: string, amount = 2500): PlaceOrder => ({ type: 'PlaceOrder', data: { orderId, amount } });
export const fulfilOrder = (orderId: string): FulfilOrder => ({ type: 'FulfilOrder', data: { orderId } });
export const cancelOrder = (orderId: string): CancelOrder => ({ type: 'CancelOrder', data: { orderId } });
export const creditFunds = (settlementId: string, amount: number, orderId = `order-of-${settlementId}`): CreditFunds => ({
  type: 'CreditFunds',
  data: { settlementId, orderId, amount },
});
export const requestWithdrawal = (withdrawalId: string, amount: number): RequestWithdrawal => ({
  type: 'RequestWithdrawal',
  data: { withdrawalId, amount },
});
export const completeWithdrawal = (withdrawalId: string): CompleteWithdrawal => ({ type: 'CompleteWithdrawal', data: { withdrawalId } });
export const failWithdrawal = (withdrawalId: string, reason = 'bank rejected the transfer'): FailWithdrawal => ({
  type: 'FailWithdrawal',
  data: { withdrawalId, reason },
});
export const startCampaign = (campaignId: string, accountId: string): StartCampaign => ({
  type: 'StartCampaign',
  data: { campaignId, accountId },
});
export const endCampaign = (campaignId: string): EndCampaign => ({ type: 'EndCampaign', data: { campaignId } });
export const reportIncident = (incidentId: string, unlinkAccountIds: readonly string[] = []): ReportSecurityIncident => ({
  type: 'ReportSecurityIncident',
  data: { incidentId, description: `incident ${incidentId}`, unlinkAccountIds },
});
export const resolveIncident = (incidentId: string, resolution = 'resolved'): ResolveSecurityIncident => ({
  type: 'ResolveSecurityIncident',
  data: { incidentId, resolution },
});
export const deactivateShop: DeactivateShop = { type: 'DeactivateShop', data: {} };
export const reactivateShop: ReactivateShop = { type: 'ReactivateShop', data: {} };
export const forgetPersonalData: ForgetPersonalData = { type: 'ForgetPersonalData', data: { ticketId: 'T-1001' } };

// ---------------------------------------------------------------- unlinking: requests, codes, emergency, assisted, switch
// (builders for decide-unlinking's specs; imported here so this block stands alone)

import type {
  AssistedUnlink,
  CancelUnlink,
  ConfirmUnlink,
  EmergencyUnlink,
  ExpireUnlinkRequest,
  RequestUnlink,
  SwitchOfficialAccount,
} from '../shop.commands';
import type { AccountUnlinked, UnlinkMode, UnlinkReason, UnlinkRequested } from '../shop.events';
import type { UnlinkCodeVerifier } from '../unlink-code';

/** Test double of the application's hashing: the "hash" is `salt:code` reversed. Never use outside tests. */
export const fakeCodeHash = (code: string, salt: string): string => [...`${salt}:${code}`].reverse().join('');
export const FAKE_CODES: UnlinkCodeVerifier = { matches: (code, salt, hash) => fakeCodeHash(code, salt) === hash };
export const UNLINK_CODE = '482913';
export const WRONG_CODE = '000000';
export const UNLINK_SALT = 'salt-1';

/** Well past the earliest-unlink time: linked 30 days before NOW (requested an hour earlier). */
export const LONG_AGO = daysBefore(NOW, 30);
export const linkedLongAgo = (accountId: string, role: LinkRole, o: LinkOptions = {}): ShopEvent[] =>
  accountLinked(accountId, role, { at: hoursBefore(LONG_AGO, 1), ...o });

export interface UnlinkRequestOptions {
  readonly requestId?: string;
  readonly reason?: UnlinkReason;
  /** When requested; defaults to a minute before NOW, so the code is still valid at NOW. */
  readonly at?: Date;
  readonly campaigns?: readonly string[];
  readonly code?: string;
}

/** UnlinkRequested with the fake hash of UNLINK_CODE, valid for the default policy's 15 minutes. */
export function unlinkRequested(accountId: string, role: LinkRole, o: UnlinkRequestOptions = {}): UnlinkRequested {
  const at = o.at ?? new Date(NOW.getTime() - 60_000);
  const official = role === 'official';
  return {
    type: 'UnlinkRequested',
    data: {
      shopId: SHOP_ID,
      accountId,
      role,
      requestId: o.requestId ?? `unlink-${accountId}`,
      reason: o.reason ?? 'business_pivot',
      consequences: { showcaseRemoved: official, campaignsTerminated: o.campaigns ?? [], salesDataAccessLost: official },
      codeHash: fakeCodeHash(o.code ?? UNLINK_CODE, UNLINK_SALT),
      codeSalt: UNLINK_SALT,
      requestedAt: iso(at),
      expiresAt: iso(new Date(at.getTime() + DEFAULT_SHOP_POLICY.unlinkCodeValidityMinutes * 60_000)),
    },
  };
}

export interface UnlinkedOptions {
  readonly reason?: UnlinkReason;
  readonly mode?: UnlinkMode;
  readonly requestId?: string | null;
  readonly incidentId?: string | null;
  readonly ticketId?: string | null;
  readonly agentId?: string | null;
  /** The shop's official unlinks so far, this one included; 0 for a marketing account. */
  readonly count?: number;
  readonly at?: Date;
}

export function accountUnlinked(accountId: string, role: LinkRole, o: UnlinkedOptions = {}): AccountUnlinked {
  return {
    type: 'AccountUnlinked',
    data: {
      shopId: SHOP_ID,
      accountId,
      handle: `@${accountId}`,
      role,
      reason: o.reason ?? 'business_pivot',
      mode: o.mode ?? 'confirmed',
      requestId: o.requestId === undefined ? `unlink-${accountId}` : o.requestId,
      incidentId: o.incidentId ?? null,
      ticketId: o.ticketId ?? null,
      agentId: o.agentId ?? null,
      officialUnlinkCount: o.count ?? (role === 'official' ? 1 : 0),
      unlinkedAt: iso(o.at ?? NOW),
    },
  };
}

/** `count` earlier official accounts (`acc-past-1` …), each linked and later unlinked in `modes[i]` (default confirmed), oldest first. */
export function pastOfficialUnlinks(count: number, modes: readonly UnlinkMode[] = []): ShopEvent[] {
  return Array.from({ length: count }, (_, i) => {
    const accountId = `acc-past-${i + 1}`;
    const linkedAt = daysBefore(NOW, 200 - i * 40);
    const mode = modes[i] ?? 'confirmed';
    return [
      ...accountLinked(accountId, 'official', { at: linkedAt }),
      accountUnlinked(accountId, 'official', {
        mode,
        reason: mode === 'emergency' ? 'security_breach' : 'business_pivot',
        requestId: mode === 'confirmed' ? `unlink-${accountId}` : null,
        incidentId: mode === 'emergency' ? `inc-past-${i + 1}` : null,
        ticketId: mode === 'assisted' ? `ticket-past-${i + 1}` : null,
        agentId: mode === 'assisted' ? SUPPORT_AGENT.id : null,
        count: i + 1,
        at: daysBefore(NOW, 190 - i * 40),
      }),
    ];
  }).flat();
}

export const requestUnlink = (accountId: string, o: UnlinkRequestOptions = {}): RequestUnlink => ({
  type: 'RequestUnlink',
  data: {
    accountId,
    reason: o.reason ?? 'business_pivot',
    requestId: o.requestId ?? `unlink-${accountId}`,
    codeHash: fakeCodeHash(o.code ?? UNLINK_CODE, UNLINK_SALT),
    codeSalt: UNLINK_SALT,
  },
});
export const confirmUnlink = (accountId: string, code = UNLINK_CODE, requestId = `unlink-${accountId}`): ConfirmUnlink => ({
  type: 'ConfirmUnlink',
  data: { accountId, requestId, code },
});
export const cancelUnlink = (accountId: string, requestId = `unlink-${accountId}`): CancelUnlink => ({
  type: 'CancelUnlink',
  data: { accountId, requestId },
});
export const expireUnlinkRequest = (accountId: string, requestId = `unlink-${accountId}`): ExpireUnlinkRequest => ({
  type: 'ExpireUnlinkRequest',
  data: { accountId, requestId },
});
export const emergencyUnlink = (accountId: string, incidentId = 'inc-1', description = 'account credentials leaked'): EmergencyUnlink => ({
  type: 'EmergencyUnlink',
  data: { accountId, incidentId, description },
});
export const assistedUnlink = (accountId: string, ticketId = 'ticket-77', reason: UnlinkReason = 'troubleshooting'): AssistedUnlink => ({
  type: 'AssistedUnlink',
  data: { accountId, reason, ticketId },
});
export function switchOfficialAccount(
  accountId: string,
  profile: Partial<AccountProfile> = {},
  scopes?: readonly string[],
): SwitchOfficialAccount {
  return {
    type: 'SwitchOfficialAccount',
    data: {
      accountId,
      profile: validProfile({ handle: `@${accountId}`, ...profile }),
      requestedScopes: scopes ?? DEFAULT_SHOP_POLICY.requiredScopes.official,
    },
  };
}

// ---------------------------------------------------------------- enforcement and closure
// (builders for decide-enforcement's and decide-shop-closure's specs; imported here so this block stands alone)

import type { CloseShop, EnforceUnlink, LiftShopRestriction, RestrictShop } from '../shop.commands';
import type { RestrictionScope } from '../shop.events';

export const TRUST_AND_SAFETY: Actor = { kind: 'system', id: 'trust-and-safety' };
export const enforceUnlink = (accountId: string, violation = 'counterfeit goods promoted'): EnforceUnlink => ({
  type: 'EnforceUnlink',
  data: { accountId, violation },
});
export const restrictShop = (
  restrictionId = 'r-1',
  scope: readonly RestrictionScope[] = ['link_requests', 'campaigns'],
  reason = 'repeated counterfeit listings',
): RestrictShop => ({ type: 'RestrictShop', data: { restrictionId, reason, scope } });
export const liftRestriction = (restrictionId = 'r-1', reason = 'appeal upheld'): LiftShopRestriction => ({
  type: 'LiftShopRestriction',
  data: { restrictionId, reason },
});
export const closeShop = (reason = 'retiring'): CloseShop => ({ type: 'CloseShop', data: { reason } });
export const deactivateShopWithTicket = (ticketId = 'T-2002'): DeactivateShop => ({ type: 'DeactivateShop', data: { ticketId } });
export const shopRestricted = (
  restrictionId = 'r-1',
  scope: readonly RestrictionScope[] = ['link_requests', 'campaigns'],
  at = OPERATED_AT,
): ShopEvent => ({
  type: 'ShopRestricted',
  data: { shopId: SHOP_ID, restrictionId, reason: 'repeated counterfeit listings', scope, restrictedAt: iso(at) },
});
export const restrictionLifted = (restrictionId = 'r-1', at = OPERATED_AT): ShopEvent => ({
  type: 'ShopRestrictionLifted',
  data: { shopId: SHOP_ID, restrictionId, reason: 'appeal upheld', liftedAt: iso(at) },
});
export const shopClosed = (at = OPERATED_AT): ShopEvent => ({
  type: 'ShopClosed',
  data: { shopId: SHOP_ID, reason: 'retiring', closedBy: 'seller', closedAt: iso(at) },
});
export const personalDataForgotten = (at = OPERATED_AT): ShopEvent => ({
  type: 'PersonalDataForgotten',
  data: { shopId: SHOP_ID, ticketId: 'T-1001', forgottenAt: iso(at) },
});
import type { OpenAfterSalesCase, SettleAfterSalesCase } from '../shop.commands';
import type { AfterSalesKind } from '../shop.events';

export const openCase = (caseId: string, kind: AfterSalesKind, orderId = 'o-1'): OpenAfterSalesCase => ({
  type: 'OpenAfterSalesCase',
  data: { caseId, kind, orderId },
});
export const settleCase = (caseId: string): SettleAfterSalesCase => ({ type: 'SettleAfterSalesCase', data: { caseId } });
export const caseOpened = (caseId: string, kind: AfterSalesKind, orderId = 'o-1', at = OPERATED_AT): ShopEvent => ({
  type: 'AfterSalesCaseOpened',
  data: { shopId: SHOP_ID, caseId, kind, orderId, openedAt: iso(at) },
});
export const caseSettled = (caseId: string, kind: AfterSalesKind, at = OPERATED_AT): ShopEvent => ({
  type: 'AfterSalesCaseSettled',
  data: { shopId: SHOP_ID, caseId, kind, settledAt: iso(at) },
});
