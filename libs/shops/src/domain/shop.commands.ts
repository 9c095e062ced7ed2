import { AccountProfile, LinkRole, MemberRole, ShopKind } from './shop.events';

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
  readonly data: { readonly accountId: string; readonly decision: 'granted' | 'denied'; readonly grantedScopes: readonly string[] };
}

export interface ExpireLinkAuthorization {
  readonly type: 'ExpireLinkAuthorization';
  readonly data: { readonly accountId: string };
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
  | ExpireLinkAuthorization;

export type ShopCommandType = ShopCommand['type'];
