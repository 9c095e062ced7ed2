import { ActorAssertionKeys, AssertedActor, hasSecondFactor, VerifiedActorAssertion, verifyActorAssertion } from '@shoplink/service-auth';

const CACHE_LIMIT = 4096;

/** What a verified assertion proves, with the age of its second factor measured now (see CommandEnvelope.actorProof). */
export interface ProvenActor {
  readonly issuer: string | null;
  readonly jti: string;
  readonly amr: readonly string[];
  readonly authTime: string;
  readonly secondFactorAgeSeconds: number | null;
}

/**
 * Verifies actor assertions, remembering the ones already verified (for the actor they were verified
 * for) until they expire: a calling service forwards a person's assertion with each of their
 * requests for a few minutes. Only successes are cached. Times are the wall clock's, as for tokens.
 */
export class VerifiedAssertions {
  private readonly verified = new Map<string, VerifiedActorAssertion>();

  constructor(
    private readonly keys: ActorAssertionKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async prove(token: string, actor: AssertedActor): Promise<ProvenActor> {
    const now = this.now();
    const cacheKey = `${actor.kind}:${actor.id} ${token}`;
    let assertion = this.verified.get(cacheKey);
    if (assertion === undefined || assertion.expiresAt.getTime() <= now.getTime()) {
      assertion = await verifyActorAssertion(this.keys, token, actor, now);
      if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
      this.verified.set(cacheKey, assertion);
    }
    const { issuer, jti, amr, authTime } = assertion;
    const secondFactorAgeSeconds = hasSecondFactor(amr) ? Math.max(0, (now.getTime() - authTime.getTime()) / 1000) : null;
    return { issuer, jti, amr, authTime: authTime.toISOString(), secondFactorAgeSeconds };
  }
}
