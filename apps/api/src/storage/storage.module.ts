import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { IDEMPOTENCY_STORE } from '@shoplink/command-handling';
import { BROKEN_STREAMS, EVENT_STORE, EventStore, SNAPSHOT_STORE, STORED_EVENT_STORE } from '@shoplink/event-store';
import { PERSONAL_DATA_VAULT } from '@shoplink/personal-data';
import { READ_MODEL_STORE } from '@shoplink/read-models';
import { openStorage, STARTUP_CHECK_WAIT_MS, Storage, STORAGE_CONDITIONS, STORAGE_HEALTH } from '@shoplink/storage';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';

const STORAGE = Symbol('STORAGE');

/**
 * The ports, each backed by the adapter the configuration names (the embedded SQLite file by
 * default; KurrentDB and MongoDB with EVENTSTORE_URL and MONGODB_URI). The choice is made once,
 * in openStorage (libs/storage); the rest of the service receives ports.
 */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  /** `decorateEventStore` lets race tests wrap the real store (see JitteryEventStore); production passes nothing. */
  static forRoot(options: { decorateEventStore?: (store: EventStore) => EventStore } = {}): DynamicModule {
    return {
      module: StorageModule,
      providers: [
        {
          provide: STORAGE,
          inject: [APP_CONFIG],
          useFactory: async (config: AppConfig): Promise<Storage> => {
            const logger = new Logger('Storage');
            const storage = openStorage(
              config.storage ?? {
                eventStore: { kind: 'sqlite', file: config.dataFile },
                documents: { kind: 'sqlite', file: config.dataFile },
              },
              { ...options, log: (level, line) => logger[level](line) },
            );
            // Before anything reads or writes (the projector starts later, at bootstrap): the embedded file's page
            // check, waited for a few seconds; a larger file goes on being checked while the service is live, not
            // ready, and refuses commands (StorageHealth.checkAtStart).
            await storage.checkAtStart(STARTUP_CHECK_WAIT_MS);
            return storage;
          },
        },
        { provide: EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.eventStore },
        { provide: STORED_EVENT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.storedEvents },
        { provide: PERSONAL_DATA_VAULT, inject: [STORAGE], useFactory: (storage: Storage) => storage.personalData },
        { provide: READ_MODEL_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.readModels },
        { provide: IDEMPOTENCY_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.idempotency },
        { provide: SNAPSHOT_STORE, inject: [STORAGE], useFactory: (storage: Storage) => storage.snapshots },
        { provide: STORAGE_CONDITIONS, inject: [STORAGE], useFactory: (storage: Storage) => storage.conditions },
        { provide: STORAGE_HEALTH, inject: [STORAGE], useFactory: (storage: Storage) => storage.health },
        { provide: BROKEN_STREAMS, inject: [STORAGE], useFactory: (storage: Storage) => storage.brokenStreams },
      ],
      exports: [
        EVENT_STORE,
        STORED_EVENT_STORE,
        PERSONAL_DATA_VAULT,
        READ_MODEL_STORE,
        IDEMPOTENCY_STORE,
        SNAPSHOT_STORE,
        STORAGE_CONDITIONS,
        STORAGE_HEALTH,
        BROKEN_STREAMS,
      ],
    };
  }

  constructor(@Inject(STORAGE) private readonly storage: Storage) {}

  async onApplicationShutdown(): Promise<void> {
    await this.storage.close();
  }
}
