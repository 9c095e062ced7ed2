import { AccountProfile, AfterSalesKind, LinkRole, MemberRole, RestrictionScope, ShopKind, UnlinkReason } from './shop.events';

/** What callers ask of a shop. Each is decided against the shop's state by `decideShop`. */
export interface RegisterShop {
  readonly type: 'RegisterShop';
  readonly data: {
    readonly shopId: string;
    readonly name: string;
    readonly region: string;
    readonly currency: string;
    readonly kind: ShopKind;
    readonly ownerMemberId: string;
    /** The business registration number; optional (shops registered before it was asked have none). */
    readonly registrationNumber?: string;
  };
}

export interface SubmitBusinessVerification {
  readonly type: 'SubmitBusinessVerification';
  readonly data: { readonly documents: readonly string[] };
}

export interface RecordVerificationDecision {
  readonly type: 'RecordVerificationDecision';
  readonly data: { readonly outcome: 'verified' | 'rejected'; readonly reasons: readonly string[] };
}

export interface GrantAccess {
  readonly type: 'GrantAccess';
  readonly data: { readonly memberId: string; readonly role: MemberRole };
}

export interface RevokeAccess {
  readonly type: 'RevokeAccess';
  readonly data: { readonly memberId: string };
}

export interface GraduateFromProbation {
  readonly type: 'GraduateFromProbation';
  readonly data: Record<string, never>;
}

export interface RequestLink {
  readonly type: 'RequestLink';
  readonly data: {
    readonly accountId: string;
    readonly role: LinkRole;
    readonly profile: AccountProfile;
    readonly requestedScopes: readonly string[];
  };
}

export interface AnswerLinkAuthorization {
  readonly type: 'AnswerLinkAuthorization';
  readonly data: {
    readonly accountId: string;
    readonly decision: 'granted' | 'denied';
    readonly grantedScopes: readonly string[];
    /** The account as the relay saw it when the owner answered: a grant is judged against it again. */
    readonly profile?: AccountProfile;
  };
}

/** The shop withdraws a link request still awaiting the account owner's authorization. */
export interface CancelLinkRequest {
  readonly type: 'CancelLinkRequest';
  readonly data: { readonly accountId: string };
}

/**
 * Closes another shop's pending request of an account now linked elsewhere (sent by the
 * link-supersession workflow); `requestedAt` names the one request it closes, so it acts once.
 */
export interface SupersedeLinkRequest {
  readonly type: 'SupersedeLinkRequest';
  readonly data: { readonly accountId: string; readonly requestedAt: string };
}

export interface ExpireLinkAuthorization {
  readonly type: 'ExpireLinkAuthorization';
  readonly data: { readonly accountId: string };
}

/** Asks to unlink; the application supplies the request id and the salted hash of the one-time code it will answer. */
export interface RequestUnlink {
  readonly type: 'RequestUnlink';
  readonly data: {
    readonly accountId: string;
    readonly reason: UnlinkReason;
    readonly requestId: string;
    readonly codeHash: string;
    readonly codeSalt: string;
  };
}

export interface ConfirmUnlink {
  readonly type: 'ConfirmUnlink';
  readonly data: { readonly accountId: string; readonly requestId: string; readonly code: string };
}

export interface CancelUnlink {
  readonly type: 'CancelUnlink';
  readonly data: { readonly accountId: string; readonly requestId: string };
}

export interface ExpireUnlinkRequest {
  readonly type: 'ExpireUnlinkRequest';
  readonly data: { readonly accountId: string; readonly requestId: string };
}

/** After a security breach: unlink now, no code, never blocked; money frozen until the incident is resolved. */
export interface EmergencyUnlink {
  readonly type: 'EmergencyUnlink';
  readonly data: { readonly accountId: string; readonly incidentId: string; readonly description: string };
}

/** A support agent (the actor) unlinks on the seller's behalf, with a ticket; the usual blockers apply. */
export interface AssistedUnlink {
  readonly type: 'AssistedUnlink';
  readonly data: { readonly accountId: string; readonly reason: UnlinkReason; readonly ticketId: string };
}

/** One intent: link a new official account and, once it is authorized, unlink the old one. */
export interface SwitchOfficialAccount {
  readonly type: 'SwitchOfficialAccount';
  readonly data: { readonly accountId: string; readonly profile: AccountProfile; readonly requestedScopes: readonly string[] };
}

export interface PlaceOrder {
  readonly type: 'PlaceOrder';
  readonly data: { readonly orderId: string; readonly amount: number };
}

