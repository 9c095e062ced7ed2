/**
 * The token of an `Authorization: Bearer <token>` header, if it has the shape of a service token
 * (three base64url parts, each of a bounded length). The scheme is matched without regard to case,
 * as RFC 7235 has it; the token itself is matched as strictly as ever.
 */
const BEARER = /^[Bb][Ee][Aa][Rr][Ee][Rr] ([A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{1,4096}\.[A-Za-z0-9_-]{1,1024})$/;

export function bearerTokenOf(header: unknown): string | undefined {
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
}
