import { EventStore } from '@shoplink/event-store';
import { ReadModelStore } from '@shoplink/read-models';
import { SHOP_PROJECTOR_SETTINGS, SHOP_READ_MODELS } from '@shoplink/shops';
import { StorageConditions, StorageHealth } from '@shoplink/storage';
import { ShopProjectorService } from '../../api/src/projections/shop-projector.service';
import { ProjectorTelemetryObserver } from '../../api/src/observability/projector-telemetry.observer';
import { createShopProjector } from './projector-process';

/** Stores are never called: building a Projector only keeps them. */
const eventStore = {} as EventStore;
const store = {} as ReadModelStore;

describe('the projector process and the API run the shop projector alike', () => {
  it('builds both projectors with the same name, projections and settings (shopProjectorOptions)', () => {
    const inApi = new ShopProjectorService(eventStore, store, {} as ProjectorTelemetryObserver, new StorageHealth(new StorageConditions()))
      .projector;
    const separate = createShopProjector(
      { storedEvents: eventStore, readModels: store },
      { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    );

    expect(separate.name).toBe(inApi.name);
    expect(separate.name).toBe(SHOP_READ_MODELS.projector);
    expect(separate.settings).toEqual(inApi.settings);
    expect(separate.settings).toEqual(SHOP_PROJECTOR_SETTINGS);
    // The settings the review found missing in the separate process.
    expect(separate.settings.minCommitIntervalMs).toBe(25);
    expect(separate.settings.documentCacheSize).toBe(SHOP_PROJECTOR_SETTINGS.documentCacheSize);
  });
});
