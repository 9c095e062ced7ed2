import { createHash } from 'node:crypto';
import { RecordedEvent } from '../event-store.port';
import { encodePosition } from '../position';
import { chainOf, eventHash, GENESIS_HASH } from '../hash-chain/event-hash';

/**
 * One hash chain over the whole log, in position order, beside the per-stream chains. Each step
 * covers the log hash before it, the event's place (position, stream, revision, id) and the hash of
 * the event's content, recomputed here from the content: an edit changes the log hash whether or not
 * the intruder also rewrote the event's stored hash. Whoever can write the data file can recompute
 * this chain too; what they cannot do is sign its head with a key kept elsewhere (log-digest.ts).
 */
export const GENESIS_LOG_HASH = '0'.repeat(64);
export const LOG_HASH_ALGORITHM = 'sha256-log-chain-v1';

/** The log folded up to an event: its position (wire form; null before the first event), its log hash, how many events. */
export interface LogHead {
  readonly position: string | null;
  readonly logHash: string;
  readonly events: number;
}

export const EMPTY_LOG: LogHead = Object.freeze({ position: null, logHash: GENESIS_LOG_HASH, events: 0 });

/**
 * The hash of an event's content as the log chain sees it: `eventHash` over its type, data, metadata
 * and revision, chained on the previous hash the event claims (genesis when it carries none).
 */
export function contentHashOf(event: RecordedEvent): string {
  return eventHash(chainOf(event.metadata)?.previousHash ?? GENESIS_HASH, event);
}

/** Whether the hash stored in the event's metadata is the hash of its content: false for an edit that was not re-hashed. */
export function storedHashMatches(event: RecordedEvent, contentHash: string = contentHashOf(event)): boolean {
  return chainOf(event.metadata)?.hash === contentHash;
}

/** The exact object hashed at each step; its canonical JSON (keys sorted, no spaces, UTF-8) is what SHA-256 reads. */
export function logStepOf(previousLogHash: string, event: RecordedEvent, contentHash: string = contentHashOf(event)) {
  return {
    eventHash: contentHash,
    eventId: event.id,
    position: encodePosition(event.position),
    previousLogHash,
    revision: event.revision,
    streamId: event.streamId,
  };
}

export function nextLogHash(previousLogHash: string, event: RecordedEvent, contentHash: string = contentHashOf(event)): string {
  // Spelled out in canonical order (keys sorted, no whitespace): byte for byte canonicalJson(logStepOf(…)), without sorting per event.
  const step =
    `{"eventHash":${JSON.stringify(contentHash)},"eventId":${JSON.stringify(event.id)},` +
    `"position":${JSON.stringify(encodePosition(event.position))},"previousLogHash":${JSON.stringify(previousLogHash)},` +
    `"revision":${JSON.stringify(event.revision)},"streamId":${JSON.stringify(event.streamId)}}`;
  return createHash('sha256').update(step).digest('hex');
}

/** One more event on the log: the new head. Events must come in position order, as `$all` gives them. */
export function foldEvent(head: LogHead, event: RecordedEvent, contentHash: string = contentHashOf(event)): LogHead {
  return { position: encodePosition(event.position), logHash: nextLogHash(head.logHash, event, contentHash), events: head.events + 1 };
}

/** A run of events (a page of `$all`) folded onto a head. */
export function foldEvents(head: LogHead, events: readonly RecordedEvent[]): LogHead {
  let folded = head;
  for (const event of events) folded = foldEvent(folded, event);
  return folded;
}
