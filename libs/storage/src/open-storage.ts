import { IdempotencyStore } from '@shoplink/command-handling';
import { SqliteIdempotencyStore } from '@shoplink/command-handling/sqlite/sqlite-idempotency-store';
import { EventStore, HashChainingEventStore } from '@shoplink/event-store';
import { PersonalDataKeys, PersonalDataSealingEventStore, PersonalDataVault } from '@shoplink/personal-data';
import { SqlitePersonalDataKeys } from '@shoplink/personal-data/sqlite/sqlite-personal-data-keys';
import { SHOP_PERSONAL_DATA } from '@shoplink/shops';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { ReadModelStore } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { StorageConfig } from './storage-config';

/** The ports, each backed by the adapter the configuration names. */
export interface Storage {
  /** The log as the service reads and writes it: personal fields sealed on the way in, opened (or shown erased) on the way out. */
  readonly eventStore: EventStore;
  /**
   * The log exactly as stored: personal fields sealed. What projections fold (read models keep
   * sealed values, opened by the queries), and what hash chains and raw audit reads are checked on.
   */
  readonly storedEvents: EventStore;
  /** Seals, reveals and forgets personal data with per-shop keys kept beside the read models. */
  readonly personalData: PersonalDataVault;
  readonly readModels: ReadModelStore;
  readonly idempotency: IdempotencyStore;
  close(): Promise<void>;
}

export interface OpenStorageOptions {
  /** Wraps the raw event store before hash chaining (race tests add jitter); production passes nothing. */
  readonly decorateEventStore?: (store: EventStore) => EventStore;
}

/**
 * The composition root of storage: the one place that looks at which adapter the configuration
 * names. Nothing is connected here (every client connects on first use), so start-up does not
 * wait for a server; /health/ready says whether each is reachable. The KurrentDB and MongoDB
 * drivers are loaded only when configured, so the embedded mode never loads them.
 */
export function openStorage(config: StorageConfig, options: OpenStorageOptions = {}): Storage {
  const decorate = options.decorateEventStore ?? ((store: EventStore) => store);
  // Every event appended through the service goes on its stream's hash chain (tamper evidence), on any store.
  const storedEvents = new HashChainingEventStore(decorate(openEventStore(config)));
  const { readModels, idempotency, personalDataKeys } = openDocumentStores(config);
  const personalData = new PersonalDataVault(personalDataKeys);
  const eventStore = new PersonalDataSealingEventStore(storedEvents, personalData, SHOP_PERSONAL_DATA);
  return {
    eventStore,
    storedEvents,
    personalData,
    readModels,
    idempotency,
    close: async () => {
      await Promise.all([eventStore.close(), readModels.close(), idempotency.close(), personalDataKeys.close()]);
    },
  };
}

function openEventStore(config: StorageConfig): EventStore {
  const events = config.eventStore;
  if (events.kind === 'sqlite') return new SqliteEventStore(events.file);
  const { openKurrentDbEventStore } = require('./kurrentdb/open-kurrentdb') as typeof import('./kurrentdb/open-kurrentdb');
  return openKurrentDbEventStore(events.url);
}

/** Keys live with the documents, never in the event log: a log is append-only, and a key must be destroyable. */
function openDocumentStores(config: StorageConfig): { readModels: ReadModelStore; idempotency: IdempotencyStore; personalDataKeys: PersonalDataKeys } {
  const documents = config.documents;
  if (documents.kind === 'sqlite') {
    return {
      readModels: new SqliteReadModelStore(documents.file),
      idempotency: new SqliteIdempotencyStore(documents.file),
      personalDataKeys: new SqlitePersonalDataKeys(documents.file),
    };
  }
  const { openMongoStores } = require('./mongodb/open-mongodb') as typeof import('./mongodb/open-mongodb');
  return openMongoStores(documents.uri, documents.database);
}
