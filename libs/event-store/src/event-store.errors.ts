import { ExpectedRevision } from './event-store.port';

/** The stream was not in the state the writer expected: someone else wrote first. Safe to re-read and retry. */
export class WrongExpectedRevisionError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** Revision of the stream's last event, or -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedRevisionError';
  }
}

export class StreamNotFoundError extends Error {
  readonly code = 'STREAM_NOT_FOUND';
  constructor(readonly streamId: string) {
    super(`Stream ${streamId} not found`);
    this.name = 'StreamNotFoundError';
  }
}

/**
 * Some of an append's event ids were already written, but not as this very append: the caller
 * reused ids for a different append. Every store checks the stream appended to; the embedded
 * store also checks every other stream (KurrentDB keeps no index of event ids to do so).
 */
export class DuplicateEventIdError extends Error {
  readonly code = 'DUPLICATE_EVENT_ID';
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`Event ${eventId} already exists and the append is not an exact repeat`);
    this.name = 'DuplicateEventIdError';
  }
}
