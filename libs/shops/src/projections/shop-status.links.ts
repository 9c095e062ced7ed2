import { ShopEvent } from '../domain/shop.events';
import { isCurrentLink, isLinkEvent, linkViewAfter } from './link-view-after';
import { LinkView, ShopStatusDocument } from './shop-status.document';

/**
 * How many ended links the status document keeps beside the current ones. The document is read
 * whole on every status answer and rewritten on every event of the shop, so it holds what the
 * present needs: a shop that linked and unlinked 2,000 accounts would otherwise carry all of them
 * (about 1 MB). The rest page through GET /v1/shops/:shopId/links?state=past (shop_links).
 */
export const RECENT_PAST_LINKS = 10;

/**
 * A link event on the status document; null when the event is not about a link. Links are kept
 * sorted by account id so a rebuild produces byte-identical documents; each ending (unlink,
 * refusal, denial, expiry, cancellation) counts one in `linkCounts.past`.
 */
export function applyLinkEvent(doc: ShopStatusDocument, event: ShopEvent): ShopStatusDocument | null {
  if (!isLinkEvent(event)) return null;
  const held = doc.links.find((l) => l.accountId === event.data.accountId) ?? null;
  const next = linkViewAfter(held, event);
  if (next === 'unchanged') return doc;
  const links = withoutOldestPast([...doc.links.filter((l) => l.accountId !== next.accountId), next]).sort((a, b) =>
    a.accountId.localeCompare(b.accountId),
  );
  if (isCurrentLink(next)) return { ...doc, links };
  return { ...doc, links, linkCounts: { ...doc.linkCounts, past: doc.linkCounts.past + 1 } };
}

/** Past the slice's size, the link that ended first leaves it (by its last change, then account id: deterministic). */
function withoutOldestPast(links: LinkView[]): LinkView[] {
  const past = links.filter((l) => !isCurrentLink(l));
  if (past.length <= RECENT_PAST_LINKS) return links;
  const oldest = past.reduce((a, b) => (b.updatedAt < a.updatedAt || (b.updatedAt === a.updatedAt && b.accountId < a.accountId) ? b : a));
  return links.filter((l) => l !== oldest);
}
