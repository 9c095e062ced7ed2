import { decodeHistoryCursor, encodeHistoryCursor } from './history-cursor';

describe('history cursor', () => {
  it('carries a revision through an opaque, URL-safe text', () => {
    for (const revision of [0, 1, 99, 123_456_789, Number.MAX_SAFE_INTEGER]) {
      const cursor = encodeHistoryCursor(revision);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeHistoryCursor(cursor)).toBe(revision);
    }
  });

  it('refuses what this service did not write', () => {
    const foreign = (text: string) => Buffer.from(text).toString('base64url');
    for (const cursor of [
      '',
      'not a cursor',
      '42',
      foreign('42'),
      foreign('timeline:'),
      foreign('timeline:-1'),
      foreign('timeline:01'),
      foreign('timeline:1.5'),
      foreign('timeline:1e3'),
    ]) {
      expect(decodeHistoryCursor(cursor)).toBeNull();
    }
  });

  it('refuses a second spelling of a valid cursor (base64 padding)', () => {
    const cursor = encodeHistoryCursor(7);
    expect(decodeHistoryCursor(`${cursor}=`)).toBeNull();
  });
});
