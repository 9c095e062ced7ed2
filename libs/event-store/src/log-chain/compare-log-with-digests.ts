import { EventStore, RecordedEvent } from '../event-store.port';
import { chainOf } from '../hash-chain/event-hash';
import { comparePositions, encodePosition, parsePosition, Position, START } from '../position';
import { LogDigest } from './log-digest';
import { contentHashOf, EMPTY_LOG, foldEvent, LogHead, storedHashMatches } from './log-hash';

export type DifferenceKind = 'log-hash-differs' | 'position-missing' | 'log-ends-before';

/** One digest held against the log as it is now. */
export interface DigestCheck {
  readonly position: string | null;
  readonly signedAt: string;
  readonly matches: boolean;
  readonly kind?: DifferenceKind;
  /** The log as recomputed from its events now, up to the digest's position (or as far as it goes). */
  readonly recomputed: LogHead;
  readonly message: string;
}

/** An event whose content no longer hashes to the hash stored beside it: edited without being re-hashed. */
export interface UnhashedEdit {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly eventId: string;
}

/** Where the log and the digests part, as narrowly as they prove it. */
export interface FirstDifference {
  readonly kind: DifferenceKind;
  /** The position of the first digest the log no longer matches: the change is at or before it. */
  readonly position: string | null;
  /** The last digest position the log still matches, if any: the change is after it. Null: anywhere from the first event. */
  readonly matchesUpTo: string | null;
  /** With `log-ends-before` (and `position-missing`): the last event the log still has before the digest's position. */
  readonly logEndsAt?: string | null;
  /** An event within that range whose stored hash no longer fits its content: the edit is there (a re-hashed edit shows no such event). */
  readonly alteredEvent?: UnhashedEdit;
  readonly message: string;
}

export interface LogDigestComparison {
  /** Every digest matches the log. */
  readonly matches: boolean;
  /** The highest position compared (the last digest's), null when only empty-log digests were given. */
  readonly checkedUpTo: string | null;
  readonly events: number;
  readonly checks: readonly DigestCheck[];
  readonly firstDifference: FirstDifference | null;
}

export interface CompareOptions {
  /** Events read per page (default 1,000); between pages the event loop is let go, so a long log does not hold up the service. */
  readonly pageSize?: number;
  readonly onProgress?: (progress: { readonly events: number }) => void;
}

const MAX_UNHASHED = 1000;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Recomputes the log chain from the events themselves, never from a stored log hash, and holds it
 * against each digest at the digest's position. One pass, in pages, stopping after the last digest.
 * Digests are taken as given: check their signatures first (verifyDigestSignature).
 */
export async function compareLogWithDigests(
  store: EventStore,
  digests: readonly LogDigest[],
  options: CompareOptions = {},
): Promise<LogDigestComparison> {
  const pageSize = options.pageSize ?? 1000;
  const targets = digests
    .map((digest) => ({ digest, at: digest.position === null ? null : parsePosition(digest.position) }))
    .sort((a, b) => (a.at === null ? (b.at === null ? 0 : -1) : b.at === null ? 1 : comparePositions(a.at, b.at)));
  const checks: DigestCheck[] = [];
  const unhashed: UnhashedEdit[] = [];
  let head: LogHead = EMPTY_LOG;
  let next = 0;
  const compareAt = (kind?: DifferenceKind) => {
    const { digest } = targets[next++];
    checks.push(kind === undefined ? checkHead(digest, head) : differs(digest, head, kind));
  };
  while (next < targets.length && targets[next].at === null) compareAt();

  let after: Position = START;
  reading: while (next < targets.length) {
    const page = await store.readAll({ after, maxCount: pageSize });
    for (const event of page) {
      while (next < targets.length && comparePositions(targets[next].at!, event.position) < 0) compareAt('position-missing');
      if (next >= targets.length) break reading;
      const contentHash = contentHashOf(event);
      // Events written before chaining carry no hash to hold against; a bounded list is enough to name the first edit.
      if (chainOf(event.metadata) !== null && !storedHashMatches(event, contentHash) && unhashed.length < MAX_UNHASHED)
        unhashed.push(unhashedEdit(event));
      head = foldEvent(head, event, contentHash);
      while (next < targets.length && comparePositions(targets[next].at!, event.position) === 0) compareAt();
    }
    options.onProgress?.({ events: head.events });
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
    await yieldToEventLoop();
  }
  while (next < targets.length) compareAt('log-ends-before');

  const failed = checks.findIndex((check) => !check.matches);
  const last = checks.length === 0 ? null : checks[checks.length - 1].position;
  return {
    matches: failed === -1,
    checkedUpTo: last,
    events: head.events,
    checks,
    firstDifference: failed === -1 ? null : firstDifferenceOf(checks, failed, unhashed),
  };
}

