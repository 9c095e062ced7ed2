import { ShopEvent } from '../domain/shop.events';
import { LinkView } from './shop-status.document';

/** The events that change what a shop knows about one account it asked for. */
export const LINK_EVENT_TYPES = [
  'AccountLinkRequested',
  'AccountLinkRejected',
  'AccountLinkAuthorized',
  'AccountLinked',
  'LinkAuthorizationDenied',
  'LinkAuthorizationExpired',
  'LinkRequestCancelled',
  'LinkRequestSuperseded',
  'AccountUnlinked',
] as const;

type LinkEvent = Extract<ShopEvent, { type: (typeof LINK_EVENT_TYPES)[number] }>;

export const isLinkEvent = (event: ShopEvent): event is LinkEvent => (LINK_EVENT_TYPES as readonly string[]).includes(event.type);

/** A link is current while the account is linked or its owner's authorization is awaited; every other state is past. */
export const isCurrentLink = (link: LinkView): boolean => link.state === 'linked' || link.state === 'awaiting_authorization';

/**
 * The latest word on one account after a link event, from the word held before (null: none),
 * or 'unchanged'. One function for the status document and the per-link documents
 * (shop_links), so the two can never tell a link's story differently.
 */
export function linkViewAfter(held: LinkView | null, event: LinkEvent): LinkView | 'unchanged' {
  switch (event.type) {
    case 'AccountLinkRequested': {
      const d = event.data;
      return {
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
      };
    }
    case 'AccountLinkRejected': {
      const d = event.data;
      // A refused request of an account the shop already holds (linked, or awaiting its owner) leaves that link
      // as it is, as the domain's state does; the refusal stays in the history.
      if (held !== null && isCurrentLink(held)) return 'unchanged';
      return {
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
      };
    }
    case 'AccountLinkAuthorized':
      return changed(held, { grantedScopes: event.data.grantedScopes, updatedAt: event.data.authorizedAt });
    case 'AccountLinked':
      return changed(held, {
        state: 'linked',
        handle: event.data.handle,
        linkedAt: event.data.linkedAt,
        replacesAccountId: null,
        updatedAt: event.data.linkedAt,
      });
    case 'LinkAuthorizationDenied':
      return changed(held, {
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
      return changed(held, { state: 'authorization_expired', reasons: ['AUTHORIZATION_EXPIRED'], updatedAt: event.data.expiredAt });
    case 'LinkRequestCancelled':
      return changed(held, { state: 'request_cancelled', reasons: ['CANCELLED_BY_SHOP'], updatedAt: event.data.cancelledAt });
    case 'LinkRequestSuperseded':
      return changed(held, { state: 'request_superseded', reasons: ['ACCOUNT_LINKED_ELSEWHERE'], updatedAt: event.data.supersededAt });
    case 'AccountUnlinked': {
      const d = event.data;
      const unlinked = { mode: d.mode, reason: d.reason, at: d.unlinkedAt, ticketId: d.ticketId, incidentId: d.incidentId };
      return changed(held, { state: 'unlinked', unlinked, updatedAt: d.unlinkedAt });
    }
  }
}

/** A change to a link the shop holds; an event about a link it does not hold changes nothing (as before the split). */
const changed = (held: LinkView | null, change: Partial<LinkView>): LinkView | 'unchanged' =>
  held === null ? 'unchanged' : { ...held, ...change };
