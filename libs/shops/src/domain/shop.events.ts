/**
 * Events of a shop stream (`shop-<shopId>`). The `type` strings are the stored names,
 * the product's own words; never rename one once it has been written.
 * Times are ISO-8601 strings so an event reads the same after a JSON round trip.
 */
export type ShopKind = 'individual' | 'business';
export type ShopStage = 'probation' | 'graduated';
/** `closed` is final: nothing brings a closed shop back (see ShopClosed). */
export type ShopStatus = 'active' | 'deactivated' | 'closed';
export type VerificationStatus = 'unverified' | 'pending' | 'verified' | 'rejected';
export type MemberRole = 'admin' | 'finance' | 'operator' | 'viewer';
export type LinkRole = 'official' | 'marketing';
export type AccountKind = 'business' | 'personal';

/** The facts about a TikTok account the caller passed; recorded so an auditor sees what the decision was made on. */
export interface AccountProfile {
  readonly handle: string;
  readonly kind: AccountKind;
  readonly followers: number;
  readonly ownerAge: number;
  readonly region: string;
  readonly ecommercePermissionRevoked: boolean;
  readonly activeGuidelineRestriction: boolean;
  readonly recentViolations: number;
}

export interface ShopRegistered {
  readonly type: 'ShopRegistered';
  readonly data: {
    readonly shopId: string;
    readonly name: string;
    readonly region: string;
    readonly currency: string;
    readonly kind: ShopKind;
    readonly ownerMemberId: string;
    /** The business registration number, claimed in its market (schema version 2; null when none was given, and in version 1). */
    readonly registrationNumber: string | null;
    readonly registeredAt: string;
  };
}

export interface BusinessVerificationSubmitted {
  readonly type: 'BusinessVerificationSubmitted';
  readonly data: { readonly shopId: string; readonly documents: readonly string[]; readonly submittedAt: string };
}

export interface BusinessVerified {
  readonly type: 'BusinessVerified';
  readonly data: { readonly shopId: string; readonly verifiedAt: string };
}

export interface BusinessVerificationRejected {
  readonly type: 'BusinessVerificationRejected';
  readonly data: { readonly shopId: string; readonly reasons: readonly string[]; readonly rejectedAt: string };
}

export interface AccessGranted {
  readonly type: 'AccessGranted';
  readonly data: { readonly shopId: string; readonly memberId: string; readonly role: MemberRole; readonly grantedAt: string };
}

export interface AccessRevoked {
  readonly type: 'AccessRevoked';
  readonly data: { readonly shopId: string; readonly memberId: string; readonly revokedAt: string };
}

export interface ShopGraduatedFromProbation {
  readonly type: 'ShopGraduatedFromProbation';
  readonly data: { readonly shopId: string; readonly graduatedAt: string };
}

export interface AccountLinkRequested {
  readonly type: 'AccountLinkRequested';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    readonly profile: AccountProfile;
    readonly requestedScopes: readonly string[];
    readonly requestedAt: string;
    /** When the account owner's authorization must have arrived. */
    readonly authorizationExpiresAt: string;
    /**
     * A switch of the official account: the account this one replaces once authorized; null for
     * any other request. (Schema version 2: version 1 left it out when null.)
     */
    readonly replacesAccountId: string | null;
  };
}

export interface AccountLinkRejected {
  readonly type: 'AccountLinkRejected';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    readonly profile: AccountProfile;
    /** Every failed eligibility rule, as stable reason codes. */
    readonly reasons: readonly string[];
    readonly rejectedAt: string;
  };
}

export interface AccountLinkAuthorized {
  readonly type: 'AccountLinkAuthorized';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    readonly grantedScopes: readonly string[];
    readonly authorizedAt: string;
  };
}

export interface AccountLinked {
  readonly type: 'AccountLinked';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly handle: string;
    readonly role: LinkRole;
    readonly scopes: readonly string[];
    readonly linkedAt: string;
  };
}

export interface LinkAuthorizationDenied {
  readonly type: 'LinkAuthorizationDenied';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    /**
     * `OWNER_DENIED` when the owner said no, `MISSING_SCOPES` when a required scope was not granted,
     * `ACCOUNT_INELIGIBLE` when the account no longer passed the link rules when the grant arrived.
     */
    readonly reason: 'OWNER_DENIED' | 'MISSING_SCOPES' | 'ACCOUNT_INELIGIBLE';
    readonly grantedScopes: readonly string[];
    readonly missingScopes: readonly string[];
    /** With ACCOUNT_INELIGIBLE: every link rule failed at grant time (absent in events recorded before the check). */
    readonly failedRules?: readonly string[];
    readonly deniedAt: string;
  };
}

