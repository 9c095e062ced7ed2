/**
 * The bearer token the browser tests paste into the console. A placeholder until service
 * authentication lands; then this one function issues a real token with the `audit:read` scope.
 */
export function consoleToken(): string {
  return 'placeholder-audit-read-token';
}
