/**
 * UNKNOWN_EVENT_TYPE: a type the codec was not built with. SCHEMA_VERSION_TOO_NEW: written by
 * newer code than this, whose shape this code cannot know, so it refuses rather than misread it.
 * INVALID_SCHEMA_VERSION: metadata.schemaVersion is not a whole number from 1. INVALID_UPCASTERS:
 * the codec's own definition is wrong (thrown when it is built, never while reading).
 */
export type EventCodecErrorCode = 'UNKNOWN_EVENT_TYPE' | 'SCHEMA_VERSION_TOO_NEW' | 'INVALID_SCHEMA_VERSION' | 'INVALID_UPCASTERS';

/** Where the event that could not be decoded is in the log, when it came from there. */
export interface EventCodecErrorSubject {
  readonly streamId?: string;
  readonly revision?: number;
  readonly eventId?: string;
  readonly type?: string;
  readonly schemaVersion?: unknown;
}

export class EventCodecError extends Error {
  constructor(
    readonly code: EventCodecErrorCode,
    message: string,
    readonly subject: EventCodecErrorSubject = {},
  ) {
    super(message);
    this.name = 'EventCodecError';
  }
}