/** The shop withdrew its request before the owner answered: the account is free of it at once. */
export interface LinkRequestCancelled {
  readonly type: 'LinkRequestCancelled';
  readonly data: { readonly shopId: string; readonly accountId: string; readonly role: LinkRole; readonly cancelledAt: string };
}

/**
 * The account became linked to another shop while this request waited: the request is closed at
 * once, so the shop is not blocked for 48 hours (its official slot, its marketing limit).
 */
export interface LinkRequestSuperseded {
  readonly type: 'LinkRequestSuperseded';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    /** The shop the account is linked to now. */
    readonly linkedShopId: string;
    readonly supersededAt: string;
  };
}

export interface LinkAuthorizationExpired {
  readonly type: 'LinkAuthorizationExpired';
  readonly data: { readonly shopId: string; readonly accountId: string; readonly role: LinkRole; readonly expiredAt: string };
}

export type UnlinkReason =
  'business_pivot' | 'closure' | 'privacy' | 'security_breach' | 'switching_accounts' | 'troubleshooting' | 'policy_violation' | 'other';

export const UNLINK_REASONS: readonly UnlinkReason[] = [
  'business_pivot',
  'closure',
  'privacy',
  'security_breach',
  'switching_accounts',
  'troubleshooting',
  'policy_violation',
  'other',
];

/** What the seller loses by unlinking, stated when the unlink is requested. */
export interface UnlinkConsequences {
  readonly showcaseRemoved: boolean;
  readonly campaignsTerminated: readonly string[];
  readonly salesDataAccessLost: boolean;
}

export interface UnlinkRequested {
  readonly type: 'UnlinkRequested';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    readonly requestId: string;
    readonly reason: UnlinkReason;
    readonly consequences: UnlinkConsequences;
    /** The one-time confirmation code is never stored; only its salted hash. */
    readonly codeHash: string;
    readonly codeSalt: string;
    readonly requestedAt: string;
    readonly expiresAt: string;
  };
}

export interface UnlinkConfirmationFailed {
  readonly type: 'UnlinkConfirmationFailed';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly requestId: string;
    readonly failedAttempts: number;
    readonly attemptsLeft: number;
    readonly failedAt: string;
  };
}

export interface UnlinkRequestLocked {
  readonly type: 'UnlinkRequestLocked';
  readonly data: { readonly shopId: string; readonly accountId: string; readonly requestId: string; readonly lockedAt: string };
}

export interface UnlinkRequestCancelled {
  readonly type: 'UnlinkRequestCancelled';
  readonly data: { readonly shopId: string; readonly accountId: string; readonly requestId: string; readonly cancelledAt: string };
}

export interface UnlinkRequestExpired {
  readonly type: 'UnlinkRequestExpired';
  readonly data: { readonly shopId: string; readonly accountId: string; readonly requestId: string; readonly expiredAt: string };
}

/** `enforced`: trust and safety unlinked the account for a policy violation (after AccountUnlinkedForPolicyViolation). */
export type UnlinkMode = 'confirmed' | 'emergency' | 'assisted' | 'switch' | 'enforced';

export interface AccountUnlinked {
  readonly type: 'AccountUnlinked';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly handle: string;
    readonly role: LinkRole;
    readonly reason: UnlinkReason;
    readonly mode: UnlinkMode;
    readonly requestId: string | null;
    readonly incidentId: string | null;
    readonly ticketId: string | null;
    readonly agentId: string | null;
    /** Official-account unlinks of this shop so far, this one included (0 for marketing accounts' unlinks). */
    readonly officialUnlinkCount: number;
    readonly unlinkedAt: string;
  };
}

export interface FundsCredited {
  readonly type: 'FundsCredited';
  readonly data: {
    readonly shopId: string;
    readonly settlementId: string;
    readonly orderId: string;
    readonly amount: number;
    readonly currency: string;
    /** Credits land in `frozen` while a security incident is open. */
    readonly creditedTo: 'available' | 'frozen';
    readonly creditedAt: string;
  };
}

export interface FundsWithdrawalRequested {
  readonly type: 'FundsWithdrawalRequested';
  readonly data: {
    readonly shopId: string;
    readonly withdrawalId: string;
    readonly amount: number;
    readonly currency: string;
    readonly requestedAt: string;
  };
}

export interface FundsWithdrawn {
  readonly type: 'FundsWithdrawn';
  readonly data: { readonly shopId: string; readonly withdrawalId: string; readonly amount: number; readonly withdrawnAt: string };
}

