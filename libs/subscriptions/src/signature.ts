import { createHmac } from 'node:crypto';

/**
 * `Shoplink-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>…]`: one HMAC-SHA256 of `<t>.<raw body>`
 * per secret valid at the time (two during a rotation), so a receiver holding either verifies it.
 * The timestamp is signed too, so a captured delivery cannot be replayed later with a fresh `t`.
 */
export function signatureHeader(rawBody: string, secrets: readonly string[], unixSeconds: number): string {
  const t = Math.floor(unixSeconds);
  return [`t=${t}`, ...secrets.map((secret) => `v1=${hmacHex(secret, `${t}.${rawBody}`)}`)].join(',');
}

export function hmacHex(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}
