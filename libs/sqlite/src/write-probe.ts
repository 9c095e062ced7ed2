import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SqlContext, SqliteGroupCommit } from './group-commit';
import { StorageFullError } from './storage-errors';

/**
 * Free space below which the disk still counts as full: a command writes a few KiB, but the
 * projector's batch, the write-ahead log's growth and its checkpoint need more, and a probe that
 * passed on the last free page would only let the next write fail again.
 */
export const DEFAULT_MIN_FREE_BYTES = 4 * 2 ** 20;

/**
 * Whether the data file takes writes again after a full disk: at least `minFreeBytes` free on its
 * file system, then one tiny write (a row of the scratch table `storage_probe`, replaced each time)
 * committed through the group commit like any command, so it waits its turn and pays a real fsync.
 * Rejects with StorageFullError while there is no room.
 */
export function sqliteWriteProbe(groupCommit: SqliteGroupCommit, minFreeBytes = DEFAULT_MIN_FREE_BYTES): () => Promise<void> {
  const write = groupCommit.procedure('storage.probe', probeProcedure);
  const file = groupCommit.db.name;
  return async () => {
    if (!groupCommit.db.memory) {
      const fs = statfsSync(dirname(file));
      const free = Number(fs.bavail) * Number(fs.bsize);
      if (free < minFreeBytes)
        throw new StorageFullError('ENOSPC', `the disk is full: ${free} bytes free beside ${file}, under the ${minFreeBytes} needed`);
    }
    await write([new Date().toISOString()], { savepoint: false });
  };
}

/** Runs in the group commit's transaction (maybe on its writer thread): self-contained. */
function probeProcedure(sql: SqlContext, at: string): void {
  sql.db.exec('CREATE TABLE IF NOT EXISTS storage_probe (id INTEGER PRIMARY KEY CHECK (id = 1), probed_at TEXT NOT NULL)');
  sql.db
    .prepare('INSERT INTO storage_probe (id, probed_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at')
    .run(at);
}
