/**
 * Conditions that make the store unsafe to act on, raised by whichever part notices them (the
 * start-up page check, a write that found the disk full, a stream whose hash chain broke) and
 * read in one place: readiness reports every condition present, and the command path refuses
 * writes while one that `refusesWrites` holds. A condition clears itself when the part that
 * raised it sees the store healthy again, so recovery needs no restart.
 */
export interface StorageCondition {
  /** Stable code, also the error code a refused command answers with (e.g. `STORAGE_FULL`). */
  readonly code: string;
  readonly message: string;
  /** Commands are refused (503) while it holds; otherwise it only makes the process not ready. */
  readonly refusesWrites: boolean;
  /** Whether readiness says not ready while it holds. */
  readonly makesNotReady: boolean;
  readonly since: string;
  readonly details?: Record<string, unknown>;
}

export type RaisedCondition = Omit<StorageCondition, 'since'>;

export class StorageConditions {
  private readonly held = new Map<string, StorageCondition>();

  /** Raises the condition under `key` (one holder may raise one condition at a time); keeps `since` when already held. */
  raise(key: string, condition: RaisedCondition): void {
    const since = this.held.get(key)?.since ?? new Date().toISOString();
    this.held.set(key, { ...condition, since });
  }

  clear(key: string): void {
    this.held.delete(key);
  }

  has(key: string): boolean {
    return this.held.has(key);
  }

  list(): StorageCondition[] {
    return [...this.held.values()];
  }

  /** The first condition that refuses writes (other than the one held under `exceptKey`), or null. */
  refusingWrites(exceptKey?: string): StorageCondition | null {
    for (const [key, condition] of this.held) if (condition.refusesWrites && key !== exceptKey) return condition;
    return null;
  }
}

/** Injection token for the process's one StorageConditions. */
export const STORAGE_CONDITIONS = Symbol('STORAGE_CONDITIONS');

/** A command refused because the store is in a condition that makes writing unsafe or impossible. */
export class StorageUnavailableError extends Error {
  readonly code: string;
  readonly retryAfterSeconds: number;
  constructor(
    readonly condition: StorageCondition,
    retryAfterSeconds = 5,
  ) {
    super(condition.message);
    this.name = 'StorageUnavailableError';
    this.code = condition.code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
