import { StreamNotFoundError } from '../event-store.errors';
import { EventStore, RecordedEvent } from '../event-store.port';
import { encodePosition, Position, START } from '../position';
import { chainOf, eventHash, GENESIS_HASH } from './event-hash';
import { ChainProblem, ChainVerdict, verifyChain } from './verify-chain';

/** Positions of `$all` that should hold an event and do not: an event was deleted from the log. */
export interface PositionGap {
  readonly kind: 'position-gap';
  /** First and last missing position (wire form). */
  readonly missingFrom: string;
  readonly missingTo: string;
  readonly missing: string;
  /** The event just before the gap, if any: the deleted event came after it in the log. */
  readonly after: { readonly streamId: string; readonly revision: number; readonly eventId: string; readonly position: string } | null;
  readonly message: string;
}

/** A break in one stream's chain (at the position of the event it names), or a hole in the log. */
export type LogProblem = (ChainProblem & { readonly position: string }) | PositionGap;

export interface VerifyLogOptions {
  /** Events read from `$all` per page (default 1,000): memory stays flat whatever the size of the log. */
  readonly pageSize?: number;
  /**
   * The store numbers its events 1, 2, 3, … with no holes (the embedded SQLite store does; KurrentDB's
   * positions are byte offsets and do not). Then a hole is a deleted event, which is how the removal of
   * the last event of a stream is caught: it breaks no chain.
   */
  readonly contiguousPositions?: boolean;
  /** With `contiguousPositions`: the position the store numbered first (default 1). */
  readonly firstPosition?: bigint;
  /**
   * The highest position the store ever handed out, if it keeps that apart from the events
   * (SQLite's `sqlite_sequence`): catches the deletion of the very last events of the log.
   */
  readonly expectedHead?: Position;
  /** At most this many problems are listed (default 100); `problemsFound` counts them all. */
  readonly maxProblems?: number;
  /** Called after every page, e.g. for a progress line. */
  readonly onProgress?: (progress: { readonly events: number; readonly position: Position }) => void;
}

export interface LogVerdict {
  readonly intact: boolean;
  readonly events: number;
  readonly streams: number;
  readonly brokenStreams: number;
  /** Position of the last event read (wire form), or null for an empty log. */
  readonly head: string | null;
  readonly firstProblem: LogProblem | null;
  readonly problems: readonly LogProblem[];
  readonly problemsFound: number;
  readonly checks: { readonly chains: true; readonly contiguousPositions: boolean; readonly expectedHead: string | null };
}

interface StreamWalk {
  nextRevision: number;
  previousHash: string;
  events: number;
  broken: boolean;
  /** The event where the walk along the log broke, to order the problems along the log. */
  brokenAt: RecordedEvent | null;
}

/**
 * Verifies the whole log: every stream's hash chain, read from `$all` in pages, and (on a store
 * whose positions have no holes) that no position is missing. Streams are checked as they go by,
 * keeping only each stream's last hash; a stream whose chain breaks is then read on its own and
 * handed to `verifyChain`, which names the first altered, removed, inserted or reordered event.
 */
