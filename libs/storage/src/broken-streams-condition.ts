import { BrokenStreams } from '@shoplink/event-store';
import { StorageConditions } from './storage-conditions';

export const BROKEN_STREAMS_CONDITION = 'broken-streams';
const LISTED_IN_READINESS = 20;

/**
 * Streams whose hash chain broke are listed in readiness, yet the process stays ready and keeps
 * writing: every other stream verifies and is served, and the broken ones refuse their own commands
 * (409 STREAM_INTEGRITY_BROKEN). Taking the whole service out of rotation for one tampered shop
 * would turn tampering into a denial of service. The condition clears when the last one verifies again.
 */
export function raiseConditionForBrokenStreams(brokenStreams: BrokenStreams, conditions: StorageConditions): void {
  brokenStreams.onChange((streams) => {
    if (streams.size === 0) return conditions.clear(BROKEN_STREAMS_CONDITION);
    const listed = streams.list().slice(-LISTED_IN_READINESS);
    conditions.raise(BROKEN_STREAMS_CONDITION, {
      code: 'STREAM_INTEGRITY_BROKEN',
      message: `${streams.size} stream${streams.size === 1 ? '' : 's'} fail${streams.size === 1 ? 's' : ''} the hash-chain check; their commands are refused, the others are served`,
      refusesWrites: false,
      makesNotReady: false,
      details: {
        count: streams.size,
        streams: listed.map(({ streamId, revision, position, kind, since }) => ({ streamId, revision, position, kind, since })),
      },
    });
  });
}
