import { addDays } from '@shoplink/time';
import { marketingRelinkAllowance, PastLink, relinkLimitReached } from './marketing-relink-allowance';

const NOW = new Date('2026-06-01T12:00:00.000Z');
const POLICY = { marketingLinksPerWindow: 10, marketingLinkWindowDays: 180 };
const WINDOW_START = addDays(NOW, -180);
const at = (date: Date, ms = 0): string => new Date(date.getTime() + ms).toISOString();
const marketing = (linkedAt: string): PastLink => ({ role: 'marketing', linkedAt });
const nineRecent = Array.from({ length: 9 }, (_, i) => marketing(at(addDays(NOW, -(i + 1)))));

describe('the marketing relink allowance (10 in any 180 days)', () => {
  it.each<[string, readonly PastLink[], number]>([
    ['no links', [], 0],
    ['a link exactly 180 days ago has left the window', [marketing(at(WINDOW_START))], 0],
    ['a link a millisecond younger still counts', [marketing(at(WINDOW_START, 1))], 1],
    ['a link 181 days ago does not count', [marketing(at(addDays(NOW, -181)))], 0],
    ['a link made now counts', [marketing(at(NOW))], 1],
    ['official links never count', [{ role: 'official', linkedAt: at(NOW) }], 0],
    ['nine recent links', nineRecent, 9],
  ])('%s: used %i', (_, links, used) => {
    expect(marketingRelinkAllowance(links, NOW, POLICY)).toEqual({ windowDays: 180, limit: 10, used, remaining: 10 - used });
  });

  it.each<[string, readonly PastLink[], boolean]>([
    ['nine in the window: one more is allowed', nineRecent, false],
    ['ten in the window: the limit is reached', [...nineRecent, marketing(at(WINDOW_START, 1))], true],
    ['the tenth exactly 180 days ago: allowed', [...nineRecent, marketing(at(WINDOW_START))], false],
  ])('%s', (_, links, reached) => {
    expect(relinkLimitReached(links, NOW, POLICY)).toBe(reached);
  });

  it('never shows a negative remainder past the limit', () => {
    const twelve = Array.from({ length: 12 }, (_, i) => marketing(at(addDays(NOW, -i))));
    expect(marketingRelinkAllowance(twelve, NOW, POLICY)).toMatchObject({ used: 12, remaining: 0 });
    expect(relinkLimitReached(twelve, NOW, POLICY)).toBe(true);
  });

  it('follows the configured allowance and window', () => {
    const links = [marketing(at(addDays(NOW, -5))), marketing(at(addDays(NOW, -25)))];
    expect(marketingRelinkAllowance(links, NOW, { marketingLinksPerWindow: 2, marketingLinkWindowDays: 30 })).toEqual({
      windowDays: 30,
      limit: 2,
      used: 2,
      remaining: 0,
    });
    expect(relinkLimitReached(links, NOW, { marketingLinksPerWindow: 2, marketingLinkWindowDays: 20 })).toBe(false);
  });
});
