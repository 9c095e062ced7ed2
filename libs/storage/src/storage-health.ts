import { PageCheck, storageFailureOf, StorageCorruptError, StorageFullError } from '@shoplink/sqlite';
import { RaisedCondition, StorageConditions, StorageUnavailableError } from './storage-conditions';

/** The condition codes this module raises; each is also the error code of a refused command. */
export const STORAGE_FULL = 'STORAGE_FULL';
export const STORAGE_CORRUPT = 'STORAGE_CORRUPT';
export const STORAGE_UNCHECKED = 'STORAGE_UNCHECKED';

/** The keys they are held under (one holder, one condition: see StorageConditions.raise). */
const FULL_KEY = 'storage-full';
const CORRUPT_KEY = 'storage-corrupt';
const UNCHECKED_KEY = 'storage-unchecked';
/** A writer's own "cannot commit" (the projector's), cleared by that writer's next commit. */
const writerKey = (writer: string) => `storage-full:${writer}`;

/**
 * How long a process waits at start for the page check before it takes requests. A million-event
 * file in the page cache (a restart) is checked in about a second; read cold from disk (a reboot) it
 * took 20 s (docs/reliability.md), and is then checked in the background: live, not ready, writes
 * refused meanwhile.
 */
export const STARTUP_CHECK_WAIT_MS = 3_000;

/** How often a full disk is tried again, and what a refused command is told to wait (Retry-After). */
export const DEFAULT_STORAGE_RETRY_SECONDS = 5;

export interface StorageHealthOptions {
  /**
   * Proves that a write commits again (free space above a margin, then a tiny write in a scratch
   * table): tried every `retrySeconds` while the disk is full. Without one (server stores, which
   * never report a full disk of this process), the condition is simply lifted after `retrySeconds`,
   * which lets the next command through to find out.
   */
  readonly probe?: () => Promise<void>;
  readonly retrySeconds?: number;
  /** Where the one line per change goes (the service's logger); nothing by default. */
  readonly log?: (level: 'error' | 'warn' | 'log', line: string) => void;
}

/**
 * What the data file's failures mean for the service, kept in the process's StorageConditions:
 *
 * - a full disk (SQLITE_FULL, ENOSPC) refuses writes with 503 STORAGE_FULL and makes the process
 *   not ready; a probe then retries every few seconds and, once a write commits again, lifts it:
 *   no restart. Nothing acknowledged is at stake: a command is answered only after its COMMIT.
 * - a malformed page (SQLITE_CORRUPT), found by the start-up page check or by any read or write
 *   that reaches it, refuses writes with 503 STORAGE_CORRUPT and makes the process not ready until
 *   the file is restored and the service restarted (docs/reliability.md).
 * - while the start-up page check runs, writes are refused with 503 STORAGE_UNCHECKED and the
 *   process is not ready: nothing is written onto a file not known to be whole.
 */
export class StorageHealth {
  private readonly retrySeconds: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private retrying = false;
  private closed = false;

  constructor(
    readonly conditions: StorageConditions,
    private readonly options: StorageHealthOptions = {},
  ) {
    this.retrySeconds = options.retrySeconds ?? DEFAULT_STORAGE_RETRY_SECONDS;
  }

  /**
   * Looks at an error from a read or a write: a full disk or a malformed page raises its condition
   * and answers the StorageUnavailableError to answer with (503, Retry-After); anything else null.
   * `writer` names a writer that cannot commit (the projector), whose own condition then holds until
   * its next commit (see `committed`).
   */
  failed(error: unknown, writer?: string): StorageUnavailableError | null {
    if (error instanceof StorageUnavailableError) return error;
    const failure = storageFailureOf(error);
    if (failure instanceof StorageFullError) {
      this.raiseFull(failure, writer);
      return new StorageUnavailableError(
        // The one that refuses writes, not a writer's own (see raiseFull).
        this.conditions.list().find((c) => c.code === STORAGE_FULL && c.refusesWrites)!,
        this.retrySeconds,
      );
    }
    if (failure instanceof StorageCorruptError) {
      this.raiseCorrupt(failure.message, { storageCode: failure.storageCode });
      return new StorageUnavailableError(
        this.conditions.list().find((c) => c.code === STORAGE_CORRUPT)!,
        this.retrySeconds,
      );
    }
    return null;
  }

  /** A writer committed: its own "cannot commit" is over. */
  committed(writer: string): void {
    if (!this.conditions.has(writerKey(writer))) return;
    this.conditions.clear(writerKey(writer));
    this.options.log?.('log', `${writer} commits again`);
  }

