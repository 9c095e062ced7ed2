/** No token, or one that is not valid: the caller learns nothing more (why is in our log only). */
export class UnauthenticatedError extends Error {
  readonly code = 'UNAUTHENTICATED';
  constructor() {
    super('A valid service token is required: Authorization: Bearer <token>');
  }
}

/** A valid token whose scopes do not cover the route. The needed scope is public (OpenAPI), so naming it helps only honest callers. */
export class ForbiddenScopeError extends Error {
  readonly code = 'FORBIDDEN_SCOPE';
  constructor(readonly requiredScope: string) {
    super(`This service's token does not grant ${requiredScope}`);
  }
}

/** Too many requests from one calling service within the window. */
export class RateLimitedError extends Error {
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many requests from this service; retry after ${retryAfterSeconds} s`);
  }
}

/** A member or support actor without a valid X-Actor-Assertion: who they are is not proven (why is in our log only). */
export class ActorAssertionInvalidError extends Error {
  readonly code = 'ACTOR_ASSERTION_INVALID';
  constructor(readonly missing: boolean) {
    super(
      missing
        ? "member: and support: actors must be proven: send X-Actor-Assertion, the identity provider's signed assertion for the person in X-Actor"
        : 'X-Actor-Assertion is not a valid, current assertion for the person in X-Actor',
    );
  }
}
