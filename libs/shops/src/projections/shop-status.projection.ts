import { encodePosition, occurredAtOf } from '@shoplink/event-store';
import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';
import { SHOP_EVENT_TYPES, ShopEvent } from '../domain/shop.events';
import { SHOP_STATUS_COLLECTION, ShopStatusDocument } from './shop-status.document';
import { applyOperationsEvent } from './shop-status.operations';
import { applyUnlinkingEvent } from './shop-status.unlinking';
import { updateLink, upsertLink } from './shop-status.links';
import { isDeactivationBlockedByState } from '../domain/deactivation-rule';
import { deactivationFactsOfStatus } from './shop-status.deactivation-facts';

/** The shop status read model: what GET /v1/shops/:shopId answers. */
export const ShopStatusProjection: Projection<ShopStatusDocument> = {
  collection: SHOP_STATUS_COLLECTION,
  handles: SHOP_EVENT_TYPES,
  documentIds: (event) => [String(event.data.shopId)],
  evolve(doc, recorded) {
    const next = applyShopEvent(doc, shopEventCodec.decode(recorded));
    if (next === null) return null;
    return withDerivedLists(
      { ...next, revision: recorded.revision, position: encodePosition(recorded.position), updatedAt: occurredAtOf(recorded) },
      doc,
    );
  },
};

function applyShopEvent(doc: ShopStatusDocument | null, event: ShopEvent): ShopStatusDocument | null {
  if (event.type === 'ShopRegistered') {
    const d = event.data;
    return {
      shopId: d.shopId,
      name: d.name,
      region: d.region,
      currency: d.currency,
      kind: d.kind,
      stage: 'probation',
      status: 'active',
      verification: { status: 'unverified', documents: [], rejectionReasons: [], updatedAt: null },
      ownerMemberId: d.ownerMemberId,
      members: [{ memberId: d.ownerMemberId, role: 'admin' }],
      officialAccount: null,
      marketingAccounts: [],
      openLinkRequests: [],
      links: [],
      hasOpenLinkRequests: false,
      openUnlinkRequests: [],
      hasOpenUnlinkRequests: false,
      officialUnlinkCount: 0,
      money: { currency: d.currency, available: 0, pendingWithdrawal: 0, frozen: 0 },
      moneyFrozen: false,
      openIncidents: [],
      ordersAwaitingFulfilment: { count: 0, orderIds: [] },
      lastOrderClosedAt: null,
      deactivationBlockedByState: false,
      linkRequestsPendingUntil: null,
      activeCampaigns: [],
      deactivatedAt: null,
      personalDataForgottenAt: null,
      revision: 0,
      position: '',
      registeredAt: d.registeredAt,
      updatedAt: d.registeredAt,
    };
  }
  if (doc === null) return null;
  switch (event.type) {
    case 'BusinessVerificationSubmitted':
      return {
        ...doc,
        verification: { status: 'pending', documents: event.data.documents, rejectionReasons: [], updatedAt: event.data.submittedAt },
      };
    case 'BusinessVerified':
      return { ...doc, verification: { ...doc.verification, status: 'verified', updatedAt: event.data.verifiedAt } };
    case 'BusinessVerificationRejected':
      return {
        ...doc,
        verification: { ...doc.verification, status: 'rejected', rejectionReasons: event.data.reasons, updatedAt: event.data.rejectedAt },
      };
    case 'AccessGranted': {
      const others = doc.members.filter((m) => m.memberId !== event.data.memberId);
      const members = [...others, { memberId: event.data.memberId, role: event.data.role }].sort((a, b) =>
        a.memberId.localeCompare(b.memberId),
      );
      return { ...doc, members };
    }
    case 'AccessRevoked':
      return { ...doc, members: doc.members.filter((m) => m.memberId !== event.data.memberId) };
    case 'ShopGraduatedFromProbation':
      return { ...doc, stage: 'graduated' };
    case 'AccountLinkRequested': {
      const d = event.data;
      return upsertLink(doc, {
        accountId: d.accountId,
        handle: d.profile.handle,
        role: d.role,
        state: 'awaiting_authorization',
        reasons: [],
        requestedScopes: d.requestedScopes,
        grantedScopes: [],
        requestedAt: d.requestedAt,
        authorizationExpiresAt: d.authorizationExpiresAt,
        linkedAt: null,
        replacesAccountId: d.replacesAccountId,
        unlinked: null,
        updatedAt: d.requestedAt,
      });
    }
    case 'AccountLinkRejected': {
      const d = event.data;
      // A refused request of an account the shop already holds (linked, or awaiting its owner) leaves that link
      // as it is, as the domain's state does; the refusal stays in the history.
      const held = doc.links.find((l) => l.accountId === d.accountId);
      if (held !== undefined && (held.state === 'linked' || held.state === 'awaiting_authorization')) return doc;
      return upsertLink(doc, {
        accountId: d.accountId,
        handle: d.profile.handle,
        role: d.role,
        state: 'rejected',
        reasons: d.reasons,
        requestedScopes: [],
        grantedScopes: [],
        requestedAt: d.rejectedAt,
        authorizationExpiresAt: null,
        linkedAt: null,
        replacesAccountId: null,
        unlinked: null,
        updatedAt: d.rejectedAt,
      });
    }
    case 'AccountLinkAuthorized':
      return updateLink(doc, event.data.accountId, { grantedScopes: event.data.grantedScopes, updatedAt: event.data.authorizedAt });
    case 'AccountLinked':
      return updateLink(doc, event.data.accountId, {
        state: 'linked',
        handle: event.data.handle,
        linkedAt: event.data.linkedAt,
        replacesAccountId: null,
        updatedAt: event.data.linkedAt,
      });
    case 'LinkAuthorizationDenied':
      return updateLink(doc, event.data.accountId, {
        state: 'authorization_denied',
        reasons: [
          event.data.reason,
          ...event.data.missingScopes.map((scope) => `MISSING_SCOPE:${scope}`),
          ...(event.data.failedRules ?? []),
        ],
        grantedScopes: event.data.grantedScopes,
        updatedAt: event.data.deniedAt,
      });
    case 'LinkAuthorizationExpired':
      return updateLink(doc, event.data.accountId, {
        state: 'authorization_expired',
        reasons: ['AUTHORIZATION_EXPIRED'],
        updatedAt: event.data.expiredAt,
      });
    case 'LinkRequestCancelled':
      return updateLink(doc, event.data.accountId, {
        state: 'request_cancelled',
        reasons: ['CANCELLED_BY_SHOP'],
        updatedAt: event.data.cancelledAt,
      });
    case 'LinkRequestSuperseded':
      return updateLink(doc, event.data.accountId, {
        state: 'request_superseded',
        reasons: ['ACCOUNT_LINKED_ELSEWHERE'],
        updatedAt: event.data.supersededAt,
      });
    default:
      return applyUnlinkingEvent(doc, event) ?? applyOperationsEvent(doc, event) ?? assertNever(event as never);
  }
}

