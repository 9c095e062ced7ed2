/**
 * The history cursor: the revision of the last entry a page showed, wrapped so callers treat
 * it as opaque (base64url of `timeline:<revision>`). Revisions only grow, and new events take
 * new ones, so a page asked for with a cursor starts exactly after the previous page, however
 * many events were appended meanwhile.
 */
const PREFIX = 'timeline:';

export function encodeHistoryCursor(revision: number): string {
  return Buffer.from(`${PREFIX}${revision}`, 'utf8').toString('base64url');
}

/** The revision, or null when the text is not a cursor this service wrote. */
export function decodeHistoryCursor(cursor: string): number | null {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const digits = text.slice(PREFIX.length);
  if (!/^(0|[1-9][0-9]{0,15})$/.test(digits) || !Number.isSafeInteger(Number(digits))) return null;
  // Re-encoding must give the same text, so no two cursors mean the same place.
  return encodeHistoryCursor(Number(digits)) === cursor ? Number(digits) : null;
}
