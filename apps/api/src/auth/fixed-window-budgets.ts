interface Window {
  readonly startedAt: number;
  spent: number;
  refused: number;
}

/** A key over its budget, answered without the work it asked for. */
export interface Refusal {
  /** Whole seconds until its window ends (at least 1), for Retry-After. */
  readonly retryAfterSeconds: number;
  /** The first refusal of this key in this window: the moment it starts being throttled. */
  readonly first: boolean;
}

export interface FixedWindowBudgetOptions {
  /** What a key may spend per window. */
  readonly limit: number;
  readonly windowMs: number;
  /** Most keys remembered at once, whatever the number of keys that turn up. */
  readonly maxKeys: number;
  /** Milliseconds that never go backwards; performance.now() by default. */
  readonly now?: () => number;
}

/**
 * A budget per key (a client address) in fixed windows that start at the key's first spending.
 * Memory stays bounded however many keys turn up: the map keeps its windows in the order they
 * started, and every window lasts as long, so the ended ones are always at its front and are
 * dropped from there as time passes (each once: O(1) amortised per call). When `maxKeys` windows
 * are all still running, the oldest is forgotten to make room: it is the one closest to ending.
 */
export class FixedWindowBudgets {
  private readonly windows = new Map<string, Window>();
  private readonly now: () => number;

  constructor(private readonly options: FixedWindowBudgetOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Keys remembered now. */
  get size(): number {
    return this.windows.size;
  }

  /** Spends one from the key's budget, in its running window or a new one. */
  spend(key: string): void {
    const now = this.now();
    this.dropEnded(now);
    let window = this.windows.get(key);
    if (window === undefined) {
      if (this.windows.size >= this.options.maxKeys) this.windows.delete(this.windows.keys().next().value!);
      window = { startedAt: now, spent: 0, refused: 0 };
      this.windows.set(key, window);
    }
    window.spent += 1;
  }

  /** Whether the key has spent its whole budget in a window still running. */
  isOver(key: string): boolean {
    return this.runningOver(key, this.now()) !== undefined;
  }

  /**
   * Counts a refusal of a key over its budget and says until when; undefined when the key is not
   * over it. One reading of the clock decides both, so a window ending between a check and the
   * refusal cannot refuse a key that is no longer over.
   */
  refuse(key: string): Refusal | undefined {
    const now = this.now();
    const window = this.runningOver(key, now);
    if (window === undefined) return undefined;
    window.refused += 1;
    const left = window.startedAt + this.options.windowMs - now;
    return { retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)), first: window.refused === 1 };
  }

  private runningOver(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    return window !== undefined && window.spent >= this.options.limit && now < window.startedAt + this.options.windowMs
      ? window
      : undefined;
  }

  private dropEnded(now: number): void {
    for (const [key, window] of this.windows) {
      if (now < window.startedAt + this.options.windowMs) return;
      this.windows.delete(key);
    }
  }
}
