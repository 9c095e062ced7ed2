import { randomUUID } from 'node:crypto';

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
  if (options.json) headers['content-type'] = 'application/json';
  if (options.command) headers['idempotency-key'] = randomUUID();
  if (options.actor !== undefined) headers['x-actor'] = options.actor;
  return headers;
}
