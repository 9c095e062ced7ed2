import { LinkRole, MemberRole, ShopKind, ShopStage, ShopStatus, VerificationStatus } from '../domain/shop.events';

export type LinkViewState = 'awaiting_authorization' | 'linked' | 'rejected' | 'authorization_denied' | 'authorization_expired';

/** The latest word on one account this shop asked for, with the reason codes when it failed. */
export interface LinkView {
  readonly accountId: string;
  readonly handle: string;
  readonly role: LinkRole;
  readonly state: LinkViewState;
  readonly reasons: readonly string[];
  readonly requestedScopes: readonly string[];
  readonly grantedScopes: readonly string[];
  readonly requestedAt: string | null;
  readonly authorizationExpiresAt: string | null;
  readonly linkedAt: string | null;
  readonly updatedAt: string;
}

export interface ShopStatusDocument {
  readonly [key: string]: unknown;
  readonly shopId: string;
  readonly name: string;
  readonly region: string;
  readonly currency: string;
  readonly kind: ShopKind;
  readonly stage: ShopStage;
  readonly status: ShopStatus;
  readonly verification: {
    readonly status: VerificationStatus;
    readonly documents: readonly string[];
    readonly rejectionReasons: readonly string[];
    readonly updatedAt: string | null;
  };
  readonly ownerMemberId: string;
  readonly members: readonly { readonly memberId: string; readonly role: MemberRole }[];
  readonly officialAccount: LinkView | null;
  readonly marketingAccounts: readonly LinkView[];
  readonly openLinkRequests: readonly LinkView[];
  /** Every account the shop has asked for, latest state first by account id. */
  readonly links: readonly LinkView[];
  /** Lets the authorization-expiry sweeper find shops with something to expire without scanning all. */
  readonly hasOpenLinkRequests: boolean;
  readonly revision: number;
  readonly position: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export const SHOP_STATUS_COLLECTION = 'shop_status';
