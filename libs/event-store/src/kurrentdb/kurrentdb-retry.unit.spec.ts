import { retryDelay, RetryPolicy, withRetry } from './kurrentdb-retry';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 250 };
const transient = (error: unknown) => (error as Error).message === 'transient';

describe('withRetry (bounded retry on transient errors)', () => {
  it('retries transient failures with doubling, capped pauses, and answers the first success', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error('transient');
        return 'done';
      },
      policy,
      transient,
      async (ms) => void pauses.push(ms),
    );
    expect(result).toBe('done');
    expect(pauses).toEqual([100, 200, 250]);
  });

  it('gives up after the last attempt with the last error', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls += 1;
        throw new Error('transient');
      },
      policy,
      transient,
      async () => undefined,
    );
    await expect(failing).rejects.toThrow('transient');
    expect(calls).toBe(4);
  });

  it('does not retry other errors', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls += 1;
        throw new Error('conflict');
      },
      policy,
      transient,
      async () => undefined,
    );
    await expect(failing).rejects.toThrow('conflict');
    expect(calls).toBe(1);
  });

  it('computes the pause before each retry', () => {
    expect([1, 2, 3, 4].map((retry) => retryDelay(policy, retry))).toEqual([100, 200, 250, 250]);
  });
});
