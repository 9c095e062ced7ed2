import { readStoredAndReadOrEmpty, StreamStates } from '@shoplink/command-handling';
import {
  BrokenStreams,
  ChainAnchor,
  ChainProblem,
  EventStore,
  JsonObject,
  locatedProblem,
  NO_SNAPSHOTS,
  RecordedEvent,
  SnapshotStore,
  StoredAndRead,
  StreamIntegrityBrokenError,
  verifyChainFrom,
} from '@shoplink/event-store';
import { shopEventCodec } from '../codec/shop-event-codec';
import { foldShopInPlace, SHOP_EVOLVE_VERSION } from '../domain/evolve-shop';
import { ShopEvent, shopStreamId } from '../domain/shop.events';
import { initialShopState, ShopState, shopStateFromSnapshot } from '../domain/shop.state';
import { FoldedShop, ShopStateCache } from './shop-state-cache';
import { entryOf } from '../domain/id-table';

export interface ShopStatesOptions {
  readonly eventStore: EventStore;
  readonly snapshots?: SnapshotStore;
  /** Shops whose state stays in memory (default 10,000; 0 turns the cache off). */
  readonly maxCachedShops?: number;
  /** A snapshot is stored once a shop has moved this many events past its last one (default 1,000). */
  readonly snapshotEvery?: number;
  /** Told which streams a load found broken, and which it found intact again (readiness, metrics). */
  readonly brokenStreams?: BrokenStreams;
}

/**
 * Shop states without replaying from zero. A load starts from the cached state, else the
 * stored snapshot, else nothing, and reads the stream from that revision on: the first event
 * read must be the one the state was folded up to (so a cache or snapshot that no longer sits
 * on the stream is dropped and the stream replayed), and the rest are folded on. The read
 * always happens, which is why another writer's appends are seen; the append that follows a
 * decision carries the revision loaded, which catches an append made after the read.
 *
 * Nothing is decided on a broken hash chain: every event read is checked (from the first event,
 * or chained on from the one the snapshot or cached state recorded, by id and hash), and a break
 * throws StreamIntegrityBrokenError. A snapshot that disagrees with the stream is refused too, not
 * dropped: either it or the events were changed, and replaying the events would trust them.
 * Events this process appended move the cache on unread; the next read checks them.
 *
 * Cached states are owned by this class and updated in place (see foldShopInPlace); callers
 * only read them, synchronously after the load.
 */
export class ShopStates implements StreamStates<ShopState, ShopEvent> {
  private readonly cache: ShopStateCache;
  private readonly snapshots: SnapshotStore;
  private readonly snapshotEvery: number;

  constructor(private readonly options: ShopStatesOptions) {
    this.cache = new ShopStateCache(options.maxCachedShops ?? 10_000);
    this.snapshots = options.snapshots ?? NO_SNAPSHOTS;
    this.snapshotEvery = options.snapshotEvery ?? 1_000;
  }

  async load(streamId: string): Promise<FoldedShop> {
    for (;;) {
      const cached = this.cache.get(streamId);
      const start = cached ?? (await this.fromSnapshot(streamId));
      const { stored, read } = await this.readFrom(streamId, start?.revision ?? 0);
      // A cached state is folded in place: if another load or an append moved it on while this one
      // read, folding these events onto it would apply some twice. Start again from where it is now.
      if (cached !== undefined && this.cache.peek(streamId) !== cached) continue;
      // The cached state no longer sits on the stream (it changed under this process): load it cold, which checks it.
      if (cached !== undefined && read[0]?.id !== cached.eventId) {
        this.cache.delete(streamId);
        continue;
      }
      const verdict = verifyChainFrom(streamId, stored, start === null ? null : anchorOf(start, cached !== undefined));
      if (!verdict.intact) this.refuse(verdict.firstProblem!, stored);
      this.options.brokenStreams?.verified(streamId);
      const folded = start === null ? this.replayOf(read, verdict.lastHash) : this.continueFrom(start, read, verdict.lastHash);
      this.keep(streamId, folded);
      return folded;
    }
  }

  /**
   * For a query that answers beside a read-model document folded up to `revision` (the status
   * answer's live blockers): the cached state when it has reached that revision, without reading
   * the stream; otherwise a load, which reads it. The state is then at least as recent as the
   * document it is answered with (read-your-writes: this process's own appends are in the cache at
   * once); another process's later appends show once the read model has them, or once a command
   * here reads the stream, which commands always do (`load`).
   */
  async loadAtLeast(streamId: string, revision: number): Promise<FoldedShop> {
    const cached = this.cache.get(streamId);
    if (cached !== undefined && cached.revision >= revision) return cached;
    return this.load(streamId);
  }

