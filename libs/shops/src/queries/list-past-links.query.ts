import { QueryMessage } from '@shoplink/command-handling';
import { PageKey, PageQuery, ReadModelStore } from '@shoplink/read-models';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { LinkView, SHOP_STATUS_COLLECTION } from '../projections/shop-status.document';
import { SHOP_LINKS_COLLECTION, ShopLinkDocument, shopLinkId, linkViewOf } from '../projections/shop-links.projection';

/** An ended link, with the revision of the shop's event that ended it (the order of the list). */
export interface PastLinkView extends LinkView {
  readonly endedRevision: number;
}

/** Where a page of past links ended: the last link's ending revision and account. */
export interface PastLinksKey {
  readonly endedRevision: number;
  readonly accountId: string;
}

export interface PastLinksPage {
  readonly shopId: string;
  readonly links: readonly PastLinkView[];
  /** The last link of this page when more ended links follow, else null. */
  readonly last: PastLinksKey | null;
}

/** GET /v1/shops/:shopId/links?state=past: a shop's ended links, the earliest ended first, `limit` at a time. */
export class ListPastLinks implements QueryMessage<PastLinksPage> {
  declare readonly resultType?: PastLinksPage;
  readonly queryType = 'ListPastLinks';
  constructor(
    readonly shopId: string,
    readonly after: PastLinksKey | null,
    readonly limit: number,
  ) {}
}

/**
 * Keyset order on the ending revision (served by the index SHOP_READ_MODELS declares on shopId,
 * endedRevision): a link that ends meanwhile comes last, one relinked meanwhile leaves the list, and
 * neither shifts a page already read. Current links have no ending revision and are never in it.
 */
export function pastLinksPageQuery(shopId: string, after: PastLinksKey | null, limit: number): PageQuery {
  const key: PageKey | null = after === null ? null : { value: after.endedRevision, id: shopLinkId(shopId, after.accountId) };
  return { where: { shopId }, orderBy: 'endedRevision', after: key, limit };
}

export class ListPastLinksHandler {
  constructor(private readonly readModels: ReadModelStore) {}

  async execute({ shopId, after, limit }: ListPastLinks): Promise<PastLinksPage> {
    if ((await this.readModels.get(SHOP_STATUS_COLLECTION, shopId)) === null)
      throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    const page = await this.readModels.findPage(SHOP_LINKS_COLLECTION, pastLinksPageQuery(shopId, after, limit));
    const links = page.documents.map((doc) => {
      const stored = doc as ShopLinkDocument;
      return { ...linkViewOf(stored), endedRevision: stored.endedRevision as number };
    });
    const lastLink = links[links.length - 1];
    return {
      shopId,
      links,
      last: page.next !== null && lastLink ? { endedRevision: lastLink.endedRevision, accountId: lastLink.accountId } : null,
    };
  }
}
