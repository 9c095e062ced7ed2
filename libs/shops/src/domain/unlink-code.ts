/**
 * Checks a confirmation code against the salted hash recorded with its UnlinkRequested.
 * Hashing is the application's (it owns the crypto); the domain only asks "does it match?".
 */
export interface UnlinkCodeVerifier {
  matches(code: string, salt: string, hash: string): boolean;
}