  /**
   * This process appended `events` right after the state it loaded at `revision`: the cached
   * state moves on without reading them back, unless another command moved it meanwhile.
   */
  appended(streamId: string, revision: number, events: readonly ShopEvent[], eventIds: readonly string[]): void {
    const entry = this.cache.get(streamId);
    if (entry === undefined || entry.revision !== revision || events.length === 0) return;
    const state = foldShopInPlace(entry.state, events);
    const eventId = eventIds[eventIds.length - 1];
    this.keep(streamId, { ...entry, state, revision: revision + events.length, eventId, eventHash: null });
  }

  /** Whether the shop's stream shows the account linked now: what an account's claim stands for. */
  /** Whether the shop's stream records its registration, and whether it is closed (a business registration claim stands for it). */
  async registrationOf(shopId: string): Promise<'registered' | 'closed' | 'not_registered'> {
    const { state } = await this.load(shopStreamId(shopId));
    if (!state.registered) return 'not_registered';
    return state.status === 'closed' ? 'closed' : 'registered';
  }

  async isLinkedAtShop(shopId: string, accountId: string): Promise<boolean> {
    const { state } = await this.load(shopStreamId(shopId));
    return state.registered && entryOf(state.links, accountId)?.state === 'linked';
  }

  /** The stored snapshot, unless it records no hash to check it by (kept before snapshots did): then none. */
  private async fromSnapshot(streamId: string): Promise<FoldedShop | null> {
    const snapshot = await this.snapshots.load(streamId, SHOP_EVOLVE_VERSION);
    if (snapshot === null || snapshot.eventHash === undefined) return null;
    return {
      state: shopStateFromSnapshot(snapshot.state as unknown as ShopState),
      revision: snapshot.revision,
      eventId: snapshot.eventId,
      eventHash: snapshot.eventHash,
      snapshotRevision: snapshot.revision,
    };
  }

  /** Folds the events read from the state's own revision on (the first is the one it was folded up to, checked). */
  private continueFrom(from: FoldedShop, events: readonly RecordedEvent[], lastHash: string | null): FoldedShop {
    if (events.length === 1) return { ...from, eventHash: lastHash };
    const state = foldShopInPlace(from.state, decoded(events.slice(1)));
    const last = events[events.length - 1];
    return { ...from, state, revision: last.revision, eventId: last.id, eventHash: lastHash };
  }

  private refuse(problem: ChainProblem, stored: readonly RecordedEvent[]): never {
    const located = locatedProblem(problem, stored);
    this.cache.delete(problem.streamId);
    this.options.brokenStreams?.found(located);
    throw new StreamIntegrityBrokenError(located);
  }

  /** From the first event: registered() builds fresh collections, so the state folded from the shared initial one is owned. */
  private replayOf(events: readonly RecordedEvent[], lastHash: string | null): FoldedShop {
    const state = foldShopInPlace(initialShopState, decoded(events));
    const last = events.at(-1);
    return { state, revision: last?.revision ?? -1, eventId: last?.id ?? null, eventHash: lastHash, snapshotRevision: -1 };
  }

  private keep(streamId: string, folded: FoldedShop): void {
    if (folded.revision < 0) return; // nothing to cache for a shop that does not exist yet
    let entry = folded;
    // A snapshot needs the hash of its last event, known once a read has checked it (not right after this process's append).
    const snapshotDue = folded.revision - folded.snapshotRevision >= this.snapshotEvery;
    if (snapshotDue && folded.eventId !== null && folded.eventHash !== null) {
      entry = { ...folded, snapshotRevision: folded.revision };
      // Not awaited, and failures only mean the next cold load reads more events.
      this.snapshots
        .save({
          streamId,
          revision: folded.revision,
          eventId: folded.eventId,
          eventHash: folded.eventHash,
          evolveVersion: SHOP_EVOLVE_VERSION,
          state: folded.state as unknown as JsonObject,
        })
        .catch(() => undefined);
    }
    this.cache.set(streamId, entry);
  }

  private readFrom(streamId: string, fromRevision: number): Promise<StoredAndRead> {
    return readStoredAndReadOrEmpty(this.options.eventStore, streamId, fromRevision);
  }
}

function anchorOf(start: FoldedShop, cached: boolean): ChainAnchor {
  return { revision: start.revision, eventId: start.eventId!, hash: start.eventHash, heldBy: cached ? 'cached state' : 'snapshot' };
}

function* decoded(events: readonly RecordedEvent[]): Iterable<ShopEvent> {
  for (const event of events) yield shopEventCodec.decode(event);
}
