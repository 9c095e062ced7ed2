import { CallingService, verifyServiceToken } from '@shoplink/service-auth';

const CACHE_LIMIT = 1024;

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
  ) {}

  async verify(token: string): Promise<CallingService> {
    const nowSeconds = this.now().getTime() / 1000;
    const known = this.verified.get(token);
    if (known !== undefined && known.expiresAt > nowSeconds) return known;
    const service = await verifyServiceToken(this.secret, token, this.now());
    if (this.verified.size >= CACHE_LIMIT) this.verified.clear();
    this.verified.set(token, service);
    return service;
  }
}
