import {
  encodePosition,
  EventStore,
  locatedProblem,
  occurredAtOf,
  readStreamWithStoredForm,
  RecordedEvent,
  StoredAndRead,
  StreamIntegrityBrokenError,
  StreamIntegrityProblem,
  StreamNotFoundError,
  verifyChain,
} from '@shoplink/event-store';
import { shopEventCodec } from '../codec/shop-event-codec';
import { evolveShop } from '../domain/evolve-shop';
import { shopStreamId } from '../domain/shop.events';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { initialShopState, OpenUnlinkRequest, RegisteredShop, ShopState } from '../domain/shop.state';

/** Up to which point to replay: a moment (business time, see below) or a stream revision, inclusive. */
export type ReplayPoint = { readonly asOf: Date } | { readonly revision: number };

/** An event of the stream as an audit answer names it. */
export interface ReplayedEventRef {
  readonly revision: number;
  readonly position: string;
  readonly id: string;
  readonly type: string;
  readonly occurredAt: string;
  /** The policy version the event was decided under (metadata.policyVersion); null for events from before the policy was data. */
  readonly policyVersion: string | null;
}

/** A shop as an audit shows it: the domain's own state, minus the unlink codes' salted hashes. */
export type AuditedShop = Omit<RegisteredShop, 'unlinkRequests'> & {
  readonly unlinkRequests: Readonly<Record<string, Omit<OpenUnlinkRequest, 'codeHash' | 'codeSalt'>>>;
};

export interface ShopStateAsOf {
  readonly shopId: string;
  readonly streamId: string;
  /** The last event applied: the state is the one this event left. */
  readonly stoppedAt: ReplayedEventRef;
  /** The first event not applied (the state held until it occurred), or null when the replay reached the end. */
  readonly nextEvent: ReplayedEventRef | null;
  readonly eventsApplied: number;
  /** The stream's last revision today. */
  readonly lastRevision: number;
  readonly state: AuditedShop;
  /** The hash chain of the events replayed, from the first to `stoppedAt`: the state is only as trustworthy as they are. */
  readonly integrity: ReplayIntegrity;
  /** Plain words for whoever reads the answer; empty when the chain holds. */
  readonly warnings: readonly string[];
}

export interface ReplayIntegrity {
  readonly intact: boolean;
  /** The last revision checked (that of `stoppedAt`). */
  readonly checkedThrough: number;
  readonly firstProblem: StreamIntegrityProblem | null;
}

const PAGE = 500;

/** A moment with its time zone, so it names one instant wherever it is read. */
export const INSTANT_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const INSTANT_FORMAT = 'an ISO 8601 date-time with a time zone, e.g. 2026-11-01T09:00:00Z';

/**
 * Rebuilds a shop as it was at a moment or a revision by replaying the domain's own `evolveShop`
 * over a prefix of its stream: never a read model, never a later event.
 *
 * A moment is compared with each event's `metadata.occurredAt`, the business time at which the
 * domain decided it, read from the same clock the rules (24 hours, 48 hours, 90 days) were judged
 * on; `createdAt` (the store's clock at the append) only stands in for an event without one. The
 * replay stops at the first event that occurred after the moment, so the answer is always a state
 * the shop really had: the longest prefix of its history that had happened by then.
 *
 * Refusals (ShopRuleViolation, not_found): SHOP_NOT_FOUND (no stream), SHOP_NOT_YET_REGISTERED
 * (the moment comes before the registration), REVISION_NOT_FOUND (beyond the stream's end);
 * REPLAY_FAILED (rule) when the domain cannot apply a stored event, which an integrity check explains.
 *
 * The chain of the events replayed is checked. An auditor still gets the state when one of them was
 * altered, inserted or reordered (to see what the stored events now claim), flagged in `integrity`
 * and `warnings`; across a removed event there is no such state (revisions no longer mean what they
 * did, and the replay would skip what happened), so that is refused: StreamIntegrityBrokenError.
 */