export interface FulfilOrder {
  readonly type: 'FulfilOrder';
  readonly data: { readonly orderId: string };
}

export interface CancelOrder {
  readonly type: 'CancelOrder';
  readonly data: { readonly orderId: string };
}

export interface CreditFunds {
  readonly type: 'CreditFunds';
  readonly data: { readonly settlementId: string; readonly orderId: string; readonly amount: number };
}

export interface RequestWithdrawal {
  readonly type: 'RequestWithdrawal';
  readonly data: { readonly withdrawalId: string; readonly amount: number };
}

export interface CompleteWithdrawal {
  readonly type: 'CompleteWithdrawal';
  readonly data: { readonly withdrawalId: string };
}

export interface FailWithdrawal {
  readonly type: 'FailWithdrawal';
  readonly data: { readonly withdrawalId: string; readonly reason: string };
}

export interface StartCampaign {
  readonly type: 'StartCampaign';
  readonly data: { readonly campaignId: string; readonly accountId: string };
}

export interface EndCampaign {
  readonly type: 'EndCampaign';
  readonly data: { readonly campaignId: string };
}

export interface ReportSecurityIncident {
  readonly type: 'ReportSecurityIncident';
  readonly data: { readonly incidentId: string; readonly description: string; readonly unlinkAccountIds: readonly string[] };
}

export interface ResolveSecurityIncident {
  readonly type: 'ResolveSecurityIncident';
  readonly data: { readonly incidentId: string; readonly resolution: string };
}

/** The seller leaves; or a support agent (the actor) on the seller's behalf, who must name the ticket. */
export interface DeactivateShop {
  readonly type: 'DeactivateShop';
  readonly data: { readonly ticketId?: string };
}

export interface ReactivateShop {
  readonly type: 'ReactivateShop';
  readonly data: Record<string, never>;
}

/**
 * Forget the shop's personal data (crypto-shredding): carried out by a support agent with the ticket of the
 * request, and only once the shop has left TikTok Shop.
 */
export interface ForgetPersonalData {
  readonly type: 'ForgetPersonalData';
  readonly data: { readonly ticketId: string };
}

// Enforcement and closure.

/** Trust and safety unlinks an account for a policy violation: no code, no freeze, no waiting. */
export interface EnforceUnlink {
  readonly type: 'EnforceUnlink';
  readonly data: { readonly accountId: string; readonly violation: string };
}

export interface RestrictShop {
  readonly type: 'RestrictShop';
  readonly data: { readonly restrictionId: string; readonly reason: string; readonly scope: readonly RestrictionScope[] };
}

export interface LiftShopRestriction {
  readonly type: 'LiftShopRestriction';
  readonly data: { readonly restrictionId: string; readonly reason: string };
}

/** Close the shop for good: by the seller (admin, stepped up) or by trust and safety. */
export interface CloseShop {
  readonly type: 'CloseShop';
  readonly data: { readonly reason: string };
}

/** The order service opens a refund, return or dispute on an order, and settles it. */
export interface OpenAfterSalesCase {
  readonly type: 'OpenAfterSalesCase';
  readonly data: { readonly caseId: string; readonly kind: AfterSalesKind; readonly orderId: string };
}

export interface SettleAfterSalesCase {
  readonly type: 'SettleAfterSalesCase';
  readonly data: { readonly caseId: string };
}

export type ShopCommand =
  | RegisterShop
  | SubmitBusinessVerification
  | RecordVerificationDecision
  | GrantAccess
  | RevokeAccess
  | GraduateFromProbation
  | RequestLink
  | AnswerLinkAuthorization
  | CancelLinkRequest
  | SupersedeLinkRequest
  | ExpireLinkAuthorization
  | RequestUnlink
  | ConfirmUnlink
  | CancelUnlink
  | ExpireUnlinkRequest
  | EmergencyUnlink
  | AssistedUnlink
  | SwitchOfficialAccount
  | PlaceOrder
  | FulfilOrder
  | CancelOrder
  | CreditFunds
  | RequestWithdrawal
  | CompleteWithdrawal
  | FailWithdrawal
  | StartCampaign
  | EndCampaign
  | ReportSecurityIncident
  | ResolveSecurityIncident
  | DeactivateShop
  | ReactivateShop
  | ForgetPersonalData
  | EnforceUnlink
  | RestrictShop
  | LiftShopRestriction
  | CloseShop
  | OpenAfterSalesCase
  | SettleAfterSalesCase;

export type ShopCommandType = ShopCommand['type'];
