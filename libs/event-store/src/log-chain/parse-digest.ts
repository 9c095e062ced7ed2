import { parsePosition } from '../position';
import { DIGEST_KEY_ID_PATTERN } from './digest-key-ring';
import { LogDigest } from './log-digest';

/** One bad field of a digest someone handed in: where, a code, and what is wrong. */
export interface DigestFieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

const HEX_64 = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{1,200}={0,2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const FIELDS = ['position', 'logHash', 'events', 'logHashAlgorithm', 'signedAt', 'keyId', 'algorithm', 'signature'] as const;

/**
 * Reads a digest an auditor kept (the route's body, a line of an anchor file), naming every bad
 * field at once; `prefix` is where it sits (`body`, `line 3`). The signature is not checked here.
 */
export function parseDigest(value: unknown, prefix: string): { digest: LogDigest | null; problems: DigestFieldProblem[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { digest: null, problems: [{ field: prefix, code: 'NOT_AN_OBJECT', message: `${prefix} must be a digest: a JSON object` }] };
  const record = value as Record<string, unknown>;
  const problems: DigestFieldProblem[] = [];
  const bad = (name: string, code: string, message: string) => problems.push({ field: `${prefix}.${name}`, code, message });
  for (const name of Object.keys(record))
    if (!(FIELDS as readonly string[]).includes(name)) bad(name, 'UNKNOWN_FIELD', `${prefix}.${name} is not a known field`);
  const text = (name: string, pattern: RegExp, what: string): void => {
    const field = record[name];
    if (field === undefined) bad(name, 'REQUIRED', `${name} is required`);
    else if (typeof field !== 'string' || !pattern.test(field)) bad(name, 'INVALID_FORMAT', `${name} must be ${what}`);
  };
  if (!('position' in record)) bad('position', 'REQUIRED', 'position is required (null for a digest of the empty log)');
  else if (record.position !== null && (typeof record.position !== 'string' || parsePosition(record.position) === null))
    bad('position', 'INVALID_FORMAT', 'position must be a log position, "<commit>" or "<commit>.<prepare>", or null');
  text('logHash', HEX_64, '64 lower-case hexadecimal digits (SHA-256)');
  if (record.events === undefined) bad('events', 'REQUIRED', 'events is required');
  else if (typeof record.events !== 'number' || !Number.isSafeInteger(record.events) || record.events < 0)
    bad('events', 'INVALID_FORMAT', 'events must be a whole number from 0');
  text('logHashAlgorithm', /^[a-z0-9-]{1,64}$/, 'the name of the log hash algorithm, e.g. sha256-log-chain-v1');
  text('signedAt', ISO_INSTANT, 'an ISO 8601 instant in UTC, e.g. 2026-11-01T09:00:00.000Z');
  text('keyId', DIGEST_KEY_ID_PATTERN, 'a digest key id: letters, digits, ".", "_", "-" (up to 100)');
  text('algorithm', /^[A-Za-z0-9-]{1,32}$/, 'the signature algorithm, Ed25519');
  text('signature', BASE64, 'the signature in standard base64');
  if (problems.length > 0) return { digest: null, problems };
  const { position, logHash, events, logHashAlgorithm, signedAt, keyId, algorithm, signature } = record as unknown as LogDigest;
  return { digest: { position, logHash, events, logHashAlgorithm, signedAt, keyId, algorithm, signature }, problems };
}
