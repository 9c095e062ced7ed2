import type { EnforcementView } from './shop-status.enforcement-view';
import { LinkRole, MemberRole, ShopKind, ShopStage, ShopStatus, UnlinkMode, UnlinkReason, VerificationStatus } from '../domain/shop.events';

export type LinkViewState =
  | 'awaiting_authorization'
  | 'linked'
  | 'rejected'
  | 'authorization_denied'
  | 'authorization_expired'
  | 'request_cancelled'
  | 'request_superseded'
  | 'unlinked';

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
  /** Set by a switch of the official account while the new one awaits authorization. */
  readonly replacesAccountId: string | null;
  readonly unlinked: {
    readonly mode: UnlinkMode;
    readonly reason: UnlinkReason;
    readonly at: string;
    readonly ticketId: string | null;
    readonly incidentId: string | null;
  } | null;
  readonly updatedAt: string;
}

/** An unlink awaiting its code; the code and its hash are never part of a read model. */
export interface UnlinkRequestView {
  readonly requestId: string;
  readonly accountId: string;
  readonly role: LinkRole;
  readonly reason: UnlinkReason;
  readonly requestedAt: string;
  readonly expiresAt: string;
  readonly failedAttempts: number;
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
  /**
   * The latest word on each current link (linked, awaiting authorization) and on the
   * RECENT_PAST_LINKS links that ended last, by account id. Older ended links are in
   * `shop_links` (GET /v1/shops/:shopId/links?state=past).
   */
  readonly links: readonly LinkView[];
  /** Links now linked, awaiting authorization, and how many links have ended so far (one per ending). */
  readonly linkCounts: { readonly linked: number; readonly awaitingAuthorization: number; readonly past: number };
  /** Lets the authorization-expiry sweeper find shops with something to expire without scanning all. */
  readonly hasOpenLinkRequests: boolean;
  readonly openUnlinkRequests: readonly UnlinkRequestView[];
  readonly hasOpenUnlinkRequests: boolean;
  /** Official-account unlinks so far, emergency and assisted ones included (the policy allows 3 ever). */
  readonly officialUnlinkCount: number;
  readonly money: { readonly currency: string; readonly available: number; readonly pendingWithdrawal: number; readonly frozen: number };
  readonly moneyFrozen: boolean;
  readonly openIncidents: readonly { readonly incidentId: string; readonly description: string; readonly reportedAt: string }[];
  readonly ordersAwaitingFulfilment: { readonly count: number; readonly orderIds: readonly string[] };
  readonly lastOrderClosedAt: string | null;
  /**
   * For the "blocked from deactivation" list, which must not depend on replaying each shop:
   * true while something other than time blocks leaving (a linked account, a running campaign,
   * an order awaiting fulfilment, money available, being withdrawn or frozen, an open incident).
   * The time-bound blockers are left as facts compared with the clock at query time:
   * `lastOrderClosedAt` (cooling period) and `linkRequestsPendingUntil`.
   */
  readonly deactivationBlockedByState: boolean;
  /** The latest authorization deadline of the link requests awaiting authorization; they block leaving until then. */
  readonly linkRequestsPendingUntil: string | null;
  readonly activeCampaigns: readonly { readonly campaignId: string; readonly accountId: string; readonly startedAt: string }[];
  readonly deactivatedAt: string | null;
  /** When the shop's personal data was last forgotten (PersonalDataForgotten); null if never. */
  readonly personalDataForgottenAt: string | null;
  /** Policy-violation unlinks, restrictions in force, closure (absent on documents written before them). */
  readonly enforcement?: EnforcementView;
  readonly revision: number;
  readonly position: string;
  readonly registeredAt: string;
  readonly updatedAt: string;
}

export const SHOP_STATUS_COLLECTION = 'shop_status';
