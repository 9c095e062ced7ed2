import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  AfterSalesKind,
  EnforcementView,
  LinkRole,
  RestrictionScope,
  LinkView,
  LinkViewState,
  PastLinkView,
  MemberRole,
  RefusalDetail,
  ShopKind,
  ShopStage,
  ShopStatus,
  ShopStatusAnswer,
  UnlinkMode,
  UnlinkReason,
  UnlinkRequestView,
  VerificationStatus,
} from '@shoplink/shops';
import { AFTER_SALES_KINDS, RESTRICTION_SCOPES, UNLINK_REASONS } from '@shoplink/shops';

/*
 * The OpenAPI shape of GET /v1/shops/{shopId}. Each class `implements` the read model's own type, so
 * the compiler refuses a field missing here or typed otherwise; the decorators say it in OpenAPI.
 */

const LINK_STATES: readonly LinkViewState[] = [
  'awaiting_authorization',
  'linked',
  'rejected',
  'authorization_denied',
  'authorization_expired',
  'request_cancelled',
  'request_superseded',
  'unlinked',
];
const LINK_ROLES: readonly LinkRole[] = ['official', 'marketing'];
const UNLINK_MODES: readonly UnlinkMode[] = ['confirmed', 'emergency', 'assisted', 'switch', 'enforced'];
const SHOP_STATUSES: readonly ShopStatus[] = ['active', 'deactivated', 'closed'];
const INSTANT = { type: 'string', format: 'date-time' } as const;
const NULLABLE_INSTANT = { ...INSTANT, nullable: true } as const;

@ApiSchema({ name: 'RefusalDetail', description: 'A rule that fails, or a blocker: a stable code and words for people' })
class RefusalDetailSchema implements RefusalDetail {
  @ApiProperty({ example: 'ORDERS_AWAITING_FULFILMENT' }) code: string;
  @ApiProperty() message: string;
}

@ApiSchema({ name: 'UnlinkView', description: 'How a link ended' })
class UnlinkViewSchema implements NonNullable<LinkView['unlinked']> {
  @ApiProperty({ enum: UNLINK_MODES }) mode: UnlinkMode;
  @ApiProperty({ enum: UNLINK_REASONS }) reason: UnlinkReason;
  @ApiProperty(INSTANT) at: string;
  @ApiProperty({ type: 'string', nullable: true }) ticketId: string | null;
  @ApiProperty({ type: 'string', nullable: true }) incidentId: string | null;
}

@ApiSchema({ name: 'LinkView', description: 'The latest word on one account the shop asked for, with the reason codes when it failed' })
export class LinkViewSchema implements LinkView {
  @ApiProperty({ example: 'tt-official' }) accountId: string;
  @ApiProperty({ description: 'TikTok handle; "[erased]" once the personal data is forgotten' }) handle: string;
  @ApiProperty({ enum: LINK_ROLES }) role: LinkRole;
  @ApiProperty({ enum: LINK_STATES }) state: LinkViewState;
  @ApiProperty({ type: [String], example: ['MARKETING_LIMIT_REACHED'] }) reasons: string[];
  @ApiProperty({ type: [String] }) requestedScopes: string[];
  @ApiProperty({ type: [String] }) grantedScopes: string[];
  @ApiProperty(NULLABLE_INSTANT) requestedAt: string | null;
  @ApiProperty(NULLABLE_INSTANT) authorizationExpiresAt: string | null;
  @ApiProperty(NULLABLE_INSTANT) linkedAt: string | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Set by a switch of the official account while the new one awaits authorization',
  })
  replacesAccountId: string | null;
  @ApiProperty({ type: UnlinkViewSchema, nullable: true }) unlinked: UnlinkViewSchema | null;
  @ApiProperty(INSTANT) updatedAt: string;
}

@ApiSchema({ name: 'UnlinkRequestView', description: 'An unlink awaiting its code (never the code itself)' })
class UnlinkRequestViewSchema implements UnlinkRequestView {
  @ApiProperty() requestId: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ enum: LINK_ROLES }) role: LinkRole;
  @ApiProperty({ enum: UNLINK_REASONS }) reason: UnlinkReason;
  @ApiProperty(INSTANT) requestedAt: string;
  @ApiProperty(INSTANT) expiresAt: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) failedAttempts: number;
}

