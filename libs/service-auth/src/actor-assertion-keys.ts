import { createPublicKey, KeyObject } from 'node:crypto';
import { MIN_SECRET_LENGTH } from './local-secret';
import { InvalidActorAssertionError } from './invalid-actor-assertion.error';

export const ACTOR_ASSERTION_JWKS_VARIABLE = 'SHOPLINK_ACTOR_ASSERTION_JWKS';
export const ACTOR_ASSERTION_SECRET_VARIABLE = 'SHOPLINK_ACTOR_ASSERTION_SECRET';

/** The identity provider's public keys sign with these; HS256 is the local secret's only. */
export type ActorAssertionAlgorithm = 'EdDSA' | 'ES256' | 'HS256';

/**
 * Keys that cannot be used, with the variable that configured them; the service refuses to start.
 * The message reads after the variable's name (`${variable}: ${message}`).
 */
export class ActorAssertionKeysError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ActorAssertionKeysError';
  }
}

interface VerificationKey {
  readonly kid: string | null;
  readonly algorithm: ActorAssertionAlgorithm;
  readonly key: KeyObject | Uint8Array;
}

/**
 * What an actor assertion may be signed with: the identity provider's public keys (a JWKS), or,
 * for local use only, one HS256 secret. Each key verifies exactly one algorithm, chosen by its
 * type here and never by the token, so a token cannot pick `none`, nor HS256 against a public key.
 */
export class ActorAssertionKeys {
  private constructor(
    readonly kind: 'jwks' | 'secret',
    private readonly keys: readonly VerificationKey[],
  ) {}

  /**
   * Public keys from a JWKS (`{"keys": [...]}`): Ed25519 (`OKP`, EdDSA) and P-256 (`EC`, ES256),
   * each with a distinct `kid` when there are several. Any key it cannot use is refused rather
   * than skipped: a key an operator meant to trust and that silently does nothing is found only
   * when every assertion signed with it fails.
   */
  static fromJwks(jwks: unknown): ActorAssertionKeys {
    const refuse = (message: string) => new ActorAssertionKeysError(ACTOR_ASSERTION_JWKS_VARIABLE, message);
    if (!isObject(jwks) || !Array.isArray(jwks.keys)) throw refuse('not a JWKS: expected a JSON object with a "keys" array');
    if (jwks.keys.length === 0) throw refuse('the JWKS holds no keys');
    const several = jwks.keys.length > 1;
    const keys = jwks.keys.map((jwk: unknown, index) => publicKeyOf(jwk, index, several, refuse));
    const kids = keys.map((k) => k.kid);
    const repeated = kids.find((kid, index) => kids.indexOf(kid) !== index);
    if (repeated !== undefined) throw refuse(`two keys share the kid "${repeated}"`);
    return new ActorAssertionKeys('jwks', keys);
  }

  /** One HS256 secret, for a developer's machine and tests; never accepted in production (see loadActorAssertionKeys). */
  static fromSecret(secret: Uint8Array): ActorAssertionKeys {
    if (secret.length < MIN_SECRET_LENGTH)
      throw new ActorAssertionKeysError(ACTOR_ASSERTION_SECRET_VARIABLE, `the secret must be at least ${MIN_SECRET_LENGTH} bytes`);
    return new ActorAssertionKeys('secret', [{ kid: null, algorithm: 'HS256', key: secret }]);
  }

  /** Every algorithm some key verifies: what a token's `alg` is checked against before any key is chosen. */
  get algorithms(): ActorAssertionAlgorithm[] {
    return [...new Set(this.keys.map((k) => k.algorithm))];
  }

  /** The keys by kid and algorithm, for the start-up line. */
  describe(): string {
    if (this.kind === 'secret') return 'HS256 secret';
    return this.keys.map((k) => `${k.kid ?? 'one key without kid'} ${k.algorithm}`).join(', ');
  }

  /** The key a token's header points to, or InvalidActorAssertionError when none fits it. */
  keyFor(header: { readonly alg?: string; readonly kid?: string }): KeyObject | Uint8Array {
    let chosen: VerificationKey | undefined;
    if (typeof header.kid === 'string') chosen = this.keys.find((k) => k.kid === header.kid);
    else if (this.keys.length === 1) chosen = this.keys[0];
    if (chosen === undefined) throw new InvalidActorAssertionError('unknown-key');
    if (header.alg !== chosen.algorithm) throw new InvalidActorAssertionError('wrong-algorithm');
    return chosen.key;
  }
}

function publicKeyOf(
  jwk: unknown,
  index: number,
  kidRequired: boolean,
  refuse: (message: string) => ActorAssertionKeysError,
): VerificationKey {
  const name = isObject(jwk) && typeof jwk.kid === 'string' ? `key "${jwk.kid}"` : `key ${index}`;
  if (!isObject(jwk)) throw refuse(`${name} is not a JSON object`);
  const { kty, crv, alg, kid, use, key_ops: keyOps } = jwk;
  if (kid !== undefined && (typeof kid !== 'string' || kid === '')) throw refuse(`${name}: "kid" must be a non-empty string`);
  if (kid === undefined && kidRequired) throw refuse(`${name} has no "kid": with several keys, each needs one so tokens can name theirs`);
  // A private key in a file every instance reads is a leak waiting to happen; the service only verifies.
  if ('d' in jwk) throw refuse(`${name} holds private key material ("d"); the JWKS must hold public keys only`);
  if (use !== undefined && use !== 'sig') throw refuse(`${name}: "use" is ${JSON.stringify(use)}, not "sig"`);
  if (keyOps !== undefined && !(Array.isArray(keyOps) && keyOps.includes('verify')))
    throw refuse(`${name}: "key_ops" does not include "verify"`);
  let algorithm: ActorAssertionAlgorithm;
  if (kty === 'OKP' && crv === 'Ed25519') algorithm = 'EdDSA';
  else if (kty === 'EC' && crv === 'P-256') algorithm = 'ES256';
  else throw refuse(`${name} is ${String(kty)}/${String(crv)}; only Ed25519 (kty OKP, EdDSA) and P-256 (kty EC, ES256) keys are accepted`);
  if (alg !== undefined && alg !== algorithm)
    throw refuse(`${name}: "alg" is ${JSON.stringify(alg)}, but a ${String(crv)} key signs ${algorithm}`);
  const { x, y } = jwk;
  if (typeof x !== 'string' || (algorithm === 'ES256' && typeof y !== 'string'))
    throw refuse(`${name} lacks its public key ("x"${algorithm === 'ES256' ? ', "y"' : ''})`);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty, crv, x, ...(algorithm === 'ES256' ? { y: y as string } : {}) }, format: 'jwk' });
  } catch (error) {
    throw refuse(`${name} is not a valid ${String(crv)} public key (${error instanceof Error ? error.message : String(error)})`);
  }
  return { kid: kid ?? null, algorithm, key };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
