/**
 * What the command runner tells whoever watches it: the service measures and traces appends and
 * counts conflicts with it. A port, so the libraries stay free of any metrics or tracing library;
 * the runner behaves the same without an observer.
 */
export interface CommandObserver {
  /** Runs the append of a decided command; must call `append` once and return what it returns. */
  appending<T>(streamId: string, eventCount: number, append: () => Promise<T>): Promise<T>;
  /** Another writer appended first; `willRetry` is false when the command gives up with a conflict. */
  conflicted(streamId: string, attempt: number, willRetry: boolean): void;
}

export const unobservedCommands: CommandObserver = {
  appending: (_streamId, _eventCount, append) => append(),
  conflicted: () => undefined,
};
