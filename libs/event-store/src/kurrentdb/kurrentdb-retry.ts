/**
 * A bounded retry for transient failures (the server restarting, a leader election, a network
 * blip). Bounded so a server that stays away surfaces as an error after a few seconds instead
 * of a request hanging: the caller (an HTTP request, the projector's own loop) decides what next.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 };

/** Pause before retry number `retry` (1 for the first retry): doubling from the base, capped. */
export function retryDelay(policy: RetryPolicy, retry: number): number {
  return Math.min(policy.baseDelayMs * 2 ** Math.max(0, retry - 1), policy.maxDelayMs);
}

export async function withRetry<T>(
  operation: () => Promise<T>,
  policy: RetryPolicy,
  isTransient: (error: unknown) => boolean,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      await sleep(retryDelay(policy, attempt));
    }
  }
}
