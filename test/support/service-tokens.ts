import {
  ALL_ACTOR_GRANTS,
  ALL_SERVICE_SCOPES,
  AssertedActorKind,
  issueActorAssertion,
  issueServiceToken,
  ServiceScope,
} from '@shoplink/service-auth';

/** The secret every test app signs and verifies with (production reads SHOPLINK_TOKEN_SECRET). */
export const TEST_TOKEN_SECRET_TEXT = 'test-only-secret-0123456789abcdef-0123456789';
export const TEST_TOKEN_SECRET = new TextEncoder().encode(TEST_TOKEN_SECRET_TEXT);

export interface TestTokenOptions {
  readonly service?: string;
  readonly scopes?: readonly ServiceScope[];
  /** The actors the token grants (default: every kind, `member`, `support` and `system:*`). */
  readonly actors?: readonly string[];
  readonly ttlSeconds?: number;
  readonly now?: Date;
  readonly secret?: Uint8Array;
}

/** A service token as a real issuer would sign it; by default a service holding every scope and granted every actor. */
export function testToken(options: TestTokenOptions = {}): Promise<string> {
  return issueServiceToken(options.secret ?? TEST_TOKEN_SECRET, {
    service: options.service ?? 'test-suite',
    scopes: options.scopes ?? ALL_SERVICE_SCOPES,
    actors: options.actors ?? ALL_ACTOR_GRANTS,
    ttlSeconds: options.ttlSeconds ?? 3600,
    now: options.now,
  });
}

export async function bearer(options: TestTokenOptions = {}): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await testToken(options)}` };
}

/** The secret every test app verifies actor assertions with (production reads a JWKS, SHOPLINK_ACTOR_ASSERTION_JWKS). */
export const TEST_ACTOR_ASSERTION_SECRET_TEXT = 'test-only-assertion-secret-0123456789abcdef-0123';
export const TEST_ACTOR_ASSERTION_SECRET = new TextEncoder().encode(TEST_ACTOR_ASSERTION_SECRET_TEXT);

export interface TestAssertionOptions {
  readonly kind: AssertedActorKind;
  readonly id: string;
  /** Default ["pwd"]: a password only, no second factor. */
  readonly amr?: readonly string[];
  /** Default: now. */
  readonly authTime?: Date;
  readonly ttlSeconds?: number;
  readonly now?: Date;
  readonly secret?: Uint8Array;
}

/** An actor assertion as the identity provider would sign it, for the X-Actor-Assertion header; five minutes by default. */
export function testAssertion(options: TestAssertionOptions): Promise<string> {
  return issueActorAssertion(options.secret ?? TEST_ACTOR_ASSERTION_SECRET, {
    kind: options.kind,
    id: options.id,
    amr: options.amr ?? ['pwd'],
    authTime: options.authTime,
    ttlSeconds: options.ttlSeconds ?? 300,
    now: options.now,
  });
}

/** For a member or support actor, an assertion of a sign-in with a password and a one-time code, just now; none for a system actor. */
export async function steppedUpAssertionFor(actor: string): Promise<string | null> {
  const [kind, id] = [actor.slice(0, actor.indexOf(':')), actor.slice(actor.indexOf(':') + 1)];
  if (kind !== 'member' && kind !== 'support') return null;
  return testAssertion({ kind, id, amr: ['pwd', 'otp'] });
}
