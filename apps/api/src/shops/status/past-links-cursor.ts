import { PastLinksKey } from '@shoplink/shops';
import { ID_PATTERN } from '../../http/identifiers';

/**
 * The past-links cursor: the ending revision and account of the last link a page showed, opaque
 * to callers (base64url of `past-links:<revision>:<accountId>`). Revisions only grow, so links
 * that end meanwhile come after it and a page never repeats or skips one.
 */
const PREFIX = 'past-links:';

export const encodePastLinksCursor = (key: PastLinksKey): string =>
  Buffer.from(`${PREFIX}${key.endedRevision}:${key.accountId}`, 'utf8').toString('base64url');

/** The key, or null when the text is not a cursor this service wrote. */
export function decodePastLinksCursor(cursor: string): PastLinksKey | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^past-links:(0|[1-9][0-9]{0,15}):(.+)$/.exec(text);
  if (match === null || !Number.isSafeInteger(Number(match[1])) || !ID_PATTERN.test(match[2])) return null;
  const key = { endedRevision: Number(match[1]), accountId: match[2] };
  // Re-encoding must give the same text, so no two cursors mean the same place.
  return encodePastLinksCursor(key) === cursor ? key : null;
}
