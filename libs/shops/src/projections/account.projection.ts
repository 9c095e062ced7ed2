import { RecordedEvent } from '@shoplink/event-store';
import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';
import { LinkRole, UnlinkMode, UnlinkReason } from '../domain/shop.events';

/** Where a TikTok account is linked, its open requests and every past link (the relink allowance is counted from these). */
export interface AccountDocument {
  readonly [key: string]: unknown;
  readonly accountId: string;
  readonly handle: string;
  readonly linkedTo: { readonly shopId: string; readonly role: LinkRole; readonly linkedAt: string } | null;
  readonly openRequests: readonly {
    readonly shopId: string;
    readonly role: LinkRole;
    readonly requestedAt: string;
    readonly authorizationExpiresAt: string;
  }[];
  readonly linkHistory: readonly { readonly shopId: string; readonly role: LinkRole; readonly linkedAt: string }[];
  readonly lastUnlinked?: {
    readonly shopId: string;
    readonly role: LinkRole;
    readonly mode: UnlinkMode;
    readonly reason: UnlinkReason;
    readonly unlinkedAt: string;
  };
  readonly updatedAt: string;
}

export const ACCOUNTS_COLLECTION = 'accounts';

const ACCOUNT_EVENT_TYPES = [
  'AccountLinkRequested',
  'AccountLinked',
  'LinkAuthorizationDenied',
  'LinkAuthorizationExpired',
  'LinkRequestCancelled',
  'LinkRequestSuperseded',
  'AccountUnlinked',
] as const;

export const AccountProjection: Projection<AccountDocument> = {
  collection: ACCOUNTS_COLLECTION,
  handles: ACCOUNT_EVENT_TYPES,
  documentIds: (event) => [String(event.data.accountId)],
  evolve(doc, recorded: RecordedEvent, accountId) {
    const event = shopEventCodec.decode(recorded);
    const current: AccountDocument = doc ?? { accountId, handle: '', linkedTo: null, openRequests: [], linkHistory: [], updatedAt: '' };
    const withoutRequest = (shopId: string) => current.openRequests.filter((r) => r.shopId !== shopId);
    switch (event.type) {
      case 'AccountLinkRequested': {
        const d = event.data;
        const request = { shopId: d.shopId, role: d.role, requestedAt: d.requestedAt, authorizationExpiresAt: d.authorizationExpiresAt };
        return { ...current, handle: d.profile.handle, openRequests: [...withoutRequest(d.shopId), request], updatedAt: d.requestedAt };
      }
      case 'AccountLinked': {
        const d = event.data;
        const link = { shopId: d.shopId, role: d.role, linkedAt: d.linkedAt };
        return {
          ...current,
          handle: d.handle,
          linkedTo: link,
          openRequests: withoutRequest(d.shopId),
          linkHistory: [...current.linkHistory, link],
          updatedAt: d.linkedAt,
        };
      }
      case 'LinkAuthorizationDenied':
        return { ...current, openRequests: withoutRequest(event.data.shopId), updatedAt: event.data.deniedAt };
      case 'LinkAuthorizationExpired':
        return { ...current, openRequests: withoutRequest(event.data.shopId), updatedAt: event.data.expiredAt };
      case 'LinkRequestCancelled':
        return { ...current, openRequests: withoutRequest(event.data.shopId), updatedAt: event.data.cancelledAt };
      case 'LinkRequestSuperseded':
        return { ...current, openRequests: withoutRequest(event.data.shopId), updatedAt: event.data.supersededAt };
      case 'AccountUnlinked': {
        const d = event.data;
        const linkedTo = current.linkedTo?.shopId === d.shopId ? null : current.linkedTo;
        return {
          ...current,
          linkedTo,
          lastUnlinked: { shopId: d.shopId, role: d.role, mode: d.mode, reason: d.reason, unlinkedAt: d.unlinkedAt },
          updatedAt: d.unlinkedAt,
        };
      }
      default:
        return current;
    }
  },
};
