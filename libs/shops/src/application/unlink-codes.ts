import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
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
 * while a code is valid for 15 minutes.
 */
export function issueUnlinkCode(): IssuedUnlinkCode {
  const code = randomInt(0, 10 ** CODE_DIGITS)
    .toString()
    .padStart(CODE_DIGITS, '0');
  const salt = randomBytes(16).toString('base64url');
  return { code, salt, hash: hashUnlinkCode(code, salt) };
}

export function hashUnlinkCode(code: string, salt: string): string {
  return scryptSync(code, salt, KEY_LENGTH).toString('base64url');
}

export const scryptUnlinkCodeVerifier: UnlinkCodeVerifier = {
  matches(code, salt, hash) {
    const expected = Buffer.from(hash, 'base64url');
    const actual = scryptSync(code, salt, KEY_LENGTH);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  },
};

/** The unlink request id a command creates: derived from the command id, so a retry names the same request. */
export function unlinkRequestIdFor(commandId: string): string {
  return `unl-${createHash('sha256').update(commandId).digest('hex').slice(0, 20)}`;
}
