import { KeyObject, randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { ActorAssertionKeys } from './actor-assertion-keys';
import { ActorAssertionRefusal, InvalidActorAssertionError } from './invalid-actor-assertion.error';
import { MIN_SECRET_LENGTH } from './local-secret';

/** Where a calling service forwards the identity provider's assertion about the person named in X-Actor. */
export const ACTOR_ASSERTION_HEADER = 'X-Actor-Assertion';
export const ACTOR_ASSERTION_AUDIENCE = 'shoplink';
/** An assertion vouches for one person's recent sign-in, not for a session: it may live at most this long. */
export const MAX_ACTOR_ASSERTION_LIFETIME_SECONDS = 600;
export const ACTOR_ASSERTION_CLOCK_TOLERANCE_SECONDS = 5;
/** Far beyond any real assertion; spares the JSON parser whatever an attacker would rather send. */
const MAX_ASSERTION_LENGTH = 8192;
const MAX_JTI_LENGTH = 256;
const MAX_METHODS = 16;
/** The service's actor id format (X-Actor's `<id>`). */
const ACTOR_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The people an assertion can vouch for; `system:` actors are services and bring none. */
export type AssertedActorKind = 'member' | 'support';

export interface AssertedActor {
  readonly kind: AssertedActorKind;
  readonly id: string;
}

/** What a verified assertion proves, to be recorded with what the person did. */
export interface VerifiedActorAssertion {
  /** `iss`, when the identity provider names itself. */
  readonly issuer: string | null;
  /** `sub`: the actor's id, equal to the one X-Actor names. */
  readonly subject: string;
  readonly jti: string;
  /** RFC 8176 methods, as asserted (see hasSecondFactor). */
  readonly amr: string[];
  /** When the person last authenticated (`auth_time`), which can be long before the assertion was issued. */
  readonly authTime: Date;
  readonly issuedAt: Date;
  readonly expiresAt: Date;
}

/**
 * Checks that `token` is a genuine, current assertion by the identity provider that the person
 * `expected` (from X-Actor) authenticated: signature with a configured key and its pinned
 * algorithm, audience `shoplink`, a lifetime of at most MAX_ACTOR_ASSERTION_LIFETIME_SECONDS,
 * `sub`, `jti`, `amr` and `auth_time` present and well-formed, and `sub` equal to the expected id.
 * The kind is X-Actor's alone: nothing in the assertion is taken to say member or support.
 * Throws InvalidActorAssertionError, whose reason is for the log only.
 */
export async function verifyActorAssertion(
  keys: ActorAssertionKeys,
  token: string,
  expected: AssertedActor,
  now: Date = new Date(),
): Promise<VerifiedActorAssertion> {
  if (expected.kind !== 'member' && expected.kind !== 'support')
    throw new RangeError(`no assertion vouches for a ${String(expected.kind)} actor`);
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_ASSERTION_LENGTH)
    throw new InvalidActorAssertionError('malformed');
  let payload;
  try {
    ({ payload } = await jwtVerify(token, (header) => keys.keyFor(header), {
      algorithms: keys.algorithms,
      audience: ACTOR_ASSERTION_AUDIENCE,
      requiredClaims: ['sub', 'iat', 'exp', 'jti', 'amr', 'auth_time'],
      clockTolerance: ACTOR_ASSERTION_CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    }));
  } catch (error) {
    if (error instanceof InvalidActorAssertionError) throw error;
    throw new InvalidActorAssertionError(reasonOf(error));
  }
  const { sub, iss, jti, amr, auth_time: authTime, iat, exp } = payload;
  if (
    typeof sub !== 'string' ||
    sub === '' ||
    (iss !== undefined && (typeof iss !== 'string' || iss === '')) ||
    typeof jti !== 'string' ||
    jti === '' ||
    jti.length > MAX_JTI_LENGTH ||
    !isMethodList(amr) ||
    !isSeconds(authTime) ||
    !isSeconds(iat) ||
    !isSeconds(exp) ||
    exp <= iat
  )
    throw new InvalidActorAssertionError('wrong-claims');
  if (exp - iat > MAX_ACTOR_ASSERTION_LIFETIME_SECONDS) throw new InvalidActorAssertionError('too-long-lived');
  if (iat > now.getTime() / 1000 + ACTOR_ASSERTION_CLOCK_TOLERANCE_SECONDS) throw new InvalidActorAssertionError('not-yet-valid');
  // Beyond the tolerance, an authentication later than the assertion about it is a contradiction, not clock skew.
  if (authTime > iat + ACTOR_ASSERTION_CLOCK_TOLERANCE_SECONDS) throw new InvalidActorAssertionError('wrong-claims');
  if (sub !== expected.id) throw new InvalidActorAssertionError('wrong-subject');
  return {
    issuer: iss ?? null,
    subject: sub,
    jti,
    amr: [...amr],
    authTime: new Date(authTime * 1000),
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
  };
}

