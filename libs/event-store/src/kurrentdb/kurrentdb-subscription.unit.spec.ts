import { UnavailableError } from '@kurrent/kurrentdb-client';
import { Position, positionAt } from '../position';
import { KurrentRecordedEvent } from './kurrentdb-mapping';
import { RetryPolicy } from './kurrentdb-retry';
import { KurrentAllSubscription, KurrentSubscriptionSource } from './kurrentdb-subscription';

/**
 * The subscription wrapper's own logic (resubscribing, filtering, closing), driven by scripted
 * sources in memory. This tests our code, not KurrentDB: the contract suite does that against a
 * real server (server-contracts.int.spec.ts, with EVENTSTORE_URL).
 */
const FAST: RetryPolicy = { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

type Step = { event: KurrentRecordedEvent } | { fail: unknown } | 'end' | 'hang';

class ScriptedSource implements KurrentSubscriptionSource {
  unsubscribed = false;
  constructor(private readonly steps: Step[]) {}
  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }
  async *[Symbol.asyncIterator](): AsyncIterator<{ event?: KurrentRecordedEvent }> {
    for (const step of this.steps) {
      if (step === 'end') return;
      if (step === 'hang') await new Promise(() => undefined);
      else if ('fail' in step) throw step.fail;
      else yield { event: step.event };
    }
    await new Promise(() => undefined); // live: nothing more for now
  }
}

function event(n: number, streamId = 'shop-s', type = 'Tested'): KurrentRecordedEvent {
  return {
    streamId,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    revision: BigInt(n),
    type,
    isJson: true,
    data: { n },
    metadata: {},
    created: new Date(0),
    position: { commit: BigInt(n * 10), prepare: BigInt(n * 10) },
  };
}

function subscribe(scripts: Step[][], after?: Position) {
  const opened: { after: Position | undefined; source: ScriptedSource }[] = [];
  const subscription = new KurrentAllSubscription(
    (from) => {
      const source = new ScriptedSource(scripts[opened.length] ?? ['hang']);
      opened.push({ after: from, source });
      return source;
    },
    after,
    FAST,
  );
  const iterator = subscription[Symbol.asyncIterator]();
  const take = async (count: number) => {
    const ids: number[] = [];
    while (ids.length < count) ids.push((await iterator.next()).value.data.n as number);
    return ids;
  };
  return { subscription, iterator, opened, take };
}

describe('KurrentAllSubscription (the wrapper around the client’s subscription)', () => {
  it('leaves out system events and events not strictly after the start position', async () => {
    const { take, subscription } = subscribe(
      [
        [
          { event: event(1) },
          { event: event(2, '$stats') },
          { event: event(3, 'shop-s', '$metadata') },
          { event: event(4) },
          { event: event(5) },
        ],
      ],
      positionAt(10),
    );
    expect(await take(2)).toEqual([4, 5]);
    await subscription.close();
  });

  it('resubscribes after a transient failure from the last event it saw, repeating and skipping nothing', async () => {
    const { take, opened, subscription } = subscribe([
      [{ event: event(1) }, { event: event(2) }, { fail: new UnavailableError() }],
      [{ event: event(2) }, { event: event(3) }, { event: event(4, '$system') }, 'end'],
      [{ event: event(5) }],
    ]);
    expect(await take(4)).toEqual([1, 2, 3, 5]);
    expect(opened.map((o) => o.after)).toEqual([undefined, positionAt(20), positionAt(40)]);
    expect(opened[0].source.unsubscribed).toBe(true);
    await subscription.close();
  });

  it('gives up after the bounded number of failures in a row, and at once on an error that is not transient', async () => {
    const failing = subscribe([[{ fail: new UnavailableError() }], [{ fail: new UnavailableError() }], [{ fail: new UnavailableError() }]]);
    await expect(failing.iterator.next()).rejects.toBeInstanceOf(UnavailableError);
    expect(failing.opened).toHaveLength(3);

    const broken = subscribe([[{ fail: new Error('bad request') }]]);
    await expect(broken.iterator.next()).rejects.toThrow('bad request');
    expect(broken.opened).toHaveLength(1);
  });

  it('counts failures in a row only: an event delivered resets the count', async () => {
    const unavailable = { fail: new UnavailableError() };
    const { take, subscription, opened } = subscribe([
      [unavailable],
      [{ event: event(1) }, unavailable],
      [unavailable],
      [{ event: event(2) }],
    ]);
    expect(await take(2)).toEqual([1, 2]);
    expect(opened).toHaveLength(4);
    await subscription.close();
  });

  it('close() ends a waiting next() at once, unsubscribes, and nothing is delivered after it', async () => {
    const { iterator, subscription, opened } = subscribe([['hang']]);
    const pending = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await subscription.close();
    expect(await pending).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(opened[0].source.unsubscribed).toBe(true);
  });

  it('ends a for-await loop that breaks out, unsubscribing', async () => {
    const { subscription, opened } = subscribe([[{ event: event(1) }, { event: event(2) }]]);
    for await (const received of subscription) {
      expect(received.data).toEqual({ n: 1 });
      break;
    }
    expect(opened[0].source.unsubscribed).toBe(true);
  });
});
