import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '@shoplink/command-handling';
import { SqliteIdempotencyStore } from '@shoplink/command-handling/sqlite/sqlite-idempotency-store';
import { EVENT_STORE, EventStore, HashChainingEventStore } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { DEFAULT_SHOP_POLICY } from '@shoplink/shops';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG, SHOP_POLICY } from './tokens';

/**
 * The embedded default: every port on the one SQLite file named by the configuration.
 * The production adapters (KurrentDB, MongoDB) will be chosen here too.
 */
@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  /** `decorateEventStore` lets race tests wrap the real store (see JitteryEventStore); production passes nothing. */
  static forRoot(options: { decorateEventStore?: (store: EventStore) => EventStore } = {}): DynamicModule {
    const decorate = options.decorateEventStore ?? ((store: EventStore) => store);
    return {
      module: StorageModule,
      providers: [
        { provide: SHOP_POLICY, useValue: DEFAULT_SHOP_POLICY },
        // Every event the service appends goes on its stream's hash chain (tamper evidence), on any store.
        { provide: EVENT_STORE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new HashChainingEventStore(decorate(new SqliteEventStore(c.dataFile))) },
        { provide: READ_MODEL_STORE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new SqliteReadModelStore(c.dataFile) },
        { provide: IDEMPOTENCY_STORE, inject: [APP_CONFIG], useFactory: (c: AppConfig) => new SqliteIdempotencyStore(c.dataFile) },
      ],
      exports: [SHOP_POLICY, EVENT_STORE, READ_MODEL_STORE, IDEMPOTENCY_STORE],
    };
  }

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.events.close(), this.readModels.close(), this.idempotency.close()]);
  }
}
