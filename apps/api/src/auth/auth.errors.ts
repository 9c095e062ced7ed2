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
