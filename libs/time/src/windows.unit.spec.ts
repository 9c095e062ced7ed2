import { addDays, addHours, addMinutes } from './durations';
import { hasEnded, isWithinLastDays, windowStart } from './windows';

const NOW = new Date('2026-03-01T10:00:00.000Z');
const msBefore = (date: Date, ms: number): Date => new Date(date.getTime() - ms);

describe('a window ending at an instant', () => {
  it.each<[string, Date, boolean]>([
    ['a millisecond before its end', msBefore(NOW, 1), false],
    ['at exactly its end', NOW, true],
    ['after its end', addMinutes(NOW, 1), true],
  ])('%s: ended = %s', (_, now, ended) => {
    expect(hasEnded(NOW, now)).toBe(ended);
    expect(hasEnded(NOW.toISOString(), now)).toBe(ended);
  });

  it('whose end cannot be read never ends', () => {
    expect(hasEnded('not a time', NOW)).toBe(false);
  });
});

describe('the window of the last 180 days', () => {
  it('starts 180 days before now', () => {
    expect(windowStart(NOW, 180)).toEqual(addDays(NOW, -180));
  });

  it.each<[string, Date, boolean]>([
    ['exactly 180 days ago: left the window', addDays(NOW, -180), false],
    ['a millisecond later: still in it', new Date(addDays(NOW, -180).getTime() + 1), true],
    ['181 days ago', addDays(NOW, -181), false],
    ['now', NOW, true],
    ['later than now', addHours(NOW, 1), true],
  ])('%s', (_, at, within) => {
    expect(isWithinLastDays(at, NOW, 180)).toBe(within);
    expect(isWithinLastDays(at.toISOString(), NOW, 180)).toBe(within);
  });
});
