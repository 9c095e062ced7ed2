import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { comparePositions, Position } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { ProjectionProgress } from './projection-progress';
import { SHOP_PROJECTOR_NAME } from './shop-projector.service';

/** How often the stored checkpoint is read while a query waits (a few ms is the projector's own commit latency). */
const POLL_INTERVAL_MS = 25;

interface Waiter {
  readonly position: Position;
  readonly timer: NodeJS.Timeout;
  settle(reached: boolean): void;
}

/**
 * Read-your-writes when the projector runs in another process: waits until the checkpoint it
 * commits (with the documents, in one transaction) covers the position. One poll serves every
 * waiting query, and none runs while nobody waits. Checkpoints only move forward between two
 * reads except when a rebuild is switched in, and a rebuilt checkpoint covers every event up to
 * it, so a position once covered stays covered.
 */
@Injectable()
export class StoredCheckpointProgress implements ProjectionProgress, OnApplicationShutdown {
  private readonly waiters = new Set<Waiter>();
  private polling = false;

  constructor(@Inject(READ_MODEL_STORE) private readonly store: ReadModelStore) {}

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        position,
        timer: setTimeout(() => waiter.settle(false), timeoutMs),
        settle: (reached) => {
          clearTimeout(waiter.timer);
          this.waiters.delete(waiter);
          resolve(reached);
        },
      };
      this.waiters.add(waiter);
      void this.poll();
    });
  }

  onApplicationShutdown(): void {
    for (const waiter of this.waiters) waiter.settle(false);
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      while (this.waiters.size > 0) {
        const checkpoint = await this.store.getCheckpoint(SHOP_PROJECTOR_NAME).catch(() => null); // unreachable: the waiters time out
        for (const waiter of this.waiters) {
          if (checkpoint && comparePositions(checkpoint.position, waiter.position) >= 0) waiter.settle(true);
        }
        if (this.waiters.size > 0) await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      }
    } finally {
      this.polling = false;
    }
  }
}