function checkHead(digest: LogDigest, head: LogHead): DigestCheck {
  const matches = head.logHash === digest.logHash && head.events === digest.events;
  if (matches)
    return {
      position: digest.position,
      signedAt: digest.signedAt,
      matches,
      recomputed: head,
      message: `The log matches the digest up to position ${digest.position ?? '(empty log)'}`,
    };
  return differs(digest, head, 'log-hash-differs');
}

function differs(digest: LogDigest, head: LogHead, kind: DifferenceKind): DigestCheck {
  const at = digest.position ?? '(empty log)';
  const message =
    kind === 'log-hash-differs'
      ? `Up to position ${at} the log now hashes to ${head.logHash} over ${head.events} events; the digest says ${digest.logHash} over ${digest.events}: events at or before position ${at} were altered, removed, inserted or re-hashed`
      : kind === 'position-missing'
        ? `There is no event at position ${at} any more (the log goes on from ${head.position ?? 'its start'} to a later position): the event the digest ends at was removed, or positions were renumbered`
        : `The log ends ${head.position === null ? 'before its first event (it is empty)' : `at position ${head.position}`}, before the digest's position ${at}: events after ${head.position ?? 'the start'} were removed`;
  return { position: digest.position, signedAt: digest.signedAt, matches: false, kind, recomputed: head, message };
}

function firstDifferenceOf(checks: readonly DigestCheck[], failed: number, unhashed: readonly UnhashedEdit[]): FirstDifference {
  const check = checks[failed];
  const matchedBefore = checks
    .slice(0, failed)
    .filter((c) => c.matches)
    .pop();
  const matchesUpTo = matchedBefore?.position ?? null;
  const lower = matchesUpTo === null ? null : parsePosition(matchesUpTo);
  const upper = check.position === null ? null : parsePosition(check.position);
  const alteredEvent = unhashed.find((edit) => {
    const at = parsePosition(edit.position)!;
    return (lower === null || comparePositions(at, lower) > 0) && (upper === null || comparePositions(at, upper) <= 0);
  });
  const range =
    check.kind === 'log-ends-before'
      ? ''
      : matchesUpTo === null
        ? ` The change is at or before position ${check.position}; no earlier digest matches, so it cannot be placed more narrowly.`
        : ` The change is after position ${matchesUpTo} (where an earlier digest still matches) and at or before position ${check.position}.`;
  const pinpoint =
    alteredEvent === undefined
      ? ''
      : ` The event at position ${alteredEvent.position} (${alteredEvent.streamId} revision ${alteredEvent.revision}) no longer matches its own stored hash: it was edited there.`;
  return {
    kind: check.kind!,
    position: check.position,
    matchesUpTo,
    ...(check.kind === 'log-hash-differs' ? {} : { logEndsAt: check.recomputed.position }),
    ...(alteredEvent === undefined ? {} : { alteredEvent }),
    message: `${check.message}.${range}${pinpoint}`,
  };
}

function unhashedEdit(event: RecordedEvent): UnhashedEdit {
  return { position: encodePosition(event.position), streamId: event.streamId, revision: event.revision, eventId: event.id };
}
