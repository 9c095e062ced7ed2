import { RecordedEvent } from '../event-store.port';
import { encodePosition } from '../position';
import { ChainProblem } from './verify-chain';

/** A break in a stream's hash chain as a refusal names it: the problem, and the log position where it shows. */
export interface StreamIntegrityProblem extends ChainProblem {
  /** Position of the event named (for `removed`, of the event after the hole), or null when none is left. */
  readonly position: string | null;
}

/**
 * The stream's hash chain does not verify over the events a decision would rest on: Shoplink does
 * not decide on them. Not a rule's refusal (a repaired stream must accept the same command again),
 * so never kept as an idempotent answer.
 */
export class StreamIntegrityBrokenError extends Error {
  readonly code = 'STREAM_INTEGRITY_BROKEN';

  constructor(readonly problem: StreamIntegrityProblem) {
    super(
      `Stream ${problem.streamId} fails its hash-chain check at revision ${problem.revision}` +
        `${problem.position === null ? '' : ` (position ${problem.position})`}, ${problem.kind}: ${problem.message}. ` +
        'Nothing is decided on it until it is repaired',
    );
    this.name = 'StreamIntegrityBrokenError';
  }

  get streamId(): string {
    return this.problem.streamId;
  }
}

/** The problem with the position of the event it names, looked up among the events read. */
export function locatedProblem(problem: ChainProblem, events: readonly RecordedEvent[]): StreamIntegrityProblem {
  const named = problem.eventId === null ? undefined : events.find((event) => event.id === problem.eventId);
  const position = named !== undefined ? encodePosition(named.position) : (problem.after?.position ?? problem.before?.position ?? null);
  return { ...problem, position };
}