/**
 * The official/marketing/open views are derived from `links` so they can never disagree with it.
 * `doc` is a fresh object of this evolve step; the derived fields are set on it in place (same keys,
 * same order). The views of `links` are recomputed only when `links` is another array than in
 * `previous` (every change to it makes a new one): most events are money and orders, and a
 * rebuild replays millions of them.
 */
function withDerivedLists(doc: ShopStatusDocument, previous: ShopStatusDocument | null): ShopStatusDocument {
  const derived = doc as Mutable<ShopStatusDocument>;
  // (A document written before linkRequestsPendingUntil existed gets it on its next event.)
  if (previous === null || doc.links !== previous.links || previous.linkRequestsPendingUntil === undefined) {
    const linked = doc.links.filter((l) => l.state === 'linked');
    const open = doc.links.filter((l) => l.state === 'awaiting_authorization');
    derived.officialAccount = linked.find((l) => l.role === 'official') ?? null;
    derived.marketingAccounts = linked.filter((l) => l.role === 'marketing');
    derived.openLinkRequests = open;
    derived.hasOpenLinkRequests = open.length > 0;
    derived.linkRequestsPendingUntil = open.reduce<string | null>(
      (latest, l) =>
        l.authorizationExpiresAt !== null && (latest === null || l.authorizationExpiresAt > latest) ? l.authorizationExpiresAt : latest,
      null,
    );
  }
  derived.hasOpenUnlinkRequests = doc.openUnlinkRequests.length > 0;
  derived.moneyFrozen = doc.openIncidents.length > 0;
  // The domain's rule for leaving, minus the blockers that depend on the clock (compared with it when the list is asked).
  derived.deactivationBlockedByState = isDeactivationBlockedByState(deactivationFactsOfStatus(doc));
  return doc;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function assertNever(value: never): never {
  throw new Error(`Unhandled event ${JSON.stringify(value)}`);
}
