import { sign, verify } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { DigestKeyRing } from './digest-key-ring';
import { LOG_HASH_ALGORITHM, LogHead } from './log-hash';

export const DIGEST_SIGNATURE_ALGORITHM = 'Ed25519';

/**
 * A signed statement of the log's head: "up to `position`, the log held `events` events and its log
 * hash was `logHash`". Signed with a key kept outside the data file, so whoever rewrites the file
 * cannot make a matching one; an auditor who kept it can later prove nothing up to it changed.
 */
export interface LogDigest {
  /** Position of the last event covered (wire form), null for an empty log. */
  readonly position: string | null;
  readonly logHash: string;
  readonly events: number;
  readonly logHashAlgorithm: string;
  /** ISO 8601, UTC. */
  readonly signedAt: string;
  /** The name of the key (its file in the key directory, without `.pem`); GET /v1/audit/digest-keys publishes it. */
  readonly keyId: string;
  readonly algorithm: string;
  /** Ed25519 over `signedBytesOf(digest)`, standard base64. */
  readonly signature: string;
}

/**
 * The bytes the signature covers: the UTF-8 of the canonical JSON (keys sorted, no whitespace) of
 * every field but `signature`:
 * `{"algorithm":"Ed25519","events":…,"keyId":"…","logHash":"…","logHashAlgorithm":"sha256-log-chain-v1","position":"…","signedAt":"…"}`.
 */
export function signedBytesOf(digest: Omit<LogDigest, 'signature'>): Buffer {
  const { algorithm, events, keyId, logHash, logHashAlgorithm, position, signedAt } = digest;
  return Buffer.from(canonicalJson({ algorithm, events, keyId, logHash, logHashAlgorithm, position, signedAt }), 'utf8');
}

/** Signs the head with the ring's newest private key. */
export function signDigest(head: LogHead, keys: DigestKeyRing, signedAt: Date): LogDigest {
  const key = keys.signingKey();
  const unsigned = {
    position: head.position,
    logHash: head.logHash,
    events: head.events,
    logHashAlgorithm: LOG_HASH_ALGORITHM,
    signedAt: signedAt.toISOString(),
    keyId: key.keyId,
    algorithm: DIGEST_SIGNATURE_ALGORITHM,
  };
  return { ...unsigned, signature: sign(null, signedBytesOf(unsigned), key.privateKey).toString('base64') };
}

export type SignatureVerdict =
  | { readonly valid: true; readonly keyId: string }
  | { readonly valid: false; readonly problem: 'unknown-key' | 'unsupported-algorithm' | 'bad-signature'; readonly message: string };

/** Whether the digest was signed by one of the ring's keys (any of them, not only the newest: rotation keeps old digests valid). */
export function verifyDigestSignature(digest: LogDigest, keys: DigestKeyRing): SignatureVerdict {
  if (digest.algorithm !== DIGEST_SIGNATURE_ALGORITHM || digest.logHashAlgorithm !== LOG_HASH_ALGORITHM)
    return {
      valid: false,
      problem: 'unsupported-algorithm',
      message: `Only ${DIGEST_SIGNATURE_ALGORITHM} signatures over ${LOG_HASH_ALGORITHM} log hashes are made here; this digest names ${digest.algorithm} over ${digest.logHashAlgorithm}`,
    };
  const publicKey = keys.publicKeyOf(digest.keyId);
  if (publicKey === null)
    return {
      valid: false,
      problem: 'unknown-key',
      message: `No digest key ${JSON.stringify(digest.keyId)} is known (known: ${keys.keyIds().join(', ') || 'none'}): the digest was not signed by this service, or its key was removed`,
    };
  const signature = Buffer.from(digest.signature, 'base64');
  if (!verify(null, signedBytesOf(digest), publicKey, signature))
    return {
      valid: false,
      problem: 'bad-signature',
      message: `The signature does not verify with key ${digest.keyId}: the digest was altered or forged`,
    };
  return { valid: true, keyId: digest.keyId };
}
