import { RecordedEvent } from '../event-store.port';
import { CREDIT_LOG, chainedLog, rehashed, storeOf } from '../testing/log-chain-fixtures';
import { compareLogWithDigests } from './compare-log-with-digests';
import { LogDigest } from './log-digest';
import { EMPTY_LOG, foldEvents } from './log-hash';
import { LogHashFollower } from './log-hash-follower';

/** A digest of the log up to `upTo` events, its signature beside the point here (checked separately). */
function digestOf(events: readonly RecordedEvent[], upTo: number): LogDigest {
  const head = foldEvents(EMPTY_LOG, events.slice(0, upTo));
  return {
    ...head,
    logHashAlgorithm: 'sha256-log-chain-v1',
    signedAt: '2026-11-01T09:00:00.000Z',
    keyId: 'k',
    algorithm: 'Ed25519',
    signature: 'AA==',
  };
}

describe('Comparing the log with digests kept by an auditor', () => {
  const log = chainedLog(CREDIT_LOG);
  const creditEdited = rehashed(log.map((e, i) => (i === 2 ? { ...e, data: { amount: 90_000 } } : e)));

  it('matches an untouched log, reading in pages and stopping after the digest’s position', async () => {
    const store = storeOf(log);
    const verdict = await compareLogWithDigests(store, [digestOf(log, 4)], { pageSize: 2 });
    expect(verdict).toMatchObject({ matches: true, checkedUpTo: '4', events: 4, firstDifference: null });
    expect(store.reads).toBe(2);
  });

  it('catches a credit edited and re-hashed, at or before the digest’s position; an earlier matching digest narrows it', async () => {
    const alone = await compareLogWithDigests(storeOf(creditEdited), [digestOf(log, 6)]);
    expect(alone.matches).toBe(false);
    expect(alone.firstDifference).toMatchObject({ kind: 'log-hash-differs', position: '6', matchesUpTo: null });
    expect(alone.firstDifference!.message).toContain('cannot be placed more narrowly');
    expect(alone.firstDifference).not.toHaveProperty('alteredEvent');

    const anchored = await compareLogWithDigests(storeOf(creditEdited), [digestOf(log, 6), digestOf(log, 2), digestOf(log, 4)], {
      pageSize: 1,
    });
    expect(anchored.checks.map((c) => [c.position, c.matches])).toEqual([
      ['2', true],
      ['4', false],
      ['6', false],
    ]);
    expect(anchored.firstDifference).toMatchObject({ kind: 'log-hash-differs', position: '4', matchesUpTo: '2' });
    expect(anchored.firstDifference!.message).toContain('after position 2');
  });

  it('names the very event when the edit was not re-hashed: its content no longer fits its stored hash', async () => {
    const edited = log.map((e, i) => (i === 2 ? { ...e, data: { amount: 90_000 } } : e));
    const verdict = await compareLogWithDigests(storeOf(edited), [digestOf(log, 6)]);
    expect(verdict.firstDifference).toMatchObject({
      kind: 'log-hash-differs',
      alteredEvent: { position: '3', streamId: 'shop-a', revision: 1, eventId: 'shop-a-1' },
    });
  });

  it('says the log ends before the digest when its last events were removed', async () => {
    const verdict = await compareLogWithDigests(storeOf(log.slice(0, 5)), [digestOf(log, 6)]);
    expect(verdict).toMatchObject({
      matches: false,
      firstDifference: { kind: 'log-ends-before', position: '6', logEndsAt: '5', matchesUpTo: null },
    });
    expect(verdict.firstDifference!.message).toContain("The log ends at position 5, before the digest's position 6");
    const emptied = await compareLogWithDigests(storeOf([]), [digestOf(log, 6)]);
    expect(emptied.firstDifference).toMatchObject({ kind: 'log-ends-before', logEndsAt: null });
  });

  it('says the event a digest ends at is gone when the log skips its position', async () => {
    const verdict = await compareLogWithDigests(storeOf(log.filter((_, i) => i !== 3)), [digestOf(log, 4)]);
    expect(verdict.firstDifference).toMatchObject({ kind: 'position-missing', position: '4', logEndsAt: '3' });
  });

  it('takes a digest of the empty log as matching any log that has it as its start', async () => {
    expect(await compareLogWithDigests(storeOf(log), [digestOf(log, 0)])).toMatchObject({ matches: true, checkedUpTo: null, events: 0 });
  });
});

describe('Following the head of the log', () => {
  it('folds forward from where it stopped to the same head as a full fold, one catch-up at a time', async () => {
    const events = chainedLog(CREDIT_LOG);
    const visible: RecordedEvent[] = events.slice(0, 3);
    const store = storeOf(visible);
    const follower = new LogHashFollower(store, 2);
    expect(await follower.current()).toEqual(foldEvents(EMPTY_LOG, events.slice(0, 3)));
    const readsBefore = store.reads;
    visible.push(...events.slice(3));
    const [a, b] = await Promise.all([follower.current(), follower.current()]);
    expect(a).toEqual(foldEvents(EMPTY_LOG, events));
    expect(b).toEqual(a);
    // Only the new events were read: from position 3 on, not the log again.
    expect(store.reads - readsBefore).toBeLessThanOrEqual(4);
    expect(follower.known()).toEqual(a);
  });
});