export interface ActorAssertionRequest extends AssertedActor {
  /** RFC 8176 methods, e.g. ["pwd"] or ["pwd", "otp"]. */
  readonly amr: readonly string[];
  /** When the person authenticated; default `now`. */
  readonly authTime?: Date;
  /** 1..MAX_ACTOR_ASSERTION_LIFETIME_SECONDS. */
  readonly ttlSeconds: number;
  /** Default a random UUID. */
  readonly jti?: string;
  readonly issuer?: string;
  /** Put in the header, for a JWKS with several keys. */
  readonly kid?: string;
  readonly now?: Date;
}

/**
 * Signs an assertion as the identity provider would, for local use and tests: HS256 with a
 * secret (the local one the service trusts outside production), or EdDSA / ES256 with an
 * Ed25519 or P-256 private key whose public half is in a JWKS.
 */
export async function issueActorAssertion(secretOrPrivateKey: Uint8Array | KeyObject, request: ActorAssertionRequest): Promise<string> {
  if (request.kind !== 'member' && request.kind !== 'support') throw new RangeError('the actor must be a member or a support agent');
  if (!ACTOR_ID.test(request.id))
    throw new RangeError('the actor id must be 1-64 letters, digits, ".", "_", "-", starting with a letter or digit');
  if (!(Number.isInteger(request.ttlSeconds) && request.ttlSeconds > 0 && request.ttlSeconds <= MAX_ACTOR_ASSERTION_LIFETIME_SECONDS))
    throw new RangeError(`ttl must be 1..${MAX_ACTOR_ASSERTION_LIFETIME_SECONDS} seconds`);
  if (!isMethodList(request.amr)) throw new RangeError(`amr must list 1..${MAX_METHODS} methods`);
  const now = request.now ?? new Date();
  const authTime = request.authTime ?? now;
  if (authTime.getTime() > now.getTime()) throw new RangeError('authTime cannot be later than now');
  const issuedAt = Math.floor(now.getTime() / 1000);
  const jwt = new SignJWT({ amr: [...request.amr], auth_time: Math.floor(authTime.getTime() / 1000) })
    .setProtectedHeader({ alg: algorithmOf(secretOrPrivateKey), typ: 'JWT', ...(request.kid === undefined ? {} : { kid: request.kid }) })
    .setAudience(ACTOR_ASSERTION_AUDIENCE)
    .setSubject(request.id)
    .setJti(request.jti ?? randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds);
  if (request.issuer !== undefined) jwt.setIssuer(request.issuer);
  return jwt.sign(secretOrPrivateKey);
}

function algorithmOf(key: Uint8Array | KeyObject): 'HS256' | 'EdDSA' | 'ES256' {
  if (key instanceof Uint8Array) {
    if (key.length < MIN_SECRET_LENGTH) throw new RangeError(`the secret must be at least ${MIN_SECRET_LENGTH} bytes`);
    return 'HS256';
  }
  if (key.type === 'private' && key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.type === 'private' && key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new RangeError('sign with the HS256 secret, or an Ed25519 or P-256 private key');
}

function isMethodList(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_METHODS &&
    value.every((method) => typeof method === 'string' && method.length > 0 && method.length <= 32)
  );
}

function isSeconds(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function reasonOf(error: unknown): ActorAssertionRefusal {
  if (error instanceof errors.JOSEAlgNotAllowed) return 'wrong-algorithm';
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.claim === 'nbf' && error.reason === 'check_failed' ? 'not-yet-valid' : 'wrong-claims';
  return 'malformed';
}