  /**
   * Runs the page check of the data file(s) and waits for it at most `waitMs`: a small file is
   * checked before the service takes requests; a large one is checked in the background while the
   * process is live but not ready and refuses writes (STORAGE_UNCHECKED). Resolves with the check
   * when it ended within the wait, or null when it goes on in the background.
   */
  async checkAtStart(check: () => Promise<PageCheck>, waitMs: number): Promise<PageCheck | null> {
    this.conditions.raise(UNCHECKED_KEY, {
      code: STORAGE_UNCHECKED,
      message: 'the data file is being checked (PRAGMA quick_check); writes wait until it is found whole',
      refusesWrites: true,
      makesNotReady: true,
    });
    const started = Date.now();
    const outcome = check().then(
      (result) => {
        this.conditions.clear(UNCHECKED_KEY);
        if (result.ok) {
          if (Date.now() - started > waitMs) this.options.log?.('log', `data file checked: whole (quick_check ${result.durationMs} ms)`);
        } else {
          this.raiseCorrupt(`the data file is malformed: ${result.problems[0] ?? 'quick_check failed'}`, { problems: result.problems });
        }
        return result;
      },
      (error: unknown) => {
        // The check could not run (the file is locked, unreadable): say so and do not block writes on it
        // for ever; a write that meets a malformed page still raises STORAGE_CORRUPT.
        this.conditions.clear(UNCHECKED_KEY);
        if (this.failed(error) === null)
          this.options.log?.('warn', `the data file could not be checked: ${error instanceof Error ? error.message : String(error)}`);
        return null;
      },
    );
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), waitMs);
    });
    const result = await Promise.race([outcome, waited]).finally(() => clearTimeout(timer));
    if (result === null && this.conditions.has(UNCHECKED_KEY))
      this.options.log?.(
        'warn',
        `the data file is being checked in the background (quick_check took over ${waitMs} ms): not ready, writes refused until it is found whole`,
      );
    return result;
  }

  /** Stops retrying (the store is closing). */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private raiseFull(failure: StorageFullError, writer: string | undefined): void {
    const condition: RaisedCondition = {
      code: STORAGE_FULL,
      message: 'the disk holding the data file is full: writes are refused until space is freed (retried every few seconds)',
      refusesWrites: true,
      makesNotReady: true,
      details: { storageCode: failure.storageCode },
    };
    if (writer !== undefined)
      this.conditions.raise(writerKey(writer), {
        ...condition,
        message: `${writer} cannot commit: the disk is full`,
        refusesWrites: false,
        details: { ...condition.details, writer },
      });
    if (!this.conditions.has(FULL_KEY))
      this.options.log?.('error', `the disk holding the data file is full (${failure.storageCode}): writes refused, not ready, retrying`);
    this.conditions.raise(FULL_KEY, condition);
    this.scheduleRetry();
  }

  private raiseCorrupt(message: string, details: Record<string, unknown>): void {
    if (!this.conditions.has(CORRUPT_KEY))
      this.options.log?.(
        'error',
        `${message}: writes refused, not ready; restore the file from a backup (or sqlite3 .recover) and restart (docs/reliability.md)`,
      );
    this.conditions.raise(CORRUPT_KEY, {
      code: STORAGE_CORRUPT,
      message: 'the data file is malformed: writes are refused until it is restored from a backup',
      refusesWrites: true,
      makesNotReady: true,
      details,
    });
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer !== null || this.retrying) return;
    this.retryTimer = setTimeout(() => void this.retry(), this.retrySeconds * 1000);
    // The retry never keeps a process alive on its own.
    this.retryTimer.unref();
  }

  private async retry(): Promise<void> {
    this.retryTimer = null;
    if (this.closed || !this.conditions.has(FULL_KEY)) return;
    this.retrying = true;
    try {
      await this.options.probe?.();
      this.conditions.clear(FULL_KEY);
      this.options.log?.(
        'log',
        this.options.probe
          ? 'the disk holding the data file has room again: writes accepted'
          : `writes admitted again after ${this.retrySeconds} s: the next one finds out whether the disk has room`,
      );
    } catch (error) {
      if (!(storageFailureOf(error) instanceof StorageFullError))
        this.options.log?.('warn', `retrying a write after a full disk failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.retrying = false;
    }
    if (this.conditions.has(FULL_KEY)) this.scheduleRetry();
  }
}

/** Injection token for the process's one StorageHealth. */
export const STORAGE_HEALTH = Symbol('STORAGE_HEALTH');
