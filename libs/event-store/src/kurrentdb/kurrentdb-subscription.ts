import { AllSubscription, RecordedEvent } from '../event-store.port';
import { Position } from '../position';
import { fromKurrentPosition, isAfter, isSystemEvent, isTransientError, KurrentRecordedEvent, toRecordedEvent } from './kurrentdb-mapping';
import { RetryPolicy, retryDelay } from './kurrentdb-retry';

/** The client's catch-up subscription as this file uses it: an async iterable of resolved events that can be cancelled. */
export interface KurrentSubscriptionSource extends AsyncIterable<{ event?: KurrentRecordedEvent }> {
  unsubscribe(): Promise<void>;
}

/** The server closed the subscription without an error (it was shutting down, say): resubscribing is the answer. */
class SubscriptionEndedError extends Error {
  constructor() {
    super('KurrentDB ended the $all subscription');
  }
}

const CLOSED = Symbol('closed');

/**
 * A catch-up subscription to `$all` as the port wants it: strictly after a position, system
 * events left out, ended promptly by close(). It reconnects by itself: on a transient failure it
 * subscribes again from the last event it saw (so nothing is skipped or repeated), a bounded
 * number of times in a row; after that, or on any other error, iteration throws and the caller
 * (the projector) starts over from its own checkpoint.
 *
 * Bounded memory: events are pulled one at a time from the client's stream, which applies
 * gRPC flow control when the consumer does not pull.
 */
export class KurrentAllSubscription implements AllSubscription {
  private closed = false;
  private source: KurrentSubscriptionSource | null = null;
  private signalClosed!: () => void;
  private readonly closedSignal = new Promise<typeof CLOSED>((resolve) => (this.signalClosed = () => resolve(CLOSED)));
  private readonly iterator: AsyncGenerator<RecordedEvent>;

  constructor(
    private readonly open: (after: Position | undefined) => KurrentSubscriptionSource,
    private after: Position | undefined,
    private readonly policy: RetryPolicy,
    private readonly onClose: () => void = () => undefined,
  ) {
    this.iterator = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.iterator;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosed();
    this.onClose();
    await this.source?.unsubscribe().catch(() => undefined);
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let failuresInARow = 0;
    try {
      while (!this.closed) {
        const source = this.open(this.after);
        this.source = source;
        const events = source[Symbol.asyncIterator]();
        try {
          for (;;) {
            if (this.closed) return;
            const next = events.next();
            next.catch(() => undefined); // abandoned on close: never an unhandled rejection
            const result = await Promise.race([next, this.closedSignal]);
            if (result === CLOSED || this.closed) return;
            if (result.done) throw new SubscriptionEndedError();
            failuresInARow = 0;
            const event = result.value.event;
            if (!event?.position) continue; // a link to a deleted event: nothing to deliver
            const position = fromKurrentPosition(event.position);
            // The server starts after `after`; this also holds if it ever started at it.
            if (!isAfter(position, this.after)) continue;
            if (isSystemEvent(event)) {
              this.after = position;
              continue;
            }
            const recorded = toRecordedEvent(event);
            this.after = position;
            yield recorded;
          }
        } catch (error) {
          if (this.closed) return;
          failuresInARow += 1;
          const transient = error instanceof SubscriptionEndedError || isTransientError(error);
          if (!transient || failuresInARow >= this.policy.attempts) throw error;
          await pause(retryDelay(this.policy, failuresInARow), this.closedSignal);
        } finally {
          await source.unsubscribe().catch(() => undefined);
          void events.return?.()?.catch(() => undefined);
        }
      }
    } finally {
      await this.close(); // also reached when the consumer breaks out of for-await
    }
  }
}

function pause(ms: number, interrupted: Promise<unknown>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  return Promise.race([elapsed, interrupted]).then(() => clearTimeout(timer));
}
