import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json';
import { chainOf } from '../hash-chain/event-hash';
import { CREDIT_LOG, chainedLog, rehashed } from '../testing/log-chain-fixtures';
import { contentHashOf, EMPTY_LOG, foldEvent, foldEvents, GENESIS_LOG_HASH, logStepOf, nextLogHash, storedHashMatches } from './log-hash';

describe('The log chain (one hash chain over the whole log, in position order)', () => {
  const log = chainedLog(CREDIT_LOG);

  it('hashes, at each step, the canonical JSON of the previous log hash, the event’s place and its content hash', () => {
    const first = log[0];
    const expected = createHash('sha256')
      .update(
        canonicalJson({
          eventHash: chainOf(first.metadata)!.hash,
          eventId: 'shop-a-0',
          position: '1',
          previousLogHash: GENESIS_LOG_HASH,
          revision: 0,
          streamId: 'shop-a',
        }),
      )
      .digest('hex');
    expect(nextLogHash(GENESIS_LOG_HASH, first)).toBe(expected);
    expect(foldEvent(EMPTY_LOG, first)).toEqual({ position: '1', logHash: expected, events: 1 });
  });

  it('folds a page at once to the same head as one event at a time, and the head depends on every event', () => {
    const stepwise = log.reduce((head, event) => foldEvent(head, event), EMPTY_LOG);
    expect(foldEvents(EMPTY_LOG, log)).toEqual(stepwise);
    expect(foldEvents(foldEvents(EMPTY_LOG, log.slice(0, 2)), log.slice(2))).toEqual(stepwise);
    expect(stepwise).toMatchObject({ position: '6', events: 6 });
    expect(foldEvents(EMPTY_LOG, log.slice(0, 5)).logHash).not.toBe(stepwise.logHash);
  });

  it('changes when a credit is edited and every hash after it recomputed: the per-stream chains hold, the log hash does not', () => {
    const edited = rehashed(log.map((e, i) => (i === 2 ? { ...e, data: { amount: 90_000 } } : e)));
    expect(edited.every((event) => storedHashMatches(event))).toBe(true);
    expect(foldEvents(EMPTY_LOG, edited).logHash).not.toBe(foldEvents(EMPTY_LOG, log).logHash);
  });

  it('uses the hash recomputed from the content, so an edit left un-hashed changes it too, and shows as a stored hash that no longer fits', () => {
    const edited = log.map((e, i) => (i === 2 ? { ...e, data: { amount: 90_000 } } : e));
    expect(storedHashMatches(edited[2])).toBe(false);
    expect(contentHashOf(edited[2])).not.toBe(chainOf(edited[2].metadata)!.hash);
    expect(foldEvents(EMPTY_LOG, edited).logHash).not.toBe(foldEvents(EMPTY_LOG, log).logHash);
  });

  it('changes when two events swap positions, or an event is moved to another stream or renumbered', () => {
    const head = foldEvents(EMPTY_LOG, log).logHash;
    const swapped = [...log];
    [swapped[3], swapped[4]] = [
      { ...log[4], position: log[3].position },
      { ...log[3], position: log[4].position },
    ];
    expect(foldEvents(EMPTY_LOG, swapped).logHash).not.toBe(head);
    expect(
      foldEvents(
        EMPTY_LOG,
        log.map((e, i) => (i === 1 ? { ...e, streamId: 'shop-c' } : e)),
      ).logHash,
    ).not.toBe(head);
    expect(
      foldEvents(
        EMPTY_LOG,
        log.map((e, i) => (i === 1 ? { ...e, id: 'other-id' } : e)),
      ).logHash,
    ).not.toBe(head);
  });
});

describe('The log step as hashed', () => {
  it('is byte for byte the canonical JSON of the step, whatever the ids hold', () => {
    const [event] = chainedLog([['shop-"quoted"\u2028', 'ShopRegistered', { name: 'ü' }]]);
    const odd = { ...event, id: 'id-with-"quotes"-and-\\-and-\u0001', position: { commit: 12n, prepare: 10n } };
    expect(nextLogHash('1'.repeat(64), odd)).toBe(
      createHash('sha256')
        .update(canonicalJson(logStepOf('1'.repeat(64), odd)))
        .digest('hex'),
    );
  });
});
