import { backoffDelayMs } from './backoff';
import { isDelivered, nextStep, wantsEvent } from './delivery-decision';

const settings = { baseMs: 1000, maxMs: 60_000 };

describe('backoff', () => {
  it('doubles the ceiling per failed attempt, with half of it random', () => {
    expect(backoffDelayMs(1, settings, () => 0)).toBe(500);
    expect(backoffDelayMs(1, settings, () => 1)).toBe(1000);
    expect(backoffDelayMs(2, settings, () => 0)).toBe(1000);
    expect(backoffDelayMs(4, settings, () => 1)).toBe(8000);
  });

  it('never waits longer than the maximum, however many attempts failed', () => {
    expect(backoffDelayMs(30, settings, () => 1)).toBe(60_000);
    expect(backoffDelayMs(10_000, settings, () => 1)).toBe(60_000);
    expect(backoffDelayMs(10_000, settings, () => 0)).toBe(30_000);
  });

  it('spreads retries: different random draws give different delays', () => {
    const delays = new Set([0.1, 0.5, 0.9].map((r) => backoffDelayMs(3, settings, () => r)));
    expect(delays.size).toBe(3);
  });
});

describe('what follows an attempt', () => {
  it('a 2xx advances; a failure retries until the last attempt, which parks the event', () => {
    expect(nextStep({ ok: true, statusCode: 204 }, 1, 3, settings)).toEqual({ kind: 'advance' });
    expect(nextStep({ ok: false, statusCode: 500, error: 'HTTP 500' }, 1, 3, settings, () => 0)).toEqual({ kind: 'retry', delayMs: 500 });
    expect(nextStep({ ok: false, statusCode: null, error: 'ECONNREFUSED' }, 2, 3, settings, () => 0)).toEqual({
      kind: 'retry',
      delayMs: 1000,
    });
    expect(nextStep({ ok: false, statusCode: 500, error: 'HTTP 500' }, 3, 3, settings)).toEqual({ kind: 'dead-letter' });
  });

  it('only 2xx counts: redirects are failures', () => {
    expect([200, 202, 299].map(isDelivered)).toEqual([true, true, true]);
    expect([199, 301, 302, 404, 500].map(isDelivered)).toEqual([false, false, false, false, false]);
  });

  it('an empty type list wants every event', () => {
    expect(wantsEvent([], 'ShopRegistered')).toBe(true);
    expect(wantsEvent(['AccountLinked'], 'ShopRegistered')).toBe(false);
    expect(wantsEvent(['AccountLinked'], 'AccountLinked')).toBe(true);
  });
});
