import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, Position, STORED_EVENT_STORE } from '@shoplink/event-store';
import { CheckpointMovedError, Projector, READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_READ_MODELS } from '@shoplink/shops';

export const SHOP_PROJECTOR_NAME = SHOP_READ_MODELS.projector;

/**
 * Runs the shop read models in-process (the embedded mode): follows `$all` from its
 * checkpoint, and lets queries wait until a command's position is visible.
 */
@Injectable()
export class ShopProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ShopProjector');
  readonly projector: Projector;

  // The log as stored: read models keep personal fields sealed, and queries open them as they answer.
  constructor(@Inject(STORED_EVENT_STORE) eventStore: EventStore, @Inject(READ_MODEL_STORE) store: ReadModelStore) {
    this.projector = new Projector({
      name: SHOP_PROJECTOR_NAME,
      // The one list, shared with rebuild-projections (libs/shops/src/projections/shop-read-models.ts).
      projections: SHOP_READ_MODELS.projections,
      eventStore,
      store,
      onError: (error) =>
        error instanceof CheckpointMovedError
          ? this.logger.log(`read models were rebuilt and switched in elsewhere; continuing from their checkpoint (${error.message})`)
          : this.logger.error(`projection failed, retrying: ${String(error)}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return this.projector.waitForPosition(position, timeoutMs);
  }
}
