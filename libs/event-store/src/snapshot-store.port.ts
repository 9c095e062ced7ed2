import { JsonObject } from './event-store.port';

/** Injection token for the snapshot store. */
export const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');

/**
 * A stream's state folded up to `revision` by the code of `evolveVersion`. Only a shortcut:
 * the events stay the truth, a snapshot can always be thrown away and rebuilt, and one made by
 * another version of the fold is never used.
 */
export interface Snapshot {
  readonly streamId: string;
  readonly revision: number;
  /** Id of the event at `revision`, so a reader can check the snapshot still sits on the stream it was made from. */
  readonly eventId: string;
  /**
   * Hash of the event at `revision` (its hash-chain hash): a load checks it against the stream and
   * chains the events after it on from it. A snapshot without one (kept before snapshots recorded it)
   * is not used: the state is folded from the events.
   */
  readonly eventHash?: string;
  readonly evolveVersion: number;
  readonly state: JsonObject;
}

export interface SnapshotStore {
  /** The latest snapshot of the stream made by this version of the fold, or null. */
  load(streamId: string, evolveVersion: number): Promise<Snapshot | null>;
  /** Keeps the snapshot unless a later one of the same version is already kept; drops those of other versions. */
  save(snapshot: Snapshot): Promise<void>;
}

/** For stores without a snapshot adapter: every load misses, so states are folded from the events (and cached in memory). */
export const NO_SNAPSHOTS: SnapshotStore = {
  load: async () => null,
  save: async () => undefined,
};
