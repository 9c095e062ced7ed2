import { createHmac, randomUUID } from 'node:crypto';
import { ALL_ACTOR_GRANTS, ALL_SERVICE_SCOPES, issueServiceToken } from '@shoplink/service-auth';

/** The service under test is started with this secret (SHOPLINK_TOKEN_SECRET) and no practical rate limit. */
export const BENCH_TOKEN_SECRET = 'bench-only-token-secret-0123456789abcdef';
/** The identity provider's secret for actor assertions, as the local (non-production) service trusts it. */
export const BENCH_ASSERTION_SECRET = 'bench-only-actor-assertion-secret-0123456789';
export const BENCH_SERVICE_ENV = {
  SHOPLINK_TOKEN_SECRET: BENCH_TOKEN_SECRET,
  SHOPLINK_ACTOR_ASSERTION_SECRET: BENCH_ASSERTION_SECRET,
  SHOPLINK_RATE_LIMIT: '10000000',
} as const;

let authorization = '';

/** Issues the bench's service token (every scope); call once before the first request. */
export async function prepareBenchAuthorization(): Promise<void> {
  const token = await issueServiceToken(new TextEncoder().encode(BENCH_TOKEN_SECRET), {
    service: 'bench',
    scopes: ALL_SERVICE_SCOPES,
    actors: ALL_ACTOR_GRANTS,
    ttlSeconds: 6 * 3600,
  });
  authorization = `Bearer ${token}`;
}

export interface HeaderOptions {
  /** `kind:id` of whoever acts (X-Actor); commands only. */
  readonly actor?: string;
  /** Whether the request carries a JSON body. */
  readonly json?: boolean;
  /** A command: it gets a fresh Idempotency-Key. */
  readonly command?: boolean;
}

/**
 * Every request the benchmarks send gets its headers here, and only here, so a header every
 * request needs (the bearer token of service authentication, say) is added in one place.
 */
export function requestHeaders(options: HeaderOptions = {}): Record<string, string> {
  const headers: Record<string, string> = {};
  // Every request, baselines included, carries the same token, so they pay the same header bytes.
  if (authorization !== '') headers.authorization = authorization;
  if (options.json) headers['content-type'] = 'application/json';
  if (options.command) headers['idempotency-key'] = randomUUID();
  if (options.actor !== undefined) headers['x-actor'] = options.actor;
  if (options.actor !== undefined && /^(member|support):/.test(options.actor)) headers['x-actor-assertion'] = freshAssertion(options.actor);
  return headers;
}

/**
 * A person's command carries a fresh actor assertion (a password and a one-time code, just used), as
 * from an identity provider that mints one per action: the service verifies each, the costliest case.
 * Signed here synchronously (HS256 is an HMAC), so building a request stays synchronous.
 */
function freshAssertion(actor: string): string {
  const id = actor.slice(actor.indexOf(':') + 1);
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({
    sub: id,
    aud: 'shoplink',
    iat: now,
    exp: now + 300,
    jti: randomUUID(),
    amr: ['pwd', 'otp'],
    auth_time: now,
  })}`;
  return `${unsigned}.${createHmac('sha256', BENCH_ASSERTION_SECRET).update(unsigned).digest('base64url')}`;
}
