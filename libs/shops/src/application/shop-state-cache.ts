import { ShopState } from '../domain/shop.state';

/** A shop's state as folded up to `revision`, whose event has id `eventId`. */
export interface FoldedShop {
  readonly state: ShopState;
  readonly revision: number;
  readonly eventId: string | null;
  /**
   * Hash-chain hash of that event, as verified when the stream was read; null when unknown because
   * this process appended the event itself (a later read checks the event then hashes as recorded).
   */
  readonly eventHash: string | null;
  /** Revision of the latest snapshot known to be stored (-1: none). */
  readonly snapshotRevision: number;
}

/**
 * Recently used shop states, least recently used dropped first. Never trusted as current: a
 * reader reads the stream from the cached revision on (see ShopStates), and an append carries
 * the expected revision, so an entry made stale by another writer cannot decide a command.
 */
export class ShopStateCache {
  private readonly entries = new Map<string, FoldedShop>();

  constructor(private readonly maxEntries: number) {}

  get(streamId: string): FoldedShop | undefined {
    const entry = this.entries.get(streamId);
    if (entry !== undefined) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  /** The entry as it is, without counting as a use. */
  peek(streamId: string): FoldedShop | undefined {
    return this.entries.get(streamId);
  }

  set(streamId: string, entry: FoldedShop): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }
}
