import { resolve } from 'node:path';
import { ConfigError, ConfigProblems } from './config-error';

/** Where events are kept: the embedded SQLite file, or a KurrentDB (or EventStoreDB ≥ 22.6) server or cluster. */
export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string; readonly commitOnWorker?: boolean }
  | { readonly kind: 'kurrentdb'; readonly url: string };

/** Where read models and idempotency records are kept: the embedded SQLite file, or a MongoDB replica set. */
export type DocumentStoreConfig =
  { readonly kind: 'sqlite'; readonly file: string } | { readonly kind: 'mongodb'; readonly uri: string; readonly database: string };

/**
 * Which adapter backs each port. Only the composition root (openStorage) reads `kind`: everything
 * else receives a port and cannot tell which adapter it has.
 */
export interface StorageConfig {
  readonly eventStore: EventStoreConfig;
  readonly documents: DocumentStoreConfig;
}

const DATABASE_NAME = /^[A-Za-z0-9_-]{1,63}$/;

/**
 * The storage settings, checked at start-up (each error names its variable):
 * `EVENTSTORE_URL` selects KurrentDB (a connection string such as `kurrentdb://localhost:2113?tls=false`),
 * `MONGODB_URI` selects MongoDB for read models and idempotency records (database:
 * `SHOPLINK_MONGODB_DATABASE`, else the one the URI's path names, else `shoplink`). Either unset (or empty): the
 * embedded SQLite file `SHOPLINK_DATA_FILE`
 * (default `data/shoplink.db`), whose group commit runs on the event loop unless `SHOPLINK_SQLITE_COMMIT_THREAD=worker`
 * (see SqliteGroupCommit). The drivers are loaded only for the servers named.
 */
export function loadStorageConfig(env: NodeJS.ProcessEnv = process.env): StorageConfig {
  const file = dataFileOf(env);
  const problems = new ConfigProblems();
  const eventStore = problems.read<EventStoreConfig>(() => eventStoreConfig(env, file), { kind: 'sqlite', file });
  const documents = problems.read<DocumentStoreConfig>(() => documentStoreConfig(env, file), { kind: 'sqlite', file });
  problems.check();
  return { eventStore, documents };
}

/** The embedded store's file: `SHOPLINK_DATA_FILE`, else `data/shoplink.db`, resolved against the working directory. */
export function dataFileOf(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(nonEmpty(env.SHOPLINK_DATA_FILE) ?? 'data/shoplink.db');
}

function eventStoreConfig(env: NodeJS.ProcessEnv, file: string): EventStoreConfig {
  const url = nonEmpty(env.EVENTSTORE_URL);
  if (url === undefined) {
    const thread = nonEmpty(env.SHOPLINK_SQLITE_COMMIT_THREAD);
    if (thread !== undefined && thread !== 'main' && thread !== 'worker')
      throw new ConfigError('SHOPLINK_SQLITE_COMMIT_THREAD', `must be main or worker, got ${thread}`);
    return thread === 'worker' ? { kind: 'sqlite', file, commitOnWorker: true } : { kind: 'sqlite', file };
  }
  const { kurrentDbUrlProblem } = require('./kurrentdb/kurrentdb-url') as typeof import('./kurrentdb/kurrentdb-url');
  const problem = kurrentDbUrlProblem(url);
  if (problem)
    throw new ConfigError('EVENTSTORE_URL', `not a KurrentDB connection string (e.g. kurrentdb://localhost:2113?tls=false): ${problem}`);
  return { kind: 'kurrentdb', url };
}

function documentStoreConfig(env: NodeJS.ProcessEnv, file: string): DocumentStoreConfig {
  const uri = nonEmpty(env.MONGODB_URI);
  if (uri === undefined) {
    if (nonEmpty(env.SHOPLINK_MONGODB_DATABASE) !== undefined) {
      throw new ConfigError('SHOPLINK_MONGODB_DATABASE', 'is set but MONGODB_URI is not; set MONGODB_URI to use MongoDB, or unset this');
    }
    return { kind: 'sqlite', file };
  }
  const { mongoUriProblem, databaseInUri } = require('./mongodb/mongodb-uri') as typeof import('./mongodb/mongodb-uri');
  const problem = mongoUriProblem(uri);
  if (problem)
    throw new ConfigError('MONGODB_URI', `not a MongoDB connection string (e.g. mongodb://localhost:27017/?replicaSet=rs0): ${problem}`);
  const explicit = nonEmpty(env.SHOPLINK_MONGODB_DATABASE);
  const database = explicit ?? databaseInUri(uri) ?? 'shoplink';
  if (!DATABASE_NAME.test(database)) {
    throw new ConfigError(
      explicit !== undefined ? 'SHOPLINK_MONGODB_DATABASE' : 'MONGODB_URI',
      `database name must be 1-63 letters, digits, _ or -; got "${database}"`,
    );
  }
  return { kind: 'mongodb', uri, database };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** How the configuration reads in a start-up log line, without credentials. */
export function describeStorage(config: StorageConfig): string {
  const events =
    config.eventStore.kind === 'kurrentdb'
      ? `KurrentDB at ${withoutCredentials(config.eventStore.url)}`
      : `SQLite ${config.eventStore.file}`;
  const documents =
    config.documents.kind === 'mongodb'
      ? `MongoDB database ${config.documents.database} at ${withoutCredentials(config.documents.uri)}`
      : `SQLite ${config.documents.file}`;
  return `events: ${events}; read models and idempotency records: ${documents}`;
}

function withoutCredentials(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