export interface FundsWithdrawalFailed {
  readonly type: 'FundsWithdrawalFailed';
  readonly data: {
    readonly shopId: string;
    readonly withdrawalId: string;
    readonly amount: number;
    readonly reason: string;
    /** The money returns to `available`, or to `frozen` while a security incident is open. */
    readonly returnedTo: 'available' | 'frozen';
    readonly failedAt: string;
  };
}

export interface FundsFrozen {
  readonly type: 'FundsFrozen';
  /** Moves everything available into frozen. */
  readonly data: { readonly shopId: string; readonly incidentId: string; readonly amount: number; readonly frozenAt: string };
}

export interface FundsUnfrozen {
  readonly type: 'FundsUnfrozen';
  /** Moves everything frozen back to available. */
  readonly data: { readonly shopId: string; readonly incidentId: string; readonly amount: number; readonly unfrozenAt: string };
}

export interface OrderPlaced {
  readonly type: 'OrderPlaced';
  readonly data: {
    readonly shopId: string;
    readonly orderId: string;
    readonly amount: number;
    readonly currency: string;
    readonly placedAt: string;
  };
}

export interface OrderFulfilled {
  readonly type: 'OrderFulfilled';
  readonly data: { readonly shopId: string; readonly orderId: string; readonly fulfilledAt: string };
}

export interface OrderCancelled {
  readonly type: 'OrderCancelled';
  readonly data: { readonly shopId: string; readonly orderId: string; readonly cancelledAt: string };
}

export interface CampaignStarted {
  readonly type: 'CampaignStarted';
  readonly data: { readonly shopId: string; readonly campaignId: string; readonly accountId: string; readonly startedAt: string };
}

export interface CampaignEnded {
  readonly type: 'CampaignEnded';
  readonly data: { readonly shopId: string; readonly campaignId: string; readonly endedAt: string };
}

export interface CampaignTerminated {
  readonly type: 'CampaignTerminated';
  readonly data: {
    readonly shopId: string;
    readonly campaignId: string;
    readonly accountId: string;
    readonly reason: 'account_unlinked';
    readonly terminatedAt: string;
  };
}

export interface SecurityIncidentReported {
  readonly type: 'SecurityIncidentReported';
  readonly data: { readonly shopId: string; readonly incidentId: string; readonly description: string; readonly reportedAt: string };
}

export interface SecurityIncidentResolved {
  readonly type: 'SecurityIncidentResolved';
  readonly data: { readonly shopId: string; readonly incidentId: string; readonly resolution: string; readonly resolvedAt: string };
}

export interface ShopDeactivated {
  readonly type: 'ShopDeactivated';
  /**
   * `ticketId`: the support ticket when a support agent deactivated on the seller's behalf, else null
   * (schema version 2; version 1 had no ticket, read as null).
   */
  readonly data: { readonly shopId: string; readonly ticketId: string | null; readonly deactivatedAt: string };
}

export interface ShopReactivated {
  readonly type: 'ShopReactivated';
  readonly data: { readonly shopId: string; readonly reactivatedAt: string };
}

/**
 * The shop's personal data was forgotten on request: its keys are destroyed, so every personal
 * field it ever recorded (see personal-data.ts) now reads as erased. The history itself is kept.
 */
export interface PersonalDataForgotten {
  readonly type: 'PersonalDataForgotten';
  /** `ticketId`: the support ticket of the request (schema version 2; null in erasures recorded before tickets were required). */
  readonly data: { readonly shopId: string; readonly ticketId: string | null; readonly forgottenAt: string };
}

// Enforcement and closure: trust and safety's unlinks and restrictions, and the shop closed for good.

/**
 * Trust and safety unlinked the account for a policy violation: no code, no money frozen. The unlink
 * itself follows as AccountUnlinked (mode `enforced`), which every reader of unlinks already knows.
 */
export interface AccountUnlinkedForPolicyViolation {
  readonly type: 'AccountUnlinkedForPolicyViolation';
  readonly data: {
    readonly shopId: string;
    readonly accountId: string;
    readonly role: LinkRole;
    readonly violation: string;
    /** Policy-violation unlinks of this shop so far, this one included. */
    readonly policyViolationUnlinkCount: number;
    readonly enforcedAt: string;
  };
}

/** What a restriction stops: new link requests (and switches), and campaigns. */
export type RestrictionScope = 'link_requests' | 'campaigns';

export const RESTRICTION_SCOPES: readonly RestrictionScope[] = ['link_requests', 'campaigns'];

export interface ShopRestricted {
  readonly type: 'ShopRestricted';
  readonly data: {
    readonly shopId: string;
    readonly restrictionId: string;
    readonly reason: string;
    readonly scope: readonly RestrictionScope[];
    readonly restrictedAt: string;
  };
}

