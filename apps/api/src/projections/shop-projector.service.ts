import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventStore, Position, STORED_EVENT_STORE } from '@shoplink/event-store';
import { CheckpointMovedError, Projector, READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_READ_MODELS, shopProjectorOptions } from '@shoplink/shops';
import { STORAGE_HEALTH, StorageHealth, watchedProjectorObserver } from '@shoplink/storage';
import { ProjectorTelemetryObserver } from '../observability/projector-telemetry.observer';

export const SHOP_PROJECTOR_NAME = SHOP_READ_MODELS.projector;

/** How long a shutdown waits for the read models to catch up with the last commands answered. */
const DRAIN_TIMEOUT_MS = 5_000;

/**
 * Runs the shop read models in-process (the embedded mode): follows `$all` from its
 * checkpoint, and lets queries wait until a command's position is visible.
 */
@Injectable()
export class ShopProjectorService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ShopProjector');
  readonly projector: Projector;

  // The log as stored: read models keep personal fields sealed, and queries open them as they answer.
  constructor(
    @Inject(STORED_EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_STORE) store: ReadModelStore,
    observer: ProjectorTelemetryObserver,
    @Inject(STORAGE_HEALTH) health: StorageHealth,
  ) {
    // Name, projections and settings shared with the separate projector process and rebuild-projections
    // (libs/shops/src/projections/shop-read-models.ts).
    this.projector = new Projector(
      shopProjectorOptions({
        eventStore,
        store,
        // A batch that cannot commit (full disk) makes the service not ready until one commits again.
        observer: watchedProjectorObserver(health, observer),
        onError: (error) =>
          error instanceof CheckpointMovedError
            ? this.logger.log(`read models were rebuilt and switched in elsewhere; continuing from their checkpoint (${error.message})`)
            : this.logger.error(`projection failed, retrying: ${String(error)}`),
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.projector.start();
  }

  /**
   * Runs after the HTTP server has closed (no command can append any more): the read models are let
   * catch up with the head of the log, bounded, so the checkpoint committed last covers every command
   * answered; then the projector stops after committing its batch, before the stores close.
   */
  async onApplicationShutdown(): Promise<void> {
    const head = await this.eventStore.headPosition().catch(() => null);
    if (head !== null && !(await this.projector.waitForPosition(head, DRAIN_TIMEOUT_MS))) {
      this.logger.warn(
        `read models had not caught up with the log after ${DRAIN_TIMEOUT_MS} ms; they resume from their checkpoint at the next start`,
      );
    }
    await this.projector.stop();
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return this.projector.waitForPosition(position, timeoutMs);
  }
}