class VerificationViewSchema {
  @ApiProperty({ enum: ['unverified', 'pending', 'verified', 'rejected'] }) status: VerificationStatus;
  @ApiProperty({ type: [String] }) documents: string[];
  @ApiProperty({ type: [String] }) rejectionReasons: string[];
  @ApiProperty(NULLABLE_INSTANT) updatedAt: string | null;
}

class MemberViewSchema {
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: ['admin', 'finance', 'operator', 'viewer'] }) role: MemberRole;
}

class MoneyViewSchema {
  @ApiProperty({ example: 'GBP' }) currency: string;
  @ApiProperty({ type: 'integer', description: 'Minor units' }) available: number;
  @ApiProperty({ type: 'integer' }) pendingWithdrawal: number;
  @ApiProperty({ type: 'integer' }) frozen: number;
}

class IncidentViewSchema {
  @ApiProperty() incidentId: string;
  @ApiProperty() description: string;
  @ApiProperty(INSTANT) reportedAt: string;
}

class OrdersViewSchema {
  @ApiProperty({ type: 'integer', minimum: 0 }) count: number;
  @ApiProperty({ type: [String] }) orderIds: string[];
}

class CampaignViewSchema {
  @ApiProperty() campaignId: string;
  @ApiProperty() accountId: string;
  @ApiProperty(INSTANT) startedAt: string;
}

type LinkCounts = ShopStatusAnswer['linkCounts'];

@ApiSchema({ name: 'LinkCounts', description: 'Links now linked, awaiting authorization, and ended so far' })
class LinkCountsViewSchema implements LinkCounts {
  @ApiProperty({ type: 'integer', minimum: 0 }) linked: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) awaitingAuthorization: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Links ended so far (unlinked, refused, denied, expired, cancelled), one per ending',
  })
  past: number;
}

class BlockersViewSchema {
  @ApiProperty({ type: [RefusalDetailSchema], description: 'What blocks unlinking the official account now' })
  unlinkOfficialAccount: RefusalDetailSchema[];
  @ApiProperty({ type: [RefusalDetailSchema], description: 'What blocks leaving TikTok Shop now' })
  deactivation: RefusalDetailSchema[];
}

class RestrictionViewSchema {
  @ApiProperty() restrictionId: string;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: RESTRICTION_SCOPES, isArray: true, description: 'What the restriction stops' }) scope: RestrictionScope[];
  @ApiProperty(INSTANT) restrictedAt: string;
}

class AfterSalesCaseViewSchema {
  @ApiProperty() caseId: string;
  @ApiProperty({ enum: AFTER_SALES_KINDS }) kind: AfterSalesKind;
  @ApiProperty() orderId: string;
}

class EnforcementViewSchema implements EnforcementView {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Accounts unlinked by trust and safety for a policy violation, ever' })
  policyViolationUnlinkCount: number;
  @ApiProperty({ type: [RestrictionViewSchema], description: 'Restrictions in force (no new link requests, no campaigns)' })
  restrictions: RestrictionViewSchema[];
  @ApiProperty({ ...NULLABLE_INSTANT, description: 'When the shop was closed for good; null while it is not' }) closedAt: string | null;
  @ApiProperty({ enum: ['seller', 'trust_and_safety'], nullable: true }) closedBy: 'seller' | 'trust_and_safety' | null;
  @ApiProperty({ type: [AfterSalesCaseViewSchema], description: 'Refunds, returns and disputes still open: they block closure' })
  openAfterSalesCases: AfterSalesCaseViewSchema[];
}

