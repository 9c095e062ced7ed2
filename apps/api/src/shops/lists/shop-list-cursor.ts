import { ID_PATTERN } from '../../http/identifiers';

/**
 * The list cursor: the id of the last shop a page showed (lists are in shopId order), opaque
 * to callers (base64url of `shops:<shopId>`). The next page starts after that id, so shops
 * registered or changed meanwhile never make a page repeat or skip one that still matches.
 */
const PREFIX = 'shops:';

export const encodeShopListCursor = (shopId: string): string => Buffer.from(`${PREFIX}${shopId}`, 'utf8').toString('base64url');

/** The shop id, or null when the text is not a cursor this service wrote. */
export function decodeShopListCursor(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const shopId = text.slice(PREFIX.length);
  return ID_PATTERN.test(shopId) && encodeShopListCursor(shopId) === cursor ? shopId : null;
}
