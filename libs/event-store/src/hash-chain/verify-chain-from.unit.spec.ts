import { RecordedEvent } from '../event-store.port';
import { positionAt } from '../position';
import { eventHash, GENESIS_HASH, HASH_ALGORITHM } from './event-hash';
import { verifyChainFrom } from './verify-chain-from';

/** A chained stream of `count` events, built as the hash-chaining store writes them. */
function chainedStream(count: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let previousHash = GENESIS_HASH;
  for (let revision = 0; revision < count; revision++) {
    const base = { type: 'Noted', data: { n: revision }, metadata: { hashAlgorithm: HASH_ALGORITHM, previousHash }, revision };
    const hash = eventHash(previousHash, base);
    events.push({
      ...base,
      metadata: { ...base.metadata, hash },
      streamId: 's-1',
      id: `e-${revision}`,
      position: positionAt(revision + 1),
      createdAt: new Date(0),
    });
    previousHash = hash;
  }
  return events;
}

const hashOf = (event: RecordedEvent) => event.metadata.hash as string;

describe('verifyChainFrom: the chain of the events a load reads', () => {
  it('given no snapshot, checks from the first event', () => {
    const events = chainedStream(4);
    expect(verifyChainFrom('s-1', events, null)).toMatchObject({ intact: true, lastHash: hashOf(events[3]) });
  });

  it('given a snapshot at revision 2 with its hash, the events read from it on verify without the ones before', () => {
    const events = chainedStream(6).slice(2);
    const verdict = verifyChainFrom('s-1', events, { revision: 2, eventId: 'e-2', hash: hashOf(events[0]), heldBy: 'snapshot' });
    expect(verdict).toMatchObject({ intact: true, events: 4, lastHash: hashOf(events[3]) });
  });

  it('given a snapshot whose hash is not the event’s, the first event is named altered', () => {
    const events = chainedStream(4).slice(2);
    const verdict = verifyChainFrom('s-1', events, { revision: 2, eventId: 'e-2', hash: 'c'.repeat(64), heldBy: 'snapshot' });
    expect(verdict.firstProblem).toMatchObject({ kind: 'altered', revision: 2, eventId: 'e-2' });
  });

  it('given the snapshot’s event altered and re-hashed on its own, it no longer matches the snapshot', () => {
    const [snapshotted, next] = chainedStream(4).slice(2);
    const forgedBase = { ...snapshotted, data: { n: 99 } };
    const forged = {
      ...forgedBase,
      metadata: { ...snapshotted.metadata, hash: eventHash(snapshotted.metadata.previousHash as string, forgedBase) },
    };
    const verdict = verifyChainFrom('s-1', [forged, next], { revision: 2, eventId: 'e-2', hash: hashOf(snapshotted), heldBy: 'snapshot' });
    expect(verdict.firstProblem).toMatchObject({ kind: 'altered', revision: 2 });
  });

  it('given an event after the snapshot altered, it is named', () => {
    const events = chainedStream(5).slice(1);
    events[2] = { ...events[2], data: { n: 1234 } };
    const verdict = verifyChainFrom('s-1', events, { revision: 1, eventId: 'e-1', hash: hashOf(events[0]), heldBy: 'snapshot' });
    expect(verdict.firstProblem).toMatchObject({ kind: 'altered', revision: 3, eventId: 'e-3' });
  });

  it('given a cached state whose hash this process does not know (it appended the event), the event must still hash as recorded', () => {
    const events = chainedStream(3).slice(1);
    events[0] = { ...events[0], data: { n: -1 } };
    const verdict = verifyChainFrom('s-1', events, { revision: 1, eventId: 'e-1', hash: null, heldBy: 'cached state' });
    expect(verdict.firstProblem).toMatchObject({ kind: 'altered', revision: 1 });
  });

  it('given the stream now ends before the snapshot’s revision, the missing revision is named removed', () => {
    const verdict = verifyChainFrom('s-1', [], { revision: 7, eventId: 'e-7', hash: 'd'.repeat(64), heldBy: 'snapshot' });
    expect(verdict.firstProblem).toMatchObject({ kind: 'removed', revision: 7, eventId: null, before: null, after: null });
  });
});
