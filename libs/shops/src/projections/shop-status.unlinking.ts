import { ShopEvent } from '../domain/shop.events';
import { updateLink } from './shop-status.links';
import { ShopStatusDocument } from './shop-status.document';

/** Unlink requests and unlinks on the status document; null when the event is not about unlinking. */
export function applyUnlinkingEvent(doc: ShopStatusDocument, event: ShopEvent): ShopStatusDocument | null {
  switch (event.type) {
    case 'UnlinkRequested': {
      const d = event.data;
      const request = {
        requestId: d.requestId,
        accountId: d.accountId,
        role: d.role,
        reason: d.reason,
        requestedAt: d.requestedAt,
        expiresAt: d.expiresAt,
        failedAttempts: 0,
      };
      return { ...doc, openUnlinkRequests: [...doc.openUnlinkRequests, request] };
    }
    case 'UnlinkConfirmationFailed':
      return {
        ...doc,
        openUnlinkRequests: doc.openUnlinkRequests.map((r) =>
          r.requestId === event.data.requestId ? { ...r, failedAttempts: event.data.failedAttempts } : r,
        ),
      };
    case 'UnlinkRequestLocked':
    case 'UnlinkRequestCancelled':
    case 'UnlinkRequestExpired':
      return { ...doc, openUnlinkRequests: doc.openUnlinkRequests.filter((r) => r.requestId !== event.data.requestId) };
    case 'AccountUnlinked': {
      const d = event.data;
      const unlinked = { mode: d.mode, reason: d.reason, at: d.unlinkedAt, ticketId: d.ticketId, incidentId: d.incidentId };
      const withLink = updateLink(doc, d.accountId, { state: 'unlinked', unlinked, updatedAt: d.unlinkedAt });
      return {
        ...withLink,
        openUnlinkRequests: doc.openUnlinkRequests.filter((r) => r.accountId !== d.accountId),
        officialUnlinkCount: d.role === 'official' ? d.officialUnlinkCount : doc.officialUnlinkCount,
      };
    }
    default:
      return null;
  }
}
