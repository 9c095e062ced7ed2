export type ActorAssertionRefusal =
  /** Not a compact JWS with JSON claims, or longer than any real assertion. */
  | 'malformed'
  /** `alg` is not the one pinned for the key (`none`, HS256 against a JWKS, ES256 against an Ed25519 key…). */
  | 'wrong-algorithm'
  /** The `kid` names no configured key, or names none while several are configured. */
  | 'unknown-key'
  | 'bad-signature'
  | 'expired'
  /** `nbf` or `iat` is later than now (beyond the clock tolerance). */
  | 'not-yet-valid'
  /** Another audience, or a required claim missing or of the wrong type. */
  | 'wrong-claims'
  /** Genuine, but about someone other than the actor the calling service names. */
  | 'wrong-subject'
  /** `exp - iat` beyond the maximum: a long-lived assertion is a standing credential, which this is not meant to be. */
  | 'too-long-lived';

/**
 * Why an actor assertion was refused. For the service's own log: the caller only learns that the
 * assertion is missing or invalid, which tells an attacker nothing about how close they came.
 */
export class InvalidActorAssertionError extends Error {
  constructor(readonly reason: ActorAssertionRefusal) {
    super(`actor assertion refused: ${reason}`);
    this.name = 'InvalidActorAssertionError';
  }
}
