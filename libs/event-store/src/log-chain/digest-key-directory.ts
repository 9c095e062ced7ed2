import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DIGEST_KEY_ID_PATTERN, DigestKeyError, DigestKeyRing, DigestPublicKey, DigestSigningKey } from './digest-key-ring';

/**
 * The digest keys live in a directory of their own, outside the data file (ideally on other storage,
 * or a mounted secret): one PEM file per key, named `<keyId>.pem`. A private key (PKCS#8) signs and
 * verifies; a public key (SPKI) only verifies, which is how a retired key can be kept after its
 * private half is destroyed. Rotation: add a key whose id sorts after the others (the ids made here
 * start with the UTC time they were made).
 */
export interface LoadedDigestKeys {
  readonly ring: DigestKeyRing;
  readonly directory: string;
  /** The key id made on this start, when the directory held none. */
  readonly created: string | null;
}

export function loadDigestKeyDirectory(
  directory: string,
  options: {
    readonly createIfEmpty: boolean;
    readonly now?: Date;
    /** Default true: a private key must be there. False for a reader that only verifies (the auditor CLI). */
    readonly toSign?: boolean;
  },
): LoadedDigestKeys {
  let files = existsSync(directory) ? pemFilesIn(directory) : [];
  let created: string | null = null;
  if (files.length === 0) {
    if (!options.createIfEmpty) throw new DigestKeyError(`no digest key (a <keyId>.pem Ed25519 key) in ${directory}`);
    created = createDigestKey(directory, options.now ?? new Date());
    files = pemFilesIn(directory);
  }
  const keys = files.map((file) => readKey(directory, file));
  const ring = new DigestKeyRing(keys);
  if (options.toSign !== false && !ring.canSign())
    throw new DigestKeyError(`${directory} holds only public digest keys: a private key is needed to sign`);
  return { ring, directory, created };
}

/**
 * Makes a new Ed25519 key in the directory, readable by its owner only, and answers its id. Its id
 * sorts after every id made before it, so it signs from the next start on.
 */
export function createDigestKey(directory: string, now: Date): string {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const keyId = `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}-${fingerprintOf(privateKey)}`;
  const file = join(directory, `${keyId}.pem`);
  // 'wx': never overwrite a key; two processes starting together each make their own, and the newest signs.
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return keyId;
}

function pemFilesIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.pem'))
    .sort();
}

function readKey(directory: string, file: string): DigestPublicKey | DigestSigningKey {
  const keyId = file.slice(0, -'.pem'.length);
  if (!DIGEST_KEY_ID_PATTERN.test(keyId))
    throw new DigestKeyError(`${join(directory, file)}: a key file is named <keyId>.pem, the id letters, digits, ".", "_", "-"`);
  const text = readFileSync(join(directory, file), 'utf8');
  try {
    if (text.includes('PRIVATE KEY')) {
      const privateKey = createPrivateKey(text);
      return { keyId, privateKey, publicKey: createPublicKey(privateKey) };
    }
    return { keyId, publicKey: createPublicKey(text) };
  } catch (error) {
    throw new DigestKeyError(`${join(directory, file)} is not a PEM key: ${(error as Error).message}`);
  }
}

/** A short, stable tag of the key so ids made in the same second still differ. */
function fingerprintOf(privateKey: KeyObject): string {
  const { x } = createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string };
  return Buffer.from(x, 'base64url').toString('hex').slice(0, 8);
}

export const DIGEST_KEY_DIR_VARIABLE = 'SHOPLINK_DIGEST_KEY_DIR';
export const DIGEST_ANCHOR_DIR_VARIABLE = 'SHOPLINK_DIGEST_ANCHOR_DIR';

/** `SHOPLINK_DIGEST_KEY_DIR`, else `digest-keys` beside the data file (a local default: production names its own). */
export function digestKeyDirectoryOf(env: NodeJS.ProcessEnv, dataFile: string): string {
  const configured = env[DIGEST_KEY_DIR_VARIABLE]?.trim();
  return configured ? resolve(configured) : join(dirname(dataFile), 'digest-keys');
}

/** `SHOPLINK_DIGEST_ANCHOR_DIR`, else `digest-anchors` beside the data file. */
export function digestAnchorDirectoryOf(env: NodeJS.ProcessEnv, dataFile: string): string {
  const configured = env[DIGEST_ANCHOR_DIR_VARIABLE]?.trim();
  return configured ? resolve(configured) : join(dirname(dataFile), 'digest-anchors');
}
