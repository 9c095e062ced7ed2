import { RecordedEvent } from '../event-store.port';
import { encodePosition } from '../position';
import { chainOf, eventHash, GENESIS_HASH } from './event-hash';

export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'reordered';

export interface ChainProblem {
  readonly kind: ChainProblemKind;
  readonly streamId: string;
  /** The revision at which the chain first breaks. */
  readonly revision: number;
  /** The event found there; null for `removed` (the missing event's id went with it: see `before` and `after`). */
  readonly eventId: string | null;
  readonly message: string;
  /** For `removed`: the surviving events either side of the hole (null at the stream's start or end). */
  readonly before?: ChainNeighbour | null;
  readonly after?: ChainNeighbour | null;
}

/** An event beside a break, as a report names it. */
export interface ChainNeighbour {
  readonly revision: number;
  readonly eventId: string;
  readonly position: string;
}

/** Where a walk starts when it does not start at the stream's first event: the revision expected first and the hash it follows. */
export interface ChainStart {
  readonly revision: number;
  readonly previousHash: string;
}

const STREAM_START: ChainStart = { revision: 0, previousHash: GENESIS_HASH };

export interface ChainVerdict {
  readonly streamId: string;
  readonly events: number;
  readonly intact: boolean;
  /** The first break; everything before it is proven unchanged. */
  readonly firstProblem: ChainProblem | null;
  readonly lastHash: string | null;
}

/** Whether the event's content hashes to its recorded hash when it sits at `revision`. */
function hashesAt(event: RecordedEvent, revision: number): boolean {
  const chain = chainOf(event.metadata);
  return chain !== null && eventHash(chain.previousHash, { ...event, revision }) === chain.hash;
}

/**
 * Walks a stream in revision order and names the first event where the chain breaks, and how:
 * altered (content no longer matches its hash), removed (an event is missing: a gap, or the
 * rest renumbered to close it), inserted (an event that was never part of the chain pushed
 * the rest along), reordered (intact events that sit at each other's revisions).
 */
export function verifyChain(streamId: string, events: readonly RecordedEvent[], start: ChainStart = STREAM_START): ChainVerdict {
  let previousHash = start.previousHash;
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const expected = i === 0 ? start.revision : events[i - 1].revision + 1;
    const broken = (kind: ChainProblemKind, revision: number, message: string): ChainVerdict => ({
      streamId,
      events: events.length,
      intact: false,
      firstProblem:
        kind === 'removed'
          ? { kind, streamId, revision, eventId: null, message, before: neighbour(events[i - 1]), after: neighbour(event) }
          : { kind, streamId, revision, eventId: event.id, message },
      lastHash: null,
    });
    if (event.revision > expected)
      return broken(
        'removed',
        expected,
        `Revision ${expected} is missing: the stream jumps ${i === 0 ? 'to' : `from revision ${events[i - 1].revision} to`} revision ${event.revision}`,
      );
    const chain = chainOf(event.metadata);
    const fitsHere = hashesAt(event, event.revision) && chain?.previousHash === previousHash;
    if (fitsHere) {
      previousHash = chain.hash;
      continue;
    }
    if (hashesAt(event, event.revision)) {
      // Intact itself, but it follows a different event than when it was written.
      const follows = events.findIndex((e) => chainOf(e.metadata)?.hash === chain!.previousHash);
      if (follows > i)
        return broken(
          'reordered',
          event.revision,
          `The event at revision ${event.revision} was written after the event now at revision ${events[follows].revision}`,
        );
      if (follows === -1 && i > 0) {
        // The event before it hashes fine yet is not the one this event was written after: replaced and re-hashed.
        const replaced = events[i - 1];
        return {
          streamId,
          events: events.length,
          intact: false,
          firstProblem: {
            kind: 'altered',
            streamId,
            revision: replaced.revision,
            eventId: replaced.id,
            message: `The event at revision ${replaced.revision} is not the one revision ${event.revision} was written after: it was replaced and re-hashed`,
          },
          lastHash: null,
        };
      }
      return broken(
        follows === -1 ? 'removed' : 'reordered',
        event.revision,
        follows === -1
          ? `The event that preceded revision ${event.revision} when it was written is gone`
          : `The event at revision ${event.revision} follows a different event than when it was written`,
      );
    }
    // An intact event moved to another revision still hashes at the revision it was written at.
    const writtenAt = [...Array(events.length + 2).keys()]
      .map((k) => start.revision + k)
      .find((r) => r !== event.revision && hashesAt(event, r));
    if (writtenAt !== undefined) {
      if (writtenAt > event.revision) {
        const displaced = events.some((e, j) => j > i && hashesAt(e, event.revision));
        return displaced
          ? broken('reordered', event.revision, `The event written at revision ${writtenAt} now sits at revision ${event.revision}`)
          : broken(
              'removed',
              event.revision,
              `Revision ${event.revision} is missing: the event written at revision ${writtenAt} now sits there, the rest renumbered to close the hole`,
            );
      }
      return broken(
        'inserted',
        event.revision,
        `The event written at revision ${writtenAt} was pushed to revision ${event.revision} by an insertion`,
      );
    }
    const next = events[i + 1];
    // The event that was written at this revision now comes next: this one was slipped in before it.
    if (next !== undefined && hashesAt(next, event.revision) && chainOf(next.metadata)?.previousHash === previousHash) {
      return broken('inserted', event.revision, `The event at revision ${event.revision} was never part of the chain: it was inserted`);
    }
    if (chain === null)
      return broken(
        'altered',
        event.revision,
        `The event at revision ${event.revision} carries no hash: written before chaining, or its hash was stripped`,
      );
    return broken('altered', event.revision, `The content of the event at revision ${event.revision} no longer matches its hash`);
  }
  return { streamId, events: events.length, intact: true, firstProblem: null, lastHash: events.length > 0 ? previousHash : null };
}

function neighbour(event: RecordedEvent | undefined): ChainNeighbour | null {
  return event === undefined ? null : { revision: event.revision, eventId: event.id, position: encodePosition(event.position) };
}