export async function verifyLog(store: EventStore, options: VerifyLogOptions = {}): Promise<LogVerdict> {
  const pageSize = options.pageSize ?? 1000;
  const maxProblems = options.maxProblems ?? 100;
  const contiguous = options.contiguousPositions ?? false;
  const walks = new Map<string, StreamWalk>();
  const gaps: PositionGap[] = [];
  let events = 0;
  let after: Position = START;
  let previous: RecordedEvent | null = null;
  let expectedNext = options.firstPosition ?? 1n;

  for (;;) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const event of page) {
      events += 1;
      if (contiguous && event.position.commit !== expectedNext) gaps.push(gapBetween(expectedNext, event.position.commit - 1n, previous));
      expectedNext = event.position.commit + 1n;
      walk(walks, event);
      previous = event;
    }
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    options.onProgress?.({ events, position: after });
    if (page.length < pageSize) break;
  }
  if (options.expectedHead !== undefined && options.expectedHead.commit >= expectedNext && contiguous) {
    gaps.push(gapBetween(expectedNext, options.expectedHead.commit, previous));
  }

  const chainProblems: { problem: LogProblem; at: Position }[] = [];
  for (const [streamId, state] of walks) {
    if (!state.broken) continue;
    const { verdict, events: streamEvents } = await verifyStream(store, streamId);
    const problem = verdict.firstProblem ?? outOfLogOrder(state.brokenAt!);
    // A removed event has no position of its own left: the report names where its hole is noticed, the event after it.
    const named = streamEvents.find((e) => e.id === (problem.eventId ?? problem.after?.eventId)) ?? state.brokenAt!;
    chainProblems.push({ problem: { ...problem, position: encodePosition(named.position) }, at: state.brokenAt!.position });
  }
  // Problems in log order: a gap sits where its missing positions are.
  const ordered = [
    ...chainProblems,
    ...gaps.map((gap) => ({ problem: gap, at: { commit: BigInt(gap.missingFrom), prepare: BigInt(gap.missingFrom) } })),
  ].sort((a, b) => (a.at.commit < b.at.commit ? -1 : a.at.commit > b.at.commit ? 1 : 0));
  const problems = ordered.map((p) => p.problem);

  return {
    intact: problems.length === 0,
    events,
    streams: walks.size,
    brokenStreams: chainProblems.length,
    head: previous === null ? null : encodePosition(previous.position),
    firstProblem: problems[0] ?? null,
    problems: problems.slice(0, maxProblems),
    problemsFound: problems.length,
    checks: {
      chains: true,
      contiguousPositions: contiguous,
      expectedHead: options.expectedHead === undefined ? null : encodePosition(options.expectedHead),
    },
  };
}

/** One more event of a stream, in log order: it must be the next revision and chain onto the one before. */
function walk(walks: Map<string, StreamWalk>, event: RecordedEvent): void {
  let state = walks.get(event.streamId);
  if (state === undefined) {
    state = { nextRevision: 0, previousHash: GENESIS_HASH, events: 0, broken: false, brokenAt: null };
    walks.set(event.streamId, state);
  }
  state.events += 1;
  if (state.broken) return;
  const chain = chainOf(event.metadata);
  const fits =
    event.revision === state.nextRevision &&
    chain !== null &&
    chain.previousHash === state.previousHash &&
    eventHash(chain.previousHash, event) === chain.hash;
  if (!fits) {
    state.broken = true;
    state.brokenAt = event;
    return;
  }
  state.nextRevision += 1;
  state.previousHash = chain.hash;
}

async function verifyStream(store: EventStore, streamId: string): Promise<{ verdict: ChainVerdict; events: RecordedEvent[] }> {
  let events: RecordedEvent[] = [];
  try {
    events = await store.readStream(streamId);
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }
  return { verdict: verifyChain(streamId, events), events };
}

/**
 * The stream's chain holds in revision order, yet along the log its events come out of sequence:
 * someone renumbered positions (moved events along `$all`) without touching their revisions.
 */
function outOfLogOrder(event: RecordedEvent): ChainProblem {
  return {
    kind: 'reordered',
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.id,
    message: `The event at revision ${event.revision} of ${event.streamId} sits out of sequence in the log (position ${encodePosition(event.position)}): positions were changed`,
  };
}

function gapBetween(from: bigint, to: bigint, before: RecordedEvent | null): PositionGap {
  const missing = to - from + 1n;
  const where =
    before === null
      ? 'at the start of the log'
      : `after ${before.streamId} revision ${before.revision} (position ${encodePosition(before.position)})`;
  return {
    kind: 'position-gap',
    missingFrom: from.toString(),
    missingTo: to.toString(),
    missing: missing.toString(),
    after:
      before === null
        ? null
        : { streamId: before.streamId, revision: before.revision, eventId: before.id, position: encodePosition(before.position) },
    message:
      missing === 1n
        ? `Position ${from} is missing ${where}: an event was deleted from the log`
        : `Positions ${from}..${to} are missing ${where}: ${missing} events were deleted from the log`,
  };
}
