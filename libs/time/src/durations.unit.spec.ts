import { addDays, addHours, addMinutes, DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './durations';

const NOW = new Date('2026-03-01T10:00:00.000Z');

describe('durations', () => {
  it('are the usual multiples of each other', () => {
    expect([MINUTE_MS, HOUR_MS, DAY_MS]).toEqual([60 * SECOND_MS, 60 * MINUTE_MS, 24 * HOUR_MS]);
  });

  it('shift an instant forwards or backwards on the UTC timeline', () => {
    expect(addMinutes(NOW, 15).toISOString()).toBe('2026-03-01T10:15:00.000Z');
    expect(addHours(NOW, 48).toISOString()).toBe('2026-03-03T10:00:00.000Z');
    expect(addDays(NOW, -180).toISOString()).toBe('2025-09-02T10:00:00.000Z');
    // Across a daylight-saving change in any zone a day is still 24 hours.
    expect(addDays(new Date('2026-03-28T12:00:00.000Z'), 2).toISOString()).toBe('2026-03-30T12:00:00.000Z');
  });

  it('leave the instant they shift alone', () => {
    const before = NOW.getTime();
    addDays(NOW, 1);
    expect(NOW.getTime()).toBe(before);
  });
});
