import { Document, DocumentPage, IndexDeclaration, PageKey, PageQuery } from '@shoplink/read-models';
import { coolingPeriodEnd, deactivationTimeBounds, isDeactivationBlockedByTime } from '../domain/deactivation-rule';
import { ShopPolicy } from '../domain/shop-policy';
import { deactivationFactsOfStatus } from '../projections/shop-status.deactivation-facts';
import { SHOP_STATUS_COLLECTION, ShopStatusDocument } from '../projections/shop-status.document';

/** What an operator narrows the shops to; every part optional, all ANDed. */
export interface ShopListFilter {
  readonly status?: 'active' | 'deactivated' | 'closed';
  /** moneyFrozen: a security incident is open. */
  readonly frozen?: boolean;
  /** hasOpenUnlinkRequests: an unlink awaits its confirmation code. */
  readonly awaitingConfirmation?: boolean;
  /** Blocked from deactivation now (the rule below); either value concerns active shops only. */
  readonly blocked?: boolean;
}

/**
 * "Blocked from deactivation", decided without replaying any shop: an active shop is blocked
 * at `now` when its status document says something other than time blocks it
 * (`deactivationBlockedByState`), or a time-bound blocker of the domain's rule holds on the
 * document's facts: its last order closed within the cooling period, or a link request still
 * awaits an authorization whose window is open. The rule is the one deactivationBlockers()
 * applies to the shop's state, so the list agrees with the status answer of each shop.
 * The document holds facts only; the clock and the policy's cooling period are applied here,
 * so a changed policy applies at once, and the passing of time needs no event.
 */
export function isBlockedFromDeactivation(doc: ShopStatusDocument, now: Date, policy: ShopPolicy): boolean {
  if (doc.status !== 'active') return false;
  return doc.deactivationBlockedByState || isDeactivationBlockedByTime(deactivationFactsOfStatus(doc), now, policy);
}

/** When the cooling period after the last closed order ends (null when no order ever closed). */
export function coolingPeriodEndsAt(doc: ShopStatusDocument, policy: ShopPolicy): string | null {
  return coolingPeriodEnd(doc.lastOrderClosedAt, policy)?.toISOString() ?? null;
}

/**
 * The page queries whose union is the list, each served by an index below, all ordered by
 * shopId so they merge into one keyset order. `blocked=true` is a union of three (blocked by
 * state; cooling; authorization pending); the others are one query. `blocked=false` is the one
 * query of shops with no standing blocker, whose time-bound blockers are then checked in memory
 * (`keep`): it reads only shops nothing but time could block.
 */
export function shopListQueries(
  filter: ShopListFilter,
  after: PageKey | null,
  limit: number,
  now: Date,
  policy: ShopPolicy,
): { queries: PageQuery[]; keep?: (doc: Document) => boolean } {
  const where: Record<string, string | boolean> = {};
  if (filter.status !== undefined) where.status = filter.status;
  if (filter.frozen !== undefined) where.moneyFrozen = filter.frozen;
  if (filter.awaitingConfirmation !== undefined) where.hasOpenUnlinkRequests = filter.awaitingConfirmation;
  const base = { orderBy: 'shopId', after, limit };
  if (filter.blocked === undefined) return { queries: [{ ...base, where }] };

  if (filter.status !== undefined && filter.status !== 'active') return { queries: [] };
  const active = { ...where, status: 'active' };
  // The rule's time-bound blockers as ranges: each holds while its fact is after its bound. The documents hold
  // instants as ISO-8601 UTC text with milliseconds, which orders as the instants do.
  const bounds = deactivationTimeBounds(now, policy);
  if (filter.blocked) {
    const notBlockedByState = { ...active, deactivationBlockedByState: false };
    return {
      queries: [
        { ...base, where: { ...active, deactivationBlockedByState: true } },
        { ...base, where: notBlockedByState, range: { field: 'lastOrderClosedAt', gt: bounds.lastOrderClosedAfter.toISOString() } },
        {
          ...base,
          where: notBlockedByState,
          range: { field: 'linkRequestsPendingUntil', gt: bounds.pendingAuthorizationAfter.toISOString() },
        },
      ],
    };
  }
  return {
    queries: [{ ...base, where: { ...active, deactivationBlockedByState: false } }],
    keep: (doc) => !isBlockedFromDeactivation(doc as ShopStatusDocument, now, policy),
  };
}

/**
 * One page of the union of several keyset pages ordered by shopId (a status document's id is
 * its shopId): each query answered up to `limit` documents after the same key, so the first
 * `limit` of their merge, duplicates dropped, are the union's first `limit`; and a query with
 * more to give has it beyond the merged page's last shop, so `hasMore` is exact.
 */
export function mergePages(
  pages: readonly DocumentPage[],
  orderBy: string,
  limit: number,
): { documents: Document[]; hasMore: boolean; last: PageKey | null } {
  const byId = new Map<string, Document>();
  for (const page of pages) for (const doc of page.documents) byId.set(String(doc[orderBy]), doc);
  const merged = [...byId.values()].sort((a, b) => (String(a[orderBy]) < String(b[orderBy]) ? -1 : 1));
  const documents = merged.slice(0, limit);
  const hasMore = merged.length > limit || pages.some((page) => page.next !== null);
  const lastDoc = documents[documents.length - 1];
  return { documents, hasMore, last: lastDoc ? { value: String(lastDoc[orderBy]), id: String(lastDoc[orderBy]) } : null };
}

/**
 * What the list queries need indexed, over the shop status documents. Rare states lead their
 * index (frozen, awaiting confirmation), so "which shops are frozen" reads those shops only.
 */
export const SHOP_LIST_INDEXES: readonly IndexDeclaration[] = [
  { collection: SHOP_STATUS_COLLECTION, fields: ['shopId'] },
  { collection: SHOP_STATUS_COLLECTION, fields: ['status', 'shopId'] },
  { collection: SHOP_STATUS_COLLECTION, fields: ['moneyFrozen', 'status', 'shopId'] },
  { collection: SHOP_STATUS_COLLECTION, fields: ['hasOpenUnlinkRequests', 'status', 'shopId'] },
  { collection: SHOP_STATUS_COLLECTION, fields: ['status', 'deactivationBlockedByState', 'shopId'] },
  { collection: SHOP_STATUS_COLLECTION, fields: ['status', 'deactivationBlockedByState', 'lastOrderClosedAt'] },
  { collection: SHOP_STATUS_COLLECTION, fields: ['status', 'deactivationBlockedByState', 'linkRequestsPendingUntil'] },
];
