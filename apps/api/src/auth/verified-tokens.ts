import { CallingService, verifyServiceToken } from '@shoplink/service-auth';

const CACHE_LIMIT = 1024;

export const VERIFIED_TOKENS = Symbol('VERIFIED_TOKENS');

/** Told of every token actually checked (not answered from memory). */
export type VerificationObserver = (outcome: 'valid' | 'invalid') => void;

/**
 * Verifies bearer tokens, remembering the ones already verified until they expire: a service
 * sends the same token thousands of times, and HMAC plus claim checks on every request is
 * wasted work. Only successes are cached, so a forged token is checked (and refused) every time.
 */
export class VerifiedTokens {
  private readonly verified = new Map<string, CallingService & { readonly expiresAt: number }>();

  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => Date,
    private readonly observe: VerificationObserver = () => undefined,
  ) {}

  async verify(token: string): Promise<CallingService> {
    const known = this.known(token);
    if (known !== undefined) return known;
    let service;
    try {
      service = await verifyServiceToken(this.secret, token, this.now());
    } catch (error) {
      this.observe('invalid');
      throw error;
    }
    this.observe('valid');
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, service);
    return service;
  }

  /** Whether the token was verified already and has not expired since: no cryptography, one map lookup. */
  isKnown(token: string): boolean {
    return this.known(token) !== undefined;
  }

  private known(token: string): (CallingService & { readonly expiresAt: number }) | undefined {
    const known = this.verified.get(token);
    return known !== undefined && known.expiresAt > this.now().getTime() / 1000 ? known : undefined;
  }
}
