import { EventStore } from '../event-store.port';
import { Position, START } from '../position';
import { EMPTY_LOG, foldEvents, LogHead } from './log-hash';

/**
 * Keeps the log hash of the head current without re-folding the whole log for every digest: it
 * remembers where it stopped (in memory only) and, when asked, folds forward from there through the
 * EventStore port, so any store works. A fresh process folds the whole log once, in pages that let
 * the event loop go. Only what digests are signed with: verification never trusts it.
 */
export class LogHashFollower {
  private head: LogHead = EMPTY_LOG;
  private after: Position = START;
  /** One catch-up at a time; callers arriving meanwhile share the next one. */
  private running: Promise<LogHead> = Promise.resolve(EMPTY_LOG);

  constructor(
    private readonly store: EventStore,
    private readonly pageSize = 1000,
  ) {}

  /** The head as of now: every event committed before the call is folded in. */
  current(): Promise<LogHead> {
    this.running = this.running.catch(() => this.head).then(() => this.catchUp());
    return this.running;
  }

  /** The head as far as it was folded, without reading the store. */
  known(): LogHead {
    return this.head;
  }

  private async catchUp(): Promise<LogHead> {
    for (;;) {
      const page = await this.store.readAll({ after: this.after, maxCount: this.pageSize });
      if (page.length === 0) return this.head;
      this.head = foldEvents(this.head, page);
      this.after = page[page.length - 1].position;
      if (page.length < this.pageSize) return this.head;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}
