import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';
import { isCurrentLink, isLinkEvent, LINK_EVENT_TYPES, linkViewAfter } from './link-view-after';
import { LinkView } from './shop-status.document';

export const SHOP_LINKS_COLLECTION = 'shop_links';

/**
 * The latest word on one account a shop asked for, one document per shop and account, so a
 * shop's past links can be paged without the status document carrying them. `endedRevision` is
 * the revision of the shop's event that ended the link (null while it is current): the past-links
 * route pages in that order, and a current link, having none, is never in it.
 */
export interface ShopLinkDocument extends LinkView {
  readonly [key: string]: unknown;
  readonly shopId: string;
  readonly endedRevision: number | null;
}

export const shopLinkId = (shopId: string, accountId: string): string => `${shopId}/${accountId}`;

/** The link view a document holds, without the fields that place it. */
export function linkViewOf(doc: ShopLinkDocument): LinkView {
  const { shopId: _shopId, endedRevision: _endedRevision, ...view } = doc;
  return view;
}

export const ShopLinksProjection: Projection<ShopLinkDocument> = {
  collection: SHOP_LINKS_COLLECTION,
  handles: LINK_EVENT_TYPES,
  documentIds: (event) => [shopLinkId(String(event.data.shopId), String(event.data.accountId))],
  evolve(doc, recorded) {
    const event = shopEventCodec.decode(recorded);
    if (!isLinkEvent(event)) return doc;
    const next = linkViewAfter(doc === null ? null : linkViewOf(doc), event);
    if (next === 'unchanged') return doc;
    return { shopId: event.data.shopId, ...next, endedRevision: isCurrentLink(next) ? null : recorded.revision };
  },
};
