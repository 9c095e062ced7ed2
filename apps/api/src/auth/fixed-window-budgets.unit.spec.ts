import { FixedWindowBudgets } from './fixed-window-budgets';

describe('FixedWindowBudgets', () => {
  let now: number;
  const budgets = (limit: number, windowMs: number, maxKeys = 1_000) =>
    new FixedWindowBudgets({ limit, windowMs, maxKeys, now: () => now });

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a key spend its limit in a window, then refuses it with the seconds left until the window ends', () => {
    const b = budgets(3, 10_000);
    for (let i = 0; i < 2; i += 1) b.spend('10.0.0.1');
    expect(b.isOver('10.0.0.1')).toBe(false);
    expect(b.refuse('10.0.0.1')).toBeUndefined();
    b.spend('10.0.0.1');
    expect(b.isOver('10.0.0.1')).toBe(true);
    now += 2_500;
    expect(b.refuse('10.0.0.1')).toEqual({ retryAfterSeconds: 8, first: true });
    now += 7_000;
    expect(b.refuse('10.0.0.1')).toEqual({ retryAfterSeconds: 1, first: false });
    now += 499;
    expect(b.refuse('10.0.0.1')).toEqual({ retryAfterSeconds: 1, first: false });
  });

  it('counts each key on its own', () => {
    const b = budgets(2, 10_000);
    b.spend('a');
    b.spend('a');
    b.spend('b');
    expect([b.isOver('a'), b.isOver('b'), b.isOver('never-seen')]).toEqual([true, false, false]);
  });

  it('starts afresh once the window has ended, and announces the next throttling again', () => {
    const b = budgets(1, 1_000);
    b.spend('a');
    expect(b.refuse('a')?.first).toBe(true);
    now += 1_000;
    expect(b.isOver('a')).toBe(false);
    expect(b.refuse('a')).toBeUndefined();
    b.spend('a');
    expect(b.size).toBe(1);
    expect(b.refuse('a')).toEqual({ retryAfterSeconds: 1, first: true });
  });

  it('decides whether and until when from one reading of the clock, so a window ending in between cannot split them', () => {
    // The clock moves on at each reading: the spending, a refusal just before the window ends, then one past it.
    const readings = [0, 999.999, 1_000.001];
    const b = new FixedWindowBudgets({ limit: 1, windowMs: 1_000, maxKeys: 10, now: () => readings.shift()! });
    b.spend('a');
    expect(b.refuse('a')).toEqual({ retryAfterSeconds: 1, first: true });
    expect(b.refuse('a')).toBeUndefined();
    expect(readings).toEqual([]);
  });

  it('keeps a window running from its first spending, however much is spent in it', () => {
    const b = budgets(5, 10_000);
    for (let i = 0; i < 50; i += 1) {
      b.spend('a');
      now += 100;
    }
    // Started 5 s ago: it ends in 5 s, not 10 s after the last spending.
    expect(b.refuse('a')?.retryAfterSeconds).toBe(5);
  });

  it('drops ended windows as time passes, so the keys remembered are those of the running windows', () => {
    const b = budgets(1, 1_000);
    for (let i = 0; i < 500; i += 1) b.spend(`old-${i}`);
    expect(b.size).toBe(500);
    now += 600;
    for (let i = 0; i < 300; i += 1) b.spend(`new-${i}`);
    expect(b.size).toBe(800);
    now += 400;
    b.spend('latest');
    expect(b.size).toBe(301);
    expect(b.isOver('old-0')).toBe(false);
    expect(b.isOver('new-0')).toBe(true);
  });

  it('never remembers more than maxKeys, forgetting the oldest window first, whatever the number of addresses', () => {
    const b = budgets(1, 60_000, 100);
    for (let i = 0; i < 100_000; i += 1) {
      b.spend(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      if (i % 1_000 === 0) now += 1;
      expect(b.size).toBeLessThanOrEqual(100);
    }
    expect(b.size).toBe(100);
    // The most recent keys are the ones kept.
    expect(b.isOver(`10.1.134.159`)).toBe(true); // key 99,999
    expect(b.isOver('10.0.0.0')).toBe(false);
  });

  it('keeps a key that spends again in its window where it started, so the oldest window is still the first forgotten', () => {
    const b = budgets(10, 60_000, 2);
    b.spend('first');
    now += 1;
    b.spend('second');
    now += 1;
    b.spend('first');
    b.spend('third');
    expect([b.size, b.isOver('first'), b.refuse('second')]).toEqual([2, false, undefined]);
    for (let i = 0; i < 9; i += 1) b.spend('second');
    expect(b.isOver('second')).toBe(true);
  });
});
