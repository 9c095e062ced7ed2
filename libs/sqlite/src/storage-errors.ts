/**
 * The two ways the data file itself fails a read or a write, as errors of their own, so the
 * service can answer them as what they are (503, a condition raised, readiness down) rather than
 * as a bug (500). The driver's error stays as `cause`, its SQLite or errno code as `storageCode`.
 */

/** The disk (or the quota) has no room for the write: nothing of it was committed. */
export class StorageFullError extends Error {
  readonly code = 'STORAGE_FULL';
  constructor(
    readonly storageCode: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageFullError';
  }
}

/** SQLite found a page of the data file malformed (random bytes, a torn write, a truncated file). */
export class StorageCorruptError extends Error {
  readonly code = 'STORAGE_CORRUPT';
  constructor(
    readonly storageCode: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageCorruptError';
  }
}

/** SQLITE_FULL from SQLite; ENOSPC or EDQUOT from the file system directly. */
const FULL = /^(SQLITE_FULL|ENOSPC|EDQUOT)/;
/** SQLITE_CORRUPT and its extended codes (…_INDEX, …_SEQUENCE, …_VTAB), and a header that is not SQLite's. */
const CORRUPT = /^(SQLITE_CORRUPT|SQLITE_NOTADB)/;

/**
 * The typed error for a failure of the file (see above), or null for anything else. Reads the
 * `code` property, which the driver's errors carry, and which errors revived from the group
 * commit's writer thread keep; an error already typed is answered as it is.
 */
export function storageFailureOf(error: unknown): StorageFullError | StorageCorruptError | null {
  if (error instanceof StorageFullError || error instanceof StorageCorruptError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const message = error instanceof Error || typeof (error as { message?: unknown }).message === 'string' ? (error as Error).message : code;
  if (code === 'STORAGE_FULL' || FULL.test(code)) return new StorageFullError(code, `the disk is full: ${message}`, { cause: error });
  if (code === 'STORAGE_CORRUPT' || CORRUPT.test(code))
    return new StorageCorruptError(code, `the data file is malformed: ${message}`, { cause: error });
  return null;
}

/** The typed error when `error` is a failure of the file, otherwise `error` itself: for adapters to rethrow. */
export function typedStorageError(error: unknown): unknown {
  return storageFailureOf(error) ?? error;
}
