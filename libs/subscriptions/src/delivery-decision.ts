import { BackoffSettings, backoffDelayMs } from './backoff';

export type DeliveryOutcome =
  { readonly ok: true; readonly statusCode: number } | { readonly ok: false; readonly statusCode: number | null; readonly error: string };

export type NextStep =
  { readonly kind: 'advance' } | { readonly kind: 'retry'; readonly delayMs: number } | { readonly kind: 'dead-letter' };

/**
 * What follows one attempt: a 2xx moves the cursor past the event; a failure is retried with
 * backoff until `maxAttempts` attempts failed, then the event is parked as a dead letter and the
 * cursor moves on (so one poisoned event cannot stop the subscription for good).
 */
export function nextStep(
  outcome: DeliveryOutcome,
  attempt: number,
  maxAttempts: number,
  backoff: BackoffSettings,
  random?: () => number,
): NextStep {
  if (outcome.ok) return { kind: 'advance' };
  if (attempt >= maxAttempts) return { kind: 'dead-letter' };
  return { kind: 'retry', delayMs: backoffDelayMs(attempt, backoff, random) };
}

/** Any 2xx counts as delivered; a redirect is not followed and counts as a failure. */
export const isDelivered = (statusCode: number): boolean => statusCode >= 200 && statusCode < 300;

/** An empty list means every event type. */
export function wantsEvent(eventTypes: readonly string[], type: string): boolean {
  return eventTypes.length === 0 || eventTypes.includes(type);
}
