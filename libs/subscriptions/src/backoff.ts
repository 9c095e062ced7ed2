/** How retries of a failing delivery are spaced. */
export interface BackoffSettings {
  /** The delay ceiling before the first retry. */
  readonly baseMs: number;
  /** No delay is longer than this, however many attempts failed. */
  readonly maxMs: number;
}

/**
 * The wait before attempt `failedAttempts + 1`: exponential ("equal jitter": half the ceiling
 * fixed, half random), so many subscriptions failing at once against one receiver spread their
 * retries instead of hammering it in step, while each still waits at least half the ceiling.
 */
export function backoffDelayMs(failedAttempts: number, settings: BackoffSettings, random: () => number = Math.random): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2 ** 40 already exceeds any sensible ceiling; capping the exponent keeps the number finite.
  const ceiling = Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(exponent, 40));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
