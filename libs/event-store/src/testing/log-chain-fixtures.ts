import { EventStore, JsonObject, ReadAllOptions, RecordedEvent } from '../event-store.port';
import { eventHash, GENESIS_HASH, HASH_ALGORITHM } from '../hash-chain/event-hash';
import { comparePositions, positionAt, START } from '../position';

/** A log of chained events for the log-chain specs: `[streamId, type, data]` in position order from 1. */
export function chainedLog(entries: readonly (readonly [string, string, JsonObject])[]): RecordedEvent[] {
  const tips = new Map<string, { revision: number; hash: string }>();
  return entries.map(([streamId, type, data], index) => {
    const tip = tips.get(streamId) ?? { revision: -1, hash: GENESIS_HASH };
    const revision = tip.revision + 1;
    const metadata: JsonObject = { occurredAt: '2026-11-01T09:00:00.000Z' };
    const hash = eventHash(tip.hash, { type, data, metadata, revision });
    tips.set(streamId, { revision, hash });
    return {
      streamId,
      revision,
      position: positionAt(index + 1),
      id: `${streamId}-${revision}`,
      type,
      data,
      metadata: { ...metadata, hash, previousHash: tip.hash, hashAlgorithm: HASH_ALGORITHM },
      createdAt: new Date('2026-11-01T09:00:00.000Z'),
    };
  });
}

/** Re-chains every event of a stream from its first, as an intruder with the project's own `eventHash` would after an edit. */
export function rehashed(events: readonly RecordedEvent[]): RecordedEvent[] {
  const tips = new Map<string, string>();
  return events.map((event) => {
    const previousHash = tips.get(event.streamId) ?? GENESIS_HASH;
    const hash = eventHash(previousHash, event);
    tips.set(event.streamId, hash);
    return { ...event, metadata: { ...event.metadata, hash, previousHash } };
  });
}

/** Just enough of a store to be read along `$all`; `reads` counts the pages asked for. */
export function storeOf(events: RecordedEvent[]): EventStore & { reads: number } {
  const store = {
    reads: 0,
    async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
      store.reads += 1;
      const after = options.after ?? START;
      return events.filter((e) => comparePositions(e.position, after) > 0).slice(0, options.maxCount ?? events.length);
    },
  };
  return store as unknown as EventStore & { reads: number };
}

export const CREDIT_LOG: readonly (readonly [string, string, JsonObject])[] = [
  ['shop-a', 'ShopRegistered', { name: 'A' }],
  ['shop-b', 'ShopRegistered', { name: 'B' }],
  ['shop-a', 'FundsCredited', { amount: 10_000 }],
  ['shop-b', 'FundsCredited', { amount: 500 }],
  ['shop-a', 'WithdrawalRequested', { amount: 2_000 }],
  ['shop-b', 'FundsCredited', { amount: 700 }],
];
