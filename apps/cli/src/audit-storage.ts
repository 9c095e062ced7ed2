import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { checkPages } from '@shoplink/sqlite';
import { PersonalDataSealingEventStore, PersonalDataVault } from '@shoplink/personal-data';
import { SqlitePersonalDataKeys } from '@shoplink/personal-data/sqlite';
import { SHOP_PERSONAL_DATA } from '@shoplink/shops';
import { ConfigError, describeStorage, loadStorageConfig, openStorage, Storage, StorageConfig } from '@shoplink/storage';
import { AuditSource, OpenAuditStores } from './audit-stores';
import { CliError, EXIT, usageError } from './cli-command';

/**
 * Picks the store from the environment and `--data-file`. Refuses (exit 2) a malformed setting, and
 * `--data-file` together with `EVENTSTORE_URL`: the auditor would not know which log was checked.
 */
export function selectAuditSource(env: NodeJS.ProcessEnv, dataFileOption: string | undefined): AuditSource {
  let config: StorageConfig;
  try {
    config = loadStorageConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(EXIT.usage, 'STORAGE_CONFIG', `Storage settings refused: ${error.message}`);
    throw error;
  }
  if (dataFileOption !== undefined) {
    if (config.eventStore.kind !== 'sqlite')
      throw usageError(
        '--data-file names the embedded SQLite file, but EVENTSTORE_URL selects KurrentDB: unset EVENTSTORE_URL to read the file, or drop --data-file to read KurrentDB',
      );
    const file = resolve(dataFileOption);
    config = {
      eventStore: { kind: 'sqlite', file },
      documents: config.documents.kind === 'sqlite' ? { kind: 'sqlite', file } : config.documents,
    };
  }
  return {
    config,
    embeddedFile: config.eventStore.kind === 'sqlite' ? config.eventStore.file : null,
    description: describeStorage(config),
  };
}

/**
 * Opens the stores: the embedded file directly, read as it is (no read-model or idempotency tables are
 * opened in the file under audit); anything else (KurrentDB, or keys on MongoDB) through `openStorage`,
 * the composition root the service and the projector use. Server clients connect on first read.
 */
export const openAuditStores: OpenAuditStores = (source) => {
  const { config, embeddedFile } = source;
  if (embeddedFile !== null && !existsSync(embeddedFile))
    throw new CliError(EXIT.usage, 'DATA_FILE_NOT_FOUND', `No data file at ${embeddedFile} (pass --data-file or set SHOPLINK_DATA_FILE)`);
  const embeddedLog =
    embeddedFile === null
      ? null
      : { highestPositionIssued: () => highestPositionIssued(embeddedFile), checkPages: () => checkPages(embeddedFile) };
  if (config.eventStore.kind === 'sqlite' && config.documents.kind === 'sqlite') {
    const stored = new SqliteEventStore(config.eventStore.file);
    const keysFile = config.documents.file;
    let keys: SqlitePersonalDataKeys | null = null;
    return {
      stored,
      readable: () => {
        keys ??= new SqlitePersonalDataKeys(keysFile);
        return new PersonalDataSealingEventStore(stored, new PersonalDataVault(keys), SHOP_PERSONAL_DATA);
      },
      embeddedLog,
      close: async () => {
        await stored.close();
        await keys?.close();
      },
    };
  }
  const storage: Storage = openStorage(config);
  return { stored: storage.storedEvents, readable: () => storage.eventStore, embeddedLog, close: () => storage.close() };
};

/** SQLite's record of the highest rowid AUTOINCREMENT ever gave the events table; survives deletes. */
function highestPositionIssued(dataFile: string): bigint | null {
  if (!existsSync(dataFile)) return null;
  const db = new Database(dataFile, { readonly: true, fileMustExist: true });
  try {
    const row = db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'events'").safeIntegers(true).get() as { seq: bigint } | undefined;
    return row?.seq ?? null;
  } catch {
    return null; // no sqlite_sequence: nothing was ever appended
  } finally {
    db.close();
  }
}
