import { LinkView, ShopStatusDocument } from './shop-status.document';

/** Links are kept sorted by account id so a rebuild produces byte-identical documents. */
export function upsertLink(doc: ShopStatusDocument, link: LinkView): ShopStatusDocument {
  const links = [...doc.links.filter((l) => l.accountId !== link.accountId), link].sort((a, b) => a.accountId.localeCompare(b.accountId));
  return { ...doc, links };
}

export function updateLink(doc: ShopStatusDocument, accountId: string, change: Partial<LinkView>): ShopStatusDocument {
  return { ...doc, links: doc.links.map((l) => (l.accountId === accountId ? { ...l, ...change } : l)) };
}
