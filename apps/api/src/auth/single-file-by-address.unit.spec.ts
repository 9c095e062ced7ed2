import { Leave, SingleFileByAddress } from './single-file-by-address';

describe('SingleFileByAddress', () => {
  /** Scheduled starts run only when the test says so, as setImmediate's would after the I/O already read. */
  let scheduled: (() => void)[];
  const runScheduled = (): void => {
    const now = scheduled;
    scheduled = [];
    for (const run of now) run();
  };
  const lanes = (maxWaitingPerKey = 10, maxWaiting = 100) =>
    new SingleFileByAddress({ maxWaitingPerKey, maxWaiting, schedule: (run) => scheduled.push(run) });

  beforeEach(() => (scheduled = []));

  it('lets one request per address go at once, the next only after it is over, started on a later turn of the loop', () => {
    const single = lanes();
    const went: string[] = [];
    const leaves: Record<string, Leave> = {};
    for (const name of ['a1', 'a2', 'a3']) leaves[name] = single.enter('10.0.0.1', () => went.push(name))!;
    expect([went, single.size]).toEqual([['a1'], 2]);

    leaves.a1();
    expect(went).toEqual(['a1']);
    runScheduled();
    expect([went, single.size]).toEqual([['a1', 'a2'], 1]);

    leaves.a2();
    runScheduled();
    leaves.a3();
    expect([went, single.size, scheduled.length]).toEqual([['a1', 'a2', 'a3'], 0, 0]);
  });

  it('keeps addresses apart: another address goes at once while the first has one going', () => {
    const single = lanes();
    const went: string[] = [];
    single.enter('10.0.0.1', () => went.push('a'));
    single.enter('10.0.0.1', () => went.push('a-waiting'));
    single.enter('10.0.0.2', () => went.push('b'));
    expect(went).toEqual(['a', 'b']);
  });

  it('ends a turn once however often it is left (the guard and the closed connection both say so)', () => {
    const single = lanes();
    const went: string[] = [];
    const first = single.enter('k', () => went.push('1'))!;
    single.enter('k', () => went.push('2'));
    single.enter('k', () => went.push('3'));
    first();
    first();
    runScheduled();
    expect(went).toEqual(['1', '2']);
  });

  it('passes the turn to the same function it hands the request, and to the one it answers', () => {
    const single = lanes();
    const went: string[] = [];
    single.enter('k', (leave) => {
      went.push('refused at once');
      leave();
    });
    single.enter('k', () => went.push('next'));
    runScheduled();
    expect(went).toEqual(['refused at once', 'next']);
  });

  it('takes a request whose client left out of the lane, whether still waiting or already handed the turn', () => {
    const single = lanes();
    const went: string[] = [];
    const first = single.enter('k', () => went.push('1'))!;
    const gone = single.enter('k', () => went.push('gone while waiting'))!;
    const handed = single.enter('k', () => went.push('gone once handed the turn'))!;
    single.enter('k', () => went.push('4'));
    gone();
    expect(single.size).toBe(2);
    first();
    handed();
    runScheduled();
    runScheduled();
    expect([went, single.size]).toEqual([['1', '4'], 0]);
  });

  it('refuses to queue beyond the most waiting per address and over all, so memory stays bounded', () => {
    const single = lanes(2, 3);
    const go = jest.fn();
    single.enter('a', go);
    expect([single.enter('a', go), single.enter('a', go), single.enter('a', go)].map((leave) => leave !== undefined)).toEqual([
      true,
      true,
      false,
    ]);
    single.enter('b', go);
    expect([single.enter('b', go), single.enter('b', go)].map((leave) => leave !== undefined)).toEqual([true, false]);
    expect([go.mock.calls.length, single.size]).toEqual([2, 3]);
  });

  it('closes a lane once nobody is in it, so the next request of that address goes at once', () => {
    const single = lanes();
    const went: string[] = [];
    single.enter('k', () => went.push('1'))!();
    single.enter('k', () => went.push('2'));
    expect([went, scheduled.length]).toEqual([['1', '2'], 0]);
  });
});
