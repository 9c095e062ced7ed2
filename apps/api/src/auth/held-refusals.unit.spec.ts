import { HeldRefusals } from './held-refusals';

describe('HeldRefusals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('answers each refusal once its delay has passed', () => {
    const held = new HeldRefusals(100, 10, () => 0.5);
    const answered: string[] = [];
    held.hold(() => answered.push('a'));
    jest.advanceTimersByTime(40);
    held.hold(() => answered.push('b'));
    expect([answered, held.size]).toEqual([[], 2]);
    jest.advanceTimersByTime(60);
    expect(answered).toEqual(['a']);
    jest.advanceTimersByTime(40);
    expect([answered, held.size]).toEqual([['a', 'b'], 0]);
  });

  it('draws each delay between half and one and a half times the delay, so refusals do not come back in step', () => {
    const draws = [0, 0.999, 0.25];
    const held = new HeldRefusals(100, 10, () => draws.shift()!);
    const answered: string[] = [];
    for (const name of ['short', 'long', 'middle']) held.hold(() => answered.push(name));
    jest.advanceTimersByTime(49);
    expect(answered).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(answered).toEqual(['short']);
    jest.advanceTimersByTime(25);
    expect(answered).toEqual(['short', 'middle']);
    jest.advanceTimersByTime(74);
    expect(answered).toEqual(['short', 'middle', 'long']);
  });

  it('answers at once with a delay of 0, and beyond the most that may wait, so memory stays bounded', () => {
    const answered: number[] = [];
    new HeldRefusals(0, 10).hold(() => answered.push(0));
    expect(answered).toEqual([0]);
    const held = new HeldRefusals(1_000, 3, () => 0.5);
    for (let i = 1; i <= 5; i += 1) held.hold(() => answered.push(i));
    expect([answered, held.size]).toEqual([[0, 4, 5], 3]);
    jest.advanceTimersByTime(1_000);
    expect([answered, held.size]).toEqual([[0, 4, 5, 1, 2, 3], 0]);
  });

  it('drops a refusal whose client has gone, unanswered, and makes room for another', () => {
    const held = new HeldRefusals(100, 1, () => 0.5);
    const answered: string[] = [];
    const gone = held.hold(() => answered.push('gone'));
    gone();
    gone();
    expect(held.size).toBe(0);
    held.hold(() => answered.push('next'));
    jest.advanceTimersByTime(100);
    expect(answered).toEqual(['next']);
  });

  it('answers everything waiting at once when the service stops, and nothing twice', () => {
    const held = new HeldRefusals(10_000, 10, () => 0.5);
    const answered: string[] = [];
    held.hold(() => answered.push('a'));
    held.hold(() => answered.push('b'));
    held.releaseAll();
    expect([answered, held.size]).toEqual([['a', 'b'], 0]);
    jest.advanceTimersByTime(10_000);
    expect(answered).toEqual(['a', 'b']);
  });
});
