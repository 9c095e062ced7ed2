import { IdempotencyStore } from '@shoplink/command-handling';
import { SqliteIdempotencyStore } from '@shoplink/command-handling/sqlite/sqlite-idempotency-store';
import { BrokenStreams, EventStore, HashChainingEventStore, NO_SNAPSHOTS, SnapshotStore } from '@shoplink/event-store';
import {
  PersonalDataKeys,
  PersonalDataSealingEventStore,
  PersonalDataSealingSnapshotStore,
  PersonalDataVault,
} from '@shoplink/personal-data';
import { SqlitePersonalDataKeys } from '@shoplink/personal-data/sqlite/sqlite-personal-data-keys';
import { SHOP_PERSONAL_DATA } from '@shoplink/shops';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { SqliteSnapshotStore } from '@shoplink/event-store/sqlite/sqlite-snapshot-store';
import { ReadModelStore } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { WriterRole } from './embedded-writer';
import { StorageConfig } from './storage-config';
import { checkPagesOffThread, PageCheck, sqliteWriteProbe } from '@shoplink/sqlite';
import { StorageConditions } from './storage-conditions';
import { StorageHealth, StorageHealthOptions } from './storage-health';
import { raiseConditionForBrokenStreams } from './broken-streams-condition';

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
  /** Snapshots of aggregate states: beside the events in the SQLite file; none on KurrentDB (states are then cached in memory only). */
  readonly snapshots: SnapshotStore;
  /** What is wrong with the store right now (corrupt pages, disk full, broken chains): read by readiness and the command path. */
  readonly conditions: StorageConditions;
  /** Turns a full disk or a malformed page into its condition, and lifts a full disk's once a write commits again. */
  readonly health: StorageHealth;
  /**
   * SQLite's page check (quick_check) of the embedded file, waited for at most `waitMs` (see
   * StorageHealth.checkAtStart); nothing to check on server stores (null at once).
   */
  checkAtStart(waitMs: number): Promise<PageCheck | null>;
  /** Streams a load found with a broken hash chain; listed as a condition (that neither refuses writes nor makes not ready). */
  readonly brokenStreams: BrokenStreams;
  close(): Promise<void>;
}

export interface OpenStorageOptions {
  /** Wraps the raw event store before hash chaining (race tests add jitter); production passes nothing. */
  readonly decorateEventStore?: (store: EventStore) => EventStore;
  /** Where the storage conditions' lines go (raised, lifted); nothing by default. */
  readonly log?: StorageHealthOptions['log'];
  /**
   * Which service process opens the stores (default the API, which writes the events): only the
   * writer of the events' file probes it with a write after a full disk. The projector process
   * writes only read models, so its full-disk condition is lifted after the retry interval and its
   * next batch finds out.
   */
  readonly role?: WriterRole;
}

/**
 * The composition root of storage: the one place that looks at which adapter the configuration
 * names. Nothing is connected here (every client connects on first use), so start-up does not
 * wait for a server; /health/ready says whether each is reachable. The KurrentDB and MongoDB
 * drivers are loaded only when configured, so the embedded mode never loads them.
 */
export function openStorage(config: StorageConfig, options: OpenStorageOptions = {}): Storage {
  const decorate = options.decorateEventStore ?? ((store: EventStore) => store);
  const rawEvents = openEventStore(config);
  // Every event appended through the service goes on its stream's hash chain (tamper evidence), on any store.
  const storedEvents = new HashChainingEventStore(decorate(rawEvents));
  const { readModels, idempotency, personalDataKeys } = openDocumentStores(config, rawEvents);
  const personalData = new PersonalDataVault(personalDataKeys);
  const eventStore = new PersonalDataSealingEventStore(storedEvents, personalData, SHOP_PERSONAL_DATA);
  const snapshots =
    rawEvents instanceof SqliteEventStore
      ? new PersonalDataSealingSnapshotStore(new SqliteSnapshotStore(rawEvents.groupCommit), personalData, (streamId) =>
          SHOP_PERSONAL_DATA.ownerOf(streamId, {}),
        )
      : NO_SNAPSHOTS;
  const conditions = new StorageConditions();
  // After a full disk, the embedded file proves it takes writes again with a write of its own; servers have no probe.
  const probe =
    rawEvents instanceof SqliteEventStore && (options.role ?? 'api') === 'api' ? sqliteWriteProbe(rawEvents.groupCommit) : undefined;
  const health = new StorageHealth(conditions, { probe, log: options.log });
  const embeddedFiles = [
    ...new Set(
      [config.eventStore, config.documents].flatMap((store) => (store.kind === 'sqlite' && store.file !== ':memory:' ? [store.file] : [])),
    ),
  ];
  const brokenStreams = new BrokenStreams();
  raiseConditionForBrokenStreams(brokenStreams, conditions);
  return {
    eventStore,
    storedEvents,
    personalData,
    readModels,
    idempotency,
    snapshots,
    conditions,
    health,
    checkAtStart: async (waitMs) => {
      if (embeddedFiles.length === 0) return null;
      return health.checkAtStart(() => checkFiles(embeddedFiles), waitMs);
    },
    brokenStreams,
    close: async () => {
      health.close();
      await Promise.all([eventStore.close(), readModels.close(), idempotency.close(), personalDataKeys.close()]);
    },
  };
}

function openEventStore(config: StorageConfig): EventStore {
  const events = config.eventStore;
  if (events.kind === 'sqlite') return new SqliteEventStore(events.file, { commitOnWorker: events.commitOnWorker });
  const { openKurrentDbEventStore } = require('./kurrentdb/open-kurrentdb') as typeof import('./kurrentdb/open-kurrentdb');
  return openKurrentDbEventStore(events.url);
}

/** Keys live with the documents, never in the event log: a log is append-only, and a key must be destroyable. */
function openDocumentStores(
  config: StorageConfig,
  events: EventStore,
): { readModels: ReadModelStore; idempotency: IdempotencyStore; personalDataKeys: PersonalDataKeys } {
  const documents = config.documents;
  if (documents.kind === 'sqlite') {
    // Idempotency records in the events' file ride on the event store's group commit: a command then
    // costs a share of the same fsyncs instead of one more of its own.
    const groupCommit =
      events instanceof SqliteEventStore && config.eventStore.kind === 'sqlite' && config.eventStore.file === documents.file
        ? events.groupCommit
        : undefined;
    // Read models are derived: a projector batch commits its documents with its checkpoint, so a power cut can only
    // lose the last batches whole, and the projector projects them again from the checkpoint that survived. Not
    // fsync'ing each batch (NORMAL) keeps the projector, which shares the thread with commands, off the fsync path.
    // Their commits also wait for a moment when the group commit (on its writer thread) holds no transaction.
    const readModels = new SqliteReadModelStore(documents.file, { synchronous: 'NORMAL', writeGate: groupCommit });
    return {
      readModels,
      idempotency: new SqliteIdempotencyStore(documents.file, { groupCommit }),
      personalDataKeys: new SqlitePersonalDataKeys(documents.file),
    };
  }
  const { openMongoStores } = require('./mongodb/open-mongodb') as typeof import('./mongodb/open-mongodb');
  return openMongoStores(documents.uri, documents.database);
}

/** Every file's page check in turn, answered as one: whole only when each is. */
async function checkFiles(files: readonly string[]): Promise<PageCheck> {
  const checks = [];
  for (const file of files) checks.push(await checkPagesOffThread(file));
  return {
    ok: checks.every((check) => check.ok),
    problems: checks.flatMap((check) => check.problems),
    durationMs: checks.reduce((total, check) => total + check.durationMs, 0),
  };
}