@ApiSchema({
  name: 'ShopStatus',
  description: 'The shop status read model, with the blockers decided at query time by the domain rules',
})
export class ShopStatusSchema implements ShopStatusAnswer {
  [key: string]: unknown;
  @ApiProperty({ example: 'brand' }) shopId: string;
  @ApiProperty({ description: 'The shop name; "[erased]" once the personal data of an individual seller is forgotten' }) name: string;
  @ApiProperty({ example: 'GB' }) region: string;
  @ApiProperty({ example: 'GBP' }) currency: string;
  @ApiProperty({ enum: ['individual', 'business'] }) kind: ShopKind;
  @ApiProperty({ enum: ['probation', 'graduated'] }) stage: ShopStage;
  @ApiProperty({ enum: SHOP_STATUSES, description: 'closed is final' }) status: ShopStatus;
  @ApiProperty({ type: VerificationViewSchema }) verification: VerificationViewSchema;
  @ApiProperty() ownerMemberId: string;
  @ApiProperty({ type: [MemberViewSchema] }) members: MemberViewSchema[];
  @ApiProperty({ type: LinkViewSchema, nullable: true }) officialAccount: LinkViewSchema | null;
  @ApiProperty({ type: [LinkViewSchema] }) marketingAccounts: LinkViewSchema[];
  @ApiProperty({ type: [LinkViewSchema] }) openLinkRequests: LinkViewSchema[];
  @ApiProperty({
    type: [LinkViewSchema],
    description:
      'The latest word on each current link (linked, awaiting authorization) and on the 10 links that ended last, by account id; every ended link pages through GET /v1/shops/{shopId}/links?state=past',
  })
  links: LinkViewSchema[];
  @ApiProperty({ type: LinkCountsViewSchema }) linkCounts: LinkCountsViewSchema;
  @ApiProperty() hasOpenLinkRequests: boolean;
  @ApiProperty({ type: [UnlinkRequestViewSchema] }) openUnlinkRequests: UnlinkRequestViewSchema[];
  @ApiProperty() hasOpenUnlinkRequests: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Official-account unlinks so far (the policy allows 3 ever)' })
  officialUnlinkCount: number;
  @ApiProperty({ type: MoneyViewSchema }) money: MoneyViewSchema;
  @ApiProperty() moneyFrozen: boolean;
  @ApiProperty({ type: [IncidentViewSchema] }) openIncidents: IncidentViewSchema[];
  @ApiProperty({ type: OrdersViewSchema }) ordersAwaitingFulfilment: OrdersViewSchema;
  @ApiProperty(NULLABLE_INSTANT) lastOrderClosedAt: string | null;
  @ApiProperty({ description: 'Something other than time blocks leaving' }) deactivationBlockedByState: boolean;
  @ApiProperty(NULLABLE_INSTANT) linkRequestsPendingUntil: string | null;
  @ApiProperty({ type: [CampaignViewSchema] }) activeCampaigns: CampaignViewSchema[];
  @ApiProperty(NULLABLE_INSTANT) deactivatedAt: string | null;
  @ApiProperty(NULLABLE_INSTANT) personalDataForgottenAt: string | null;
  @ApiProperty({ type: EnforcementViewSchema }) enforcement: EnforcementViewSchema;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision: number;
  @ApiProperty({ example: '42' }) position: string;
  @ApiProperty(INSTANT) registeredAt: string;
  @ApiProperty(INSTANT) updatedAt: string;
  @ApiProperty({ type: BlockersViewSchema }) blockers: BlockersViewSchema;
}

@ApiSchema({ name: 'PastLinkView', description: 'An ended link, with the revision of the shop event that ended it' })
class PastLinkViewSchema extends LinkViewSchema implements PastLinkView {
  @ApiProperty({ type: 'integer', minimum: 0 }) endedRevision: number;
}

@ApiSchema({ name: 'PastLinksPage', description: "A page of the shop's ended links, the earliest ended first" })
export class PastLinksPageSchema {
  @ApiProperty({ example: 'brand' }) shopId: string;
  @ApiProperty({ type: [PastLinkViewSchema] }) links: PastLinkViewSchema[];
  @ApiProperty({ type: 'string', nullable: true, description: 'Pass back as cursor for the next page; null on the last page' })
  nextCursor: string | null;
}
