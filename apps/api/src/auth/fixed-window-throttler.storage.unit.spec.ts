import { FixedWindowThrottlerStorage } from './fixed-window-throttler.storage';

describe('FixedWindowThrottlerStorage', () => {
  it('allows the limit within a window, blocks beyond it with the seconds left, and starts afresh in the next window', async () => {
    let now = 1_000_000;
    const storage = new FixedWindowThrottlerStorage(() => now);
    for (let i = 1; i <= 3; i += 1)
      expect(await storage.increment('svc', 10_000, 3, 10_000, 'w')).toMatchObject({ totalHits: i, isBlocked: false });
    now += 2_500;
    expect(await storage.increment('svc', 10_000, 3, 10_000, 'w')).toEqual({
      totalHits: 4,
      timeToExpire: 8,
      isBlocked: true,
      timeToBlockExpire: 8,
    });
    expect(await storage.increment('other', 10_000, 3, 10_000, 'w')).toMatchObject({ totalHits: 1, isBlocked: false });
    now += 7_500;
    expect(await storage.increment('svc', 10_000, 3, 10_000, 'w')).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});