export interface ShopRestrictionLifted {
  readonly type: 'ShopRestrictionLifted';
  readonly data: { readonly shopId: string; readonly restrictionId: string; readonly reason: string; readonly liftedAt: string };
}

/** Closed for good: never reactivated, and its business registration number is not registered again in its market. */
export interface ShopClosed {
  readonly type: 'ShopClosed';
  readonly data: {
    readonly shopId: string;
    readonly reason: string;
    readonly closedBy: 'seller' | 'trust_and_safety';
    readonly closedAt: string;
  };
}

/** What a buyer opened after an order: its money back, the goods back, or a dispute. */
export type AfterSalesKind = 'refund' | 'return' | 'dispute';

export const AFTER_SALES_KINDS: readonly AfterSalesKind[] = ['refund', 'return', 'dispute'];

/** The order service opened a refund, return or dispute; open ones block closure. */
export interface AfterSalesCaseOpened {
  readonly type: 'AfterSalesCaseOpened';
  readonly data: {
    readonly shopId: string;
    readonly caseId: string;
    readonly kind: AfterSalesKind;
    readonly orderId: string;
    readonly openedAt: string;
  };
}

export interface AfterSalesCaseSettled {
  readonly type: 'AfterSalesCaseSettled';
  readonly data: { readonly shopId: string; readonly caseId: string; readonly kind: AfterSalesKind; readonly settledAt: string };
}

export type ShopEvent =
  | ShopRegistered
  | BusinessVerificationSubmitted
  | BusinessVerified
  | BusinessVerificationRejected
  | AccessGranted
  | AccessRevoked
  | ShopGraduatedFromProbation
  | AccountLinkRequested
  | AccountLinkRejected
  | AccountLinkAuthorized
  | AccountLinked
  | LinkAuthorizationDenied
  | LinkAuthorizationExpired
  | LinkRequestCancelled
  | LinkRequestSuperseded
  | UnlinkRequested
  | UnlinkConfirmationFailed
  | UnlinkRequestLocked
  | UnlinkRequestCancelled
  | UnlinkRequestExpired
  | AccountUnlinked
  | FundsCredited
  | FundsWithdrawalRequested
  | FundsWithdrawn
  | FundsWithdrawalFailed
  | FundsFrozen
  | FundsUnfrozen
  | OrderPlaced
  | OrderFulfilled
  | OrderCancelled
  | CampaignStarted
  | CampaignEnded
  | CampaignTerminated
  | SecurityIncidentReported
  | SecurityIncidentResolved
  | ShopDeactivated
  | ShopReactivated
  | PersonalDataForgotten
  | AccountUnlinkedForPolicyViolation
  | ShopRestricted
  | ShopRestrictionLifted
  | ShopClosed
  | AfterSalesCaseOpened
  | AfterSalesCaseSettled;

export type ShopEventType = ShopEvent['type'];

export const SHOP_EVENT_TYPES: readonly ShopEventType[] = [
  'ShopRegistered',
  'BusinessVerificationSubmitted',
  'BusinessVerified',
  'BusinessVerificationRejected',
  'AccessGranted',
  'AccessRevoked',
  'ShopGraduatedFromProbation',
  'AccountLinkRequested',
  'AccountLinkRejected',
  'AccountLinkAuthorized',
  'AccountLinked',
  'LinkAuthorizationDenied',
  'LinkAuthorizationExpired',
  'LinkRequestCancelled',
  'LinkRequestSuperseded',
  'UnlinkRequested',
  'UnlinkConfirmationFailed',
  'UnlinkRequestLocked',
  'UnlinkRequestCancelled',
  'UnlinkRequestExpired',
  'AccountUnlinked',
  'FundsCredited',
  'FundsWithdrawalRequested',
  'FundsWithdrawn',
  'FundsWithdrawalFailed',
  'FundsFrozen',
  'FundsUnfrozen',
  'OrderPlaced',
  'OrderFulfilled',
  'OrderCancelled',
  'CampaignStarted',
  'CampaignEnded',
  'CampaignTerminated',
  'SecurityIncidentReported',
  'SecurityIncidentResolved',
  'ShopDeactivated',
  'ShopReactivated',
  'PersonalDataForgotten',
  'AccountUnlinkedForPolicyViolation',
  'ShopRestricted',
  'ShopRestrictionLifted',
  'ShopClosed',
  'AfterSalesCaseOpened',
  'AfterSalesCaseSettled',
];

/** The one helper that names shop streams. */
export const shopStreamId = (shopId: string): string => `shop-${shopId}`;
