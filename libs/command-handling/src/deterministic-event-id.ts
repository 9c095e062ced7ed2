import { createHash } from 'node:crypto';

/**
 * The id of the n-th event a command produces, derived from the command id (a UUID v5
 * shape over SHA-1). A retried command therefore proposes the same event ids, and the
 * store's own idempotency (SQLite and KurrentDB alike) refuses to write them twice.
 */
export function deterministicEventId(commandId: string, index: number): string {
  const hash = createHash('sha1').update(`shoplink-event:${commandId}:${index}`).digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
