import { encodePosition, Position } from '@shoplink/event-store';

/**
 * A fenced `commitBatch` found another checkpoint than the one its batch continues from:
 * something else moved the projector (a rebuild switched in, or a second process runs the
 * same projector). Nothing of the batch was written; the projector starts over from the
 * stored checkpoint, so no event is skipped or applied twice.
 */
export class CheckpointMovedError extends Error {
  constructor(
    readonly projector: string,
    readonly expected: Position | null,
    readonly actual: Position | null,
  ) {
    super(
      `Checkpoint of projector ${projector} is ${describe(actual)}, not ${describe(expected)} as this batch expected; resuming from the stored one`,
    );
    this.name = 'CheckpointMovedError';
  }
}

const describe = (position: Position | null): string => (position === null ? 'absent' : encodePosition(position));
