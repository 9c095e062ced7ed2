import { RecordedEvent } from '../event-store.port';
import { encodePosition } from '../position';
import { chainOf, GENESIS_HASH } from './event-hash';
import { ChainProblem, ChainVerdict, verifyChain } from './verify-chain';

/** A state folded up to `revision` (a snapshot, a cached state): where a load reads the stream on from. */
export interface ChainAnchor {
  readonly revision: number;
  readonly eventId: string;
  /** The hash the event at `revision` had when the state was folded; null when this process appended it itself. */
  readonly hash: string | null;
  /** What holds the state, for the report: `snapshot`, `cached state`. */
  readonly heldBy: string;
}

/**
 * The chain of the events a load reads: from the first event of the stream, or from the event a
 * snapshot or cached state was folded up to (read again as the first of `events`). That event must
 * be the one, with the hash, the state recorded; every event read after it must chain on from it.
 * Only the events read are hashed, so a load from a snapshot stays as cheap as its read.
 */
export function verifyChainFrom(streamId: string, events: readonly RecordedEvent[], anchor: ChainAnchor | null): ChainVerdict {
  if (anchor === null) return verifyChain(streamId, events);
  const first = events[0];
  const broken = (problem: ChainProblem): ChainVerdict => ({
    streamId,
    events: events.length,
    intact: false,
    firstProblem: problem,
    lastHash: null,
  });
  if (first === undefined || first.revision !== anchor.revision) {
    return broken({
      kind: 'removed',
      streamId,
      revision: anchor.revision,
      eventId: null,
      message:
        first === undefined
          ? `Revision ${anchor.revision}, which a ${anchor.heldBy} was folded up to, is gone: the stream's last events were removed`
          : `Revision ${anchor.revision}, which a ${anchor.heldBy} was folded up to, is missing: the stream jumps to revision ${first.revision}`,
      before: null,
      after: first === undefined ? null : { revision: first.revision, eventId: first.id, position: encodePosition(first.position) },
    });
  }
  const chain = chainOf(first.metadata);
  if (first.id !== anchor.eventId || (anchor.hash !== null && chain?.hash !== anchor.hash)) {
    return broken({
      kind: 'altered',
      streamId,
      revision: anchor.revision,
      eventId: first.id,
      message: `The event at revision ${anchor.revision} is not the one a ${anchor.heldBy} was folded up to (event ${anchor.eventId}${anchor.hash === null ? '' : `, hash ${anchor.hash.slice(0, 12)}…`}): the stream or the ${anchor.heldBy} was changed`,
    });
  }
  return verifyChain(streamId, events, { revision: anchor.revision, previousHash: chain?.previousHash ?? GENESIS_HASH });
}
