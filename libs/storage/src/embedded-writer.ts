import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { acquireWriterLock, WriterLock } from '@shoplink/sqlite';
import { StartupFailure } from './startup-failure';
import { StorageConfig } from './storage-config';

/** Which service process writes: the API (events, idempotency records, and read models when it projects) or the projector (read models). */
export type WriterRole = 'api' | 'projector';

/**
 * The embedded file a service process writes to, if any: the API writes to it whenever either
 * store is embedded; the projector process only when the read models are.
 */
export function embeddedFileWrittenBy(config: StorageConfig, role: WriterRole): string | null {
  if (config.documents.kind === 'sqlite') return config.documents.file;
  if (role === 'api' && config.eventStore.kind === 'sqlite') return config.eventStore.file;
  return null;
}

/**
 * Makes this process the one writer of its embedded data file, or refuses with a StartupFailure
 * that says why (exit 74): the data directory cannot be written, another process holds the
 * writer lock (`<file>.writer-lock`, see acquireWriterLock), or the file is read-only, is not an
 * SQLite database, or is shorter than its header says. The lock is held until the process ends
 * (or release()). Nothing for a configuration without an embedded file.
 */
export function becomeEmbeddedWriter(config: StorageConfig, role: WriterRole): WriterLock | null {
  const file = embeddedFileWrittenBy(config, role);
  if (file === null) return null;
  checkDataDirectory(file);
  const lock = acquireWriterLock(file, role);
  try {
    checkDataFile(file);
  } catch (error) {
    lock.release();
    throw error;
  }
  return lock;
}

function checkDataDirectory(file: string): void {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new StartupFailure(
      'DATA_DIR_NOT_WRITABLE',
      `the data directory ${dir} cannot be written (${errnoOf(error)}); the service keeps its lock, journal and data files there`,
    );
  }
}

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_BYTES = 100;

/**
 * Cheap checks of an existing data file before any connection opens it (SQLite itself would only
 * notice some of these on the first query that reads the missing part): writable, an SQLite
 * header, and, when no write-ahead log holds pages beyond it, at least as long as the header says.
 * A file with no write permission bits counts as read-only even for root, who could write it anyway.
 */
export function checkDataFile(file: string): void {
  if (!existsSync(file)) return;
  const stat = statSync(file);
  if (!stat.isFile()) throw new StartupFailure('DATA_FILE_NOT_SQLITE', `the data file ${file} is not a regular file`);
  let writable = (stat.mode & 0o222) !== 0;
  let why = 'no write permission';
  try {
    accessSync(file, constants.W_OK);
  } catch (error) {
    writable = false;
    why = errnoOf(error);
  }
  if (!writable)
    throw new StartupFailure('DATA_FILE_READ_ONLY', `the data file ${file} is read-only (${why}); the service must write to it`);
  if (stat.size === 0) return; // a new, empty database
  const header = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, HEADER_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const present = header.subarray(0, Math.min(read, MAGIC.length));
  if (!present.equals(MAGIC.subarray(0, present.length)))
    throw new StartupFailure('DATA_FILE_NOT_SQLITE', `the data file ${file} is not an SQLite database (no SQLite header)`);
  if (read < HEADER_BYTES)
    throw new StartupFailure(
      'DATA_FILE_TRUNCATED',
      `the data file ${file} is truncated: ${stat.size} bytes, shorter than an SQLite header`,
    );
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0)
    throw new StartupFailure(
      'DATA_FILE_NOT_SQLITE',
      `the data file ${file} has an SQLite header with an impossible page size (${rawPageSize})`,
    );
  // With a write-ahead log the file's header may run ahead of its length until the log is checkpointed: SQLite recovers that.
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return;
  const pages = header.readUInt32BE(28);
  const headerCountValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  if ((headerCountValid && pages > 0 && stat.size < pages * pageSize) || stat.size % pageSize !== 0)
    throw new StartupFailure(
      'DATA_FILE_TRUNCATED',
      `the data file ${file} is truncated: ${stat.size} bytes${headerCountValid ? `, its header says ${pages} pages of ${pageSize} bytes` : ''}; restore it from a backup`,
    );
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}