export async function shopStateAsOf(store: EventStore, shopId: string, point: ReplayPoint): Promise<ShopStateAsOf> {
  const streamId = shopStreamId(shopId);
  if ('revision' in point && !(Number.isSafeInteger(point.revision) && point.revision >= 0)) {
    throw new Error(`revision must be an integer >= 0, got ${point.revision}`);
  }
  let state: ShopState = initialShopState;
  let stoppedAt: RecordedEvent | null = null;
  let nextEvent: RecordedEvent | null = null;
  let first: RecordedEvent | null = null;
  let applied = 0;
  let lastRevision = -1;
  let from = 0;
  const replayedAsStored: RecordedEvent[] = [];
  let nextAsStored: RecordedEvent | null = null;

  for (;;) {
    const maxCount = 'revision' in point ? Math.min(PAGE, point.revision + 2 - from) : PAGE;
    const { stored, read: page } = await readPage(store, streamId, from, maxCount, shopId);
    for (const [index, event] of page.entries()) {
      first ??= event;
      lastRevision = event.revision;
      if (nextEvent !== null) continue;
      if (!includes(point, event)) {
        nextEvent = event;
        nextAsStored = stored[index];
        continue;
      }
      replayedAsStored.push(stored[index]);
      state = replay(state, event);
      stoppedAt = event;
      applied += 1;
    }
    if (page.length < maxCount || nextEvent !== null) break;
    from = page[page.length - 1].revision + 1;
  }
  if (nextEvent !== null) lastRevision = await lastRevisionOf(store, streamId, lastRevision);

  const integrity = integrityOf(streamId, point, replayedAsStored, nextAsStored);
  if (integrity.firstProblem?.kind === 'removed') throw new StreamIntegrityBrokenError(integrity.firstProblem);
  if ('revision' in point && (stoppedAt === null || stoppedAt.revision < point.revision)) {
    throw new ShopRuleViolation(
      'REVISION_NOT_FOUND',
      'not_found',
      `Stream ${streamId} has no revision ${point.revision}; its last is ${lastRevision}`,
      [{ code: 'REVISION_NOT_FOUND', message: `The last revision of ${streamId} is ${lastRevision}` }],
    );
  }
  if (stoppedAt === null || !state.registered) {
    const registeredAt = first === null ? 'never' : occurredAtOf(first);
    throw new ShopRuleViolation(
      'SHOP_NOT_YET_REGISTERED',
      'not_found',
      `Shop ${shopId} was not registered yet at that point; it was registered at ${registeredAt}`,
      [
        {
          code: 'SHOP_NOT_YET_REGISTERED',
          message: `First event: ${first?.type ?? 'none'} at ${registeredAt} (revision ${first?.revision ?? '-'})`,
        },
      ],
    );
  }
  return {
    shopId,
    streamId,
    stoppedAt: refOf(stoppedAt),
    nextEvent: nextEvent === null ? null : refOf(nextEvent),
    eventsApplied: applied,
    lastRevision,
    state: auditViewOfShop(state),
    integrity,
    warnings: integrity.firstProblem === null ? [] : [warningOf(integrity.firstProblem)],
  };
}

/**
 * The chain of the events replayed. The next event is read with them because it tells an event
 * slipped in before it (inserted) from one changed (altered). A break from the next event on is
 * not this answer's (the state does not rest on it), except a hole just before it: the missing
 * event may be the revision asked for, or may have occurred by the moment asked for.
 */
function integrityOf(
  streamId: string,
  point: ReplayPoint,
  replayed: readonly RecordedEvent[],
  next: RecordedEvent | null,
): ReplayIntegrity {
  const checkedThrough = replayed.at(-1)?.revision ?? -1;
  const read = next === null ? replayed : [...replayed, next];
  const problem = verifyChain(streamId, read).firstProblem;
  const holeBeforeNext = problem?.kind === 'removed' && ('asOf' in point || problem.revision <= point.revision);
  const ours = problem !== null && (problem.revision <= checkedThrough || holeBeforeNext);
  return { intact: !ours, checkedThrough, firstProblem: ours ? locatedProblem(problem, read) : null };
}

function warningOf(problem: StreamIntegrityProblem): string {
  return (
    `The hash chain of ${problem.streamId} breaks at revision ${problem.revision} (${problem.kind}): ${problem.message}. ` +
    'This state is rebuilt from events that are not as they were written; Shoplink refuses commands on this stream'
  );
}

/**
 * The shop without the salted hashes of open unlink codes: they prove nothing to an auditor and an
 * 8-digit code is cheap to brute-force from its hash. (The raw events keep them: the chain hashes them.)
 */
export function auditViewOfShop(shop: RegisteredShop): AuditedShop {
  const unlinkRequests = Object.fromEntries(
    Object.entries(shop.unlinkRequests).map(([id, { codeHash: _hash, codeSalt: _salt, ...request }]) => [id, request]),
  );
  return { ...shop, unlinkRequests };
}

function includes(point: ReplayPoint, event: RecordedEvent): boolean {
  return 'revision' in point ? event.revision <= point.revision : Date.parse(occurredAtOf(event)) <= point.asOf.getTime();
}

function replay(state: ShopState, event: RecordedEvent): ShopState {
  try {
    return evolveShop(state, shopEventCodec.decode(event));
  } catch (error) {
    throw new ShopRuleViolation(
      'REPLAY_FAILED',
      'rule',
      `The event at revision ${event.revision} (${event.type}) cannot be replayed; check the stream's integrity`,
      [
        {
          code: 'REPLAY_FAILED',
          message: `${event.type} at revision ${event.revision}: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    );
  }
}

function refOf(event: RecordedEvent): ReplayedEventRef {
  return {
    revision: event.revision,
    position: encodePosition(event.position),
    id: event.id,
    type: event.type,
    occurredAt: occurredAtOf(event),
    policyVersion: typeof event.metadata.policyVersion === 'string' ? event.metadata.policyVersion : null,
  };
}

async function readPage(
  store: EventStore,
  streamId: string,
  fromRevision: number,
  maxCount: number,
  shopId: string,
): Promise<StoredAndRead> {
  try {
    return await readStreamWithStoredForm(store, streamId, { fromRevision, maxCount });
  } catch (error) {
    if (error instanceof StreamNotFoundError) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
    throw error;
  }
}

async function lastRevisionOf(store: EventStore, streamId: string, seen: number): Promise<number> {
  const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  return last?.revision ?? seen;
}

/** The instant an `INSTANT_PATTERN` text names, or null for a day that does not exist (2026-02-30). */
export function parseInstant(text: string): Date | null {
  const match = INSTANT_PATTERN.exec(text);
  if (match === null) return null;
  const [year, month, day] = text.slice(0, 10).split('-').map(Number);
  const [hour, minute] = [Number(text.slice(11, 13)), Number(text.slice(14, 16))];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59) return null;
  const instant = new Date(text);
  return Number.isNaN(instant.getTime()) ? null : instant;
}
