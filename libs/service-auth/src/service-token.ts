import { errors, jwtVerify, SignJWT } from 'jose';
import { isActorGrant } from './actor-grants';
import { isServiceScope, ServiceScope } from './service-scopes';

/** Who is calling, as its verified token says: its name, its scopes, and the actors it may assert (see actor-grants.ts). */
export interface CallingService {
  readonly name: string;
  readonly scopes: ReadonlySet<ServiceScope>;
  readonly actors: ReadonlySet<string>;
}

export const TOKEN_ISSUER = 'shoplink';
export const TOKEN_AUDIENCE = 'shoplink-api';
/** Long-lived tokens are a standing risk: a token may live at most this long. */
export const MAX_TOKEN_LIFETIME_SECONDS = 90 * 24 * 3600;
const SERVICE_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Why a token was refused. Kept for the service's own log; the caller only ever learns
 * "not a valid token", which tells an attacker nothing about how close they came.
 */
export class InvalidServiceTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'wrong-claims') {
    super(`service token refused: ${reason}`);
  }
}

export interface TokenRequest {
  readonly service: string;
  readonly scopes: readonly ServiceScope[];
  /** The actors the service may assert: `member`, `support`, `system:<name>`, `system:*` (local use). */
  readonly actors: readonly string[];
  readonly ttlSeconds: number;
  readonly now?: Date;
}

/** HS256 with a shared secret from configuration: every Shoplink instance verifies without a network call. */
export async function issueServiceToken(secret: Uint8Array, request: TokenRequest): Promise<string> {
  if (!SERVICE_NAME.test(request.service)) throw new RangeError(`service name must be 1-64 lower-case letters, digits, ".", "_", "-"`);
  if (!(request.ttlSeconds > 0 && request.ttlSeconds <= MAX_TOKEN_LIFETIME_SECONDS))
    throw new RangeError(`ttl must be 1..${MAX_TOKEN_LIFETIME_SECONDS} seconds`);
  const unknown = request.scopes.filter((s) => !isServiceScope(s));
  if (unknown.length > 0) throw new RangeError(`unknown scopes: ${unknown.join(', ')}`);
  const badActors = request.actors.filter((a) => !isActorGrant(a));
  if (badActors.length > 0) throw new RangeError(`actors must be member, support, system:<name> or system:*, not: ${badActors.join(', ')}`);
  const issuedAt = Math.floor((request.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ scope: [...new Set(request.scopes)].join(' '), actors: [...new Set(request.actors)] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(request.service)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + request.ttlSeconds)
    .sign(secret);
}

/** Checks signature, algorithm, issuer, audience, lifetime and claims; answers the calling service or throws InvalidServiceTokenError. */
export async function verifyServiceToken(
  secret: Uint8Array,
  token: string,
  now: Date = new Date(),
): Promise<CallingService & { readonly expiresAt: number }> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      requiredClaims: ['sub', 'exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: MAX_TOKEN_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS,
      currentDate: now,
    }));
  } catch (error) {
    throw new InvalidServiceTokenError(reasonOf(error));
  }
  const { sub, scope, exp, iat, actors } = payload;
  if (
    typeof sub !== 'string' ||
    !SERVICE_NAME.test(sub) ||
    typeof scope !== 'string' ||
    typeof exp !== 'number' ||
    typeof iat !== 'number'
  ) {
    throw new InvalidServiceTokenError('wrong-claims');
  }
  if (exp - iat > MAX_TOKEN_LIFETIME_SECONDS) throw new InvalidServiceTokenError('wrong-claims');
  const actorList: unknown = actors ?? [];
  if (!Array.isArray(actorList) || !actorList.every((a): a is string => typeof a === 'string'))
    throw new InvalidServiceTokenError('wrong-claims');
  // Scopes this version does not know are ignored rather than refused, so a newer issuer's tokens still work for what we know.
  const scopes = new Set(scope.split(' ').filter(isServiceScope));
  // Like scopes, grants this version cannot read are ignored; a token without the claim grants no actor.
  const granted = new Set(actorList.filter(isActorGrant));
  return { name: sub, scopes, actors: granted, expiresAt: exp };
}

function reasonOf(error: unknown): InvalidServiceTokenError['reason'] {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'bad-signature';
  if (error instanceof errors.JWTClaimValidationFailed)
    return error.claim === 'nbf' || error.claim === 'iat' ? 'not-yet-valid' : 'wrong-claims';
  return 'malformed';
}
