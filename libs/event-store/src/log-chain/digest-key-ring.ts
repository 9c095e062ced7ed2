import { createPublicKey, JsonWebKey, KeyObject } from 'node:crypto';

/** Key ids are file names: letters, digits, `.`, `_`, `-`; sorted as text, the last is the newest. */
export const DIGEST_KEY_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export interface DigestPublicKey {
  readonly keyId: string;
  readonly publicKey: KeyObject;
}

export interface DigestSigningKey extends DigestPublicKey {
  readonly privateKey: KeyObject;
}

/** A key as GET /v1/audit/digest-keys publishes it: JWK (RFC 8037) and PEM (SPKI), the same key. */
export interface PublishedDigestKey {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  readonly jwk: { readonly kty: 'OKP'; readonly crv: 'Ed25519'; readonly x: string; readonly kid: string };
  readonly publicKeyPem: string;
  /** Whether new digests are signed with it (the newest key); the others only verify older digests. */
  readonly signing: boolean;
}

export class DigestKeyError extends Error {}

/**
 * The digest keys, by key id. The newest (last in key-id order) that has a private key signs; all
 * verify, so a digest signed before a rotation still verifies after it. A ring read from published
 * keys (an auditor's copy) verifies and cannot sign.
 */
export class DigestKeyRing {
  private readonly byId: ReadonlyMap<string, DigestPublicKey | DigestSigningKey>;

  constructor(keys: readonly (DigestPublicKey | DigestSigningKey)[]) {
    for (const key of keys) {
      if (!DIGEST_KEY_ID_PATTERN.test(key.keyId))
        throw new DigestKeyError(`Digest key id ${JSON.stringify(key.keyId)} is not a valid key id`);
      if (key.publicKey.asymmetricKeyType !== 'ed25519') throw new DigestKeyError(`Digest key ${key.keyId} is not an Ed25519 key`);
    }
    this.byId = new Map([...keys].sort((a, b) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0)).map((key) => [key.keyId, key]));
  }

  /** Reads the answer of GET /v1/audit/digest-keys (`{ keys: [{ keyId, jwk | publicKeyPem }] }`), as an auditor kept it. */
  static fromPublished(published: unknown): DigestKeyRing {
    const keys = (published as { keys?: unknown })?.keys;
    if (!Array.isArray(keys))
      throw new DigestKeyError('expected { "keys": [ { "keyId": …, "jwk": … } ] }, as GET /v1/audit/digest-keys answers');
    return new DigestKeyRing(
      keys.map((entry: { keyId?: unknown; jwk?: unknown; publicKeyPem?: unknown }, index) => {
        if (typeof entry?.keyId !== 'string') throw new DigestKeyError(`keys[${index}].keyId is missing`);
        try {
          const publicKey =
            typeof entry.publicKeyPem === 'string'
              ? createPublicKey(entry.publicKeyPem)
              : createPublicKey({ key: entry.jwk as JsonWebKey, format: 'jwk' });
          return { keyId: entry.keyId, publicKey };
        } catch (error) {
          throw new DigestKeyError(`keys[${index}] (${entry.keyId}) is not a public key: ${(error as Error).message}`);
        }
      }),
    );
  }

  keyIds(): string[] {
    return [...this.byId.keys()];
  }

  publicKeyOf(keyId: string): KeyObject | null {
    return this.byId.get(keyId)?.publicKey ?? null;
  }

  canSign(): boolean {
    return [...this.byId.values()].some((key) => 'privateKey' in key);
  }

  signingKey(): DigestSigningKey {
    const signing = [...this.byId.values()].filter((key): key is DigestSigningKey => 'privateKey' in key).pop();
    if (signing === undefined) throw new DigestKeyError('No private digest key: this ring can verify digests, not sign them');
    return signing;
  }

  published(): PublishedDigestKey[] {
    const signingId = this.canSign() ? this.signingKey().keyId : null;
    return [...this.byId.values()].map(({ keyId, publicKey }) => {
      const { x } = publicKey.export({ format: 'jwk' }) as { x: string };
      return {
        keyId,
        algorithm: 'Ed25519',
        jwk: { kty: 'OKP', crv: 'Ed25519', x, kid: keyId },
        publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        signing: keyId === signingId,
      };
    });
  }
}
