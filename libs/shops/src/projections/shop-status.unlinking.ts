import { ShopEvent } from '../domain/shop.events';
import { applyLinkEvent } from './shop-status.links';
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
      const withLink = applyLinkEvent(doc, event) ?? doc;
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
