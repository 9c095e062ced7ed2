import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Checks a Shoplink delivery: `header` is the Shoplink-Signature header, `rawBody` the request
 * body exactly as received (before any JSON parsing), `secret` the subscription's secret.
 * Refuses deliveries signed more than `toleranceSeconds` ago, so a captured one cannot be replayed.
 */
export function verifyShoplinkSignature(
  header: string,
  rawBody: string,
  secret: string,
  toleranceSeconds = 300,
  nowSeconds = Date.now() / 1000,
): boolean {
  const parts = header.split(',').map((part) => part.trim());
  const t = Number(parts.find((part) => part.startsWith('t='))?.slice(2));
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`, 'utf8').digest();
  // One v1= per secret valid while Shoplink rotates: any one matching is enough.
  return parts
    .filter((part) => part.startsWith('v1='))
    .some((part) => {
      const given = Buffer.from(part.slice(3), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
