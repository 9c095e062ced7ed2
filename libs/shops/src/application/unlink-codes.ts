import { createHash, randomBytes, randomInt, scrypt, timingSafeEqual } from 'node:crypto';
import { UnlinkCodeVerifier } from '../domain/unlink-code';

export interface IssuedUnlinkCode {
  /** Answered once to the caller for delivery by the notifier; never stored. */
  readonly code: string;
  readonly salt: string;
  readonly hash: string;
}

const CODE_DIGITS = 8;
const KEY_LENGTH = 32;

/**
 * One-time unlink confirmation codes: 8 digits from a cryptographic source, kept only as a
 * salted scrypt hash. A stolen event log would cost days of CPU per code to brute-force,
 * while a code is valid for 15 minutes. Hashing runs on libuv's thread pool, never on the
 * event loop, and only once a command is known to be new (a retry pays for no hash).
 */
export async function issueUnlinkCode(): Promise<IssuedUnlinkCode> {
  const code = randomInt(0, 10 ** CODE_DIGITS)
    .toString()
    .padStart(CODE_DIGITS, '0');
  const salt = randomBytes(16).toString('base64url');
  return { code, salt, hash: await hashUnlinkCode(code, salt) };
}

export async function hashUnlinkCode(code: string, salt: string): Promise<string> {
  return (await scryptOf(code, salt)).toString('base64url');
}

/**
 * The verifier a ConfirmUnlink is decided with: the presented code hashed once, off the event
 * loop, with the salt of the request it confirms; the domain then only compares hashes.
 */
export async function presentedUnlinkCode(code: string, salt: string): Promise<UnlinkCodeVerifier> {
  const presented = await scryptOf(code, salt);
  return {
    matches(candidate, candidateSalt, hash) {
      const expected = Buffer.from(hash, 'base64url');
      return candidate === code && candidateSalt === salt && expected.length === presented.length && timingSafeEqual(expected, presented);
    },
  };
}

/** The unlink request id a command creates: derived from the command id, so a retry names the same request. */
export function unlinkRequestIdFor(commandId: string): string {
  return `unl-${createHash('sha256').update(commandId).digest('hex').slice(0, 20)}`;
}

function scryptOf(code: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(code, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key))));
}
