import { randomUUID } from 'node:crypto';
import { ALL_ACTOR_GRANTS, ALL_SERVICE_SCOPES, issueServiceToken } from '@shoplink/service-auth';

/** The service under test is started with this secret (SHOPLINK_TOKEN_SECRET) and no practical rate limit. */
export const BENCH_TOKEN_SECRET = 'bench-only-token-secret-0123456789abcdef';
export const BENCH_SERVICE_ENV = { SHOPLINK_TOKEN_SECRET: BENCH_TOKEN_SECRET, SHOPLINK_RATE_LIMIT: '10000000' } as const;

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
  return headers;
}
