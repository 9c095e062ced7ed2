import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A personal value as stored: `⟦pd1:<keyId>:<base64url of iv | ciphertext | tag>⟧`, AES-256-GCM
 * over the value's JSON, the key id bound in as associated data. The brackets let a sealed
 * value sit inside a longer text (a history summary) and still be found and opened there.
 */
export const SEALED_VALUE = /⟦pd1:([A-Za-z0-9_-]{8,64}):([A-Za-z0-9_-]{20,})⟧/g;
const WHOLE_SEALED_VALUE = /^⟦pd1:([A-Za-z0-9_-]{8,64}):([A-Za-z0-9_-]{20,})⟧$/;

/** What a sealed value reads as once its key is destroyed. */
export const ERASED = '[erased]';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function sealValue(value: unknown, keyId: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(keyId));
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `⟦pd1:${keyId}:${Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')}⟧`;
}

/** The value sealed in `payload`, or undefined when it does not open with this key (wrong key, altered bytes). */
export function openValue(keyId: string, payload: string, key: Buffer): unknown {
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function wholeSealedValue(text: string): { keyId: string; payload: string } | null {
  const match = WHOLE_SEALED_VALUE.exec(text);
  return match === null ? null : { keyId: match[1], payload: match[2] };
}

export const mayHoldSealedValue = (text: string): boolean => text.includes('⟦pd1:');
