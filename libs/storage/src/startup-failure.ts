import { WriterLockHeldError } from '@shoplink/sqlite';
import { ConfigError, ConfigErrors, ConfigProblems } from './config-error';

/**
 * How a service process (the API, the projector) reports that it cannot start: one JSON line on
 * stderr, `{"level":"fatal","code":"…","msg":"…"}`, and an exit code from sysexits.h a supervisor
 * can tell apart (docs/operations.md lists them):
 * 78 configuration (EX_CONFIG), 74 storage or I/O (EX_IOERR), 70 anything else (EX_SOFTWARE).
 */
export const EXIT_CONFIG = 78;
export const EXIT_STORAGE = 74;
export const EXIT_INTERNAL = 70;

/** The stable codes of the fatal line. */
export type StartupFailureCode =
  | 'CONFIG_INVALID'
  | 'WRITER_LOCK_HELD'
  | 'DATA_DIR_NOT_WRITABLE'
  | 'DATA_FILE_READ_ONLY'
  | 'DATA_FILE_NOT_SQLITE'
  | 'DATA_FILE_TRUNCATED'
  | 'DATA_FILE_CORRUPT'
  | 'STORAGE_IO_ERROR'
  | 'PORT_UNAVAILABLE'
  | 'INTERNAL';

export class StartupFailure extends Error {
  constructor(
    readonly code: StartupFailureCode,
    message: string,
    readonly exitCode: number = code === 'INTERNAL' ? EXIT_INTERNAL : code === 'CONFIG_INVALID' ? EXIT_CONFIG : EXIT_STORAGE,
  ) {
    super(message);
    this.name = 'StartupFailure';
  }
}

const IO_ERRNO = new Set([
  'EACCES',
  'EPERM',
  'EROFS',
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'ENOTDIR',
  'EISDIR',
  'ELOOP',
  'ENAMETOOLONG',
  'EMFILE',
  'ENFILE',
]);

/** What an error thrown while starting means for the operator: a code, a message, an exit code. */
export function startupFailureOf(error: unknown): StartupFailure {
  if (error instanceof StartupFailure) return error;
  if (error instanceof WriterLockHeldError)
    return new StartupFailure(
      'WRITER_LOCK_HELD',
      `another process writes to this data file: ${error.lockFile} is held${error.holder ? ` by ${error.holder}` : ' (holder unknown)'}; stop it first, or give this one another SHOPLINK_DATA_FILE`,
    );
  if (error instanceof ConfigErrors)
    return new StartupFailure('CONFIG_INVALID', error.problems.map((problem) => problem.message).join('; '));
  if (error instanceof ConfigError) return new StartupFailure('CONFIG_INVALID', error.message);
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string') {
    if ((error as { syscall?: unknown }).syscall === 'listen')
      return new StartupFailure(
        'PORT_UNAVAILABLE',
        `cannot listen: ${message} (${code}); another process has the port, or it needs privileges`,
      );
    if (code.startsWith('SQLITE_READONLY'))
      return new StartupFailure('DATA_FILE_READ_ONLY', `the data file cannot be written: ${message} (${code})`);
    if (code === 'SQLITE_NOTADB') return new StartupFailure('DATA_FILE_NOT_SQLITE', `the data file is not an SQLite database: ${message}`);
    if (code.startsWith('SQLITE_CORRUPT')) return new StartupFailure('DATA_FILE_CORRUPT', `the data file is damaged: ${message} (${code})`);
    if (/^SQLITE_(CANTOPEN|IOERR|FULL|PERM|BUSY|LOCKED|PROTOCOL|AUTH)/.test(code) || IO_ERRNO.has(code))
      return new StartupFailure('STORAGE_IO_ERROR', `storage could not be opened: ${message} (${code})`);
  }
  return new StartupFailure('INTERNAL', `failed to start: ${message}`);
}

/** The one JSON line a process that cannot start writes. */
export function fatalLine(failure: StartupFailure): string {
  return JSON.stringify({ level: 'fatal', code: failure.code, msg: failure.message });
}

/** Writes the fatal line on stderr and ends the process with the failure's exit code. */
export function exitOnStartupFailure(error: unknown): never {
  const failure = startupFailureOf(error);
  process.stderr.write(`${fatalLine(failure)}\n`);
  process.exit(failure.exitCode);
}

/**
 * Exit 78 with every configuration problem, one line each, when there are any: what both
 * processes do before anything else starts.
 */
export function exitOnConfigProblems(problems: ConfigProblems): void {
  try {
    problems.check();
  } catch (error) {
    const lines = error instanceof ConfigErrors ? error.problems.map((problem) => problem.message) : [(error as Error).message];
    console.error(lines.length === 1 ? `Configuration error: ${lines[0]}` : `Configuration errors:\n  ${lines.join('\n  ')}`);
    process.exit(78);
  }
}
