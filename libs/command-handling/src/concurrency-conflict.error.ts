/** The stream moved under the command more often than it may retry, or not as the caller's If-Match said. Safe to retry. */
export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expectedRevision: number | 'no_stream' | 'stream_exists' | 'any',
    readonly actualRevision: number,
  ) {
    super(`Stream ${streamId} is at revision ${actualRevision}, not ${String(expectedRevision)}; read it again and retry`);
    this.name = 'ConcurrencyConflictError';
  }
}
