/**
 * Events of a shop stream (`shop-<shopId>`). The `type` strings are the stored names,
 * the product's own words from DOMAIN.md; never rename one once it has been written.
 * Times are ISO-8601 strings so an event reads the same after a JSON round trip.
 */
export type ShopKind = 'individual' | 'business';
export type ShopStage = 'probation' | 'graduated';
export type ShopStatus = 'active' | 'deactivated';
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
    /** `OWNER_DENIED` when the owner said no, `MISSING_SCOPES` when a required scope was not granted. */
    readonly reason: 'OWNER_DENIED' | 'MISSING_SCOPES';
    readonly grantedScopes: readonly string[];
    readonly missingScopes: readonly string[];
    readonly deniedAt: string;
  };
}

export interface LinkAuthorizationExpired {
  readonly type: 'LinkAuthorizationExpired';
  readonly data: { readonly shopId: string; readonly accountId: string; readonly role: LinkRole; readonly expiredAt: string };
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
  | LinkAuthorizationExpired;

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
];

/** The one helper that names shop streams. */
export const shopStreamId = (shopId: string): string => `shop-${shopId}`;
