import { StreamIntegrityProblem } from './stream-integrity-broken.error';

/** Injection token for the process's one BrokenStreams. */
export const BROKEN_STREAMS = Symbol('BROKEN_STREAMS');

const MAX_LISTED = 1_000;

/**
 * The streams whose hash chain a load found broken, as this process last saw them: what readiness
 * lists and the metrics count. A stream leaves the list when a later load verifies it (repaired,
 * e.g. restored from a backup), so no restart is needed. Bounded: past MAX_LISTED, the oldest entries go.
 */
export class BrokenStreams {
  private readonly broken = new Map<string, StreamIntegrityProblem & { readonly since: string }>();
  private readonly listeners: ((streams: BrokenStreams) => void)[] = [];

  found(problem: StreamIntegrityProblem): void {
    const since = this.broken.get(problem.streamId)?.since ?? new Date().toISOString();
    this.broken.delete(problem.streamId);
    this.broken.set(problem.streamId, { ...problem, since });
    if (this.broken.size > MAX_LISTED) this.broken.delete(this.broken.keys().next().value as string);
    // Also when already listed: the break found may have moved (another edit), and readiness shows the latest.
    this.changed();
  }

  /** A load verified the stream's chain: cheap when it was not listed, which is the usual case. */
  verified(streamId: string): void {
    if (this.broken.delete(streamId)) this.changed();
  }

  get size(): number {
    return this.broken.size;
  }

  list(): (StreamIntegrityProblem & { readonly since: string })[] {
    return [...this.broken.values()];
  }

  /** Called whenever a stream joins or leaves the list (readiness conditions follow it). */
  onChange(listener: (streams: BrokenStreams) => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener(this);
  }
}
