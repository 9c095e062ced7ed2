import { Snapshot, SnapshotStore } from '@shoplink/event-store';
import { PersonalDataVault } from './personal-data-vault';
import { wholeSealedValue } from './sealed-value';

/**
 * Snapshots hold a shop's state as the command path sees it, personal fields in clear; stored
 * as they are, they would outlive the shop's keys. So each snapshot's state is sealed whole
 * with the shop's key: once the shop is forgotten, its old snapshots no longer open and the
 * state is folded again from the (erased) events, and written afresh.
 */
export class PersonalDataSealingSnapshotStore implements SnapshotStore {
  constructor(
    private readonly inner: SnapshotStore,
    private readonly vault: PersonalDataVault,
    private readonly ownerOf: (streamId: string) => string | null,
  ) {}

  async load(streamId: string, evolveVersion: number): Promise<Snapshot | null> {
    const snapshot = await this.inner.load(streamId, evolveVersion);
    if (snapshot === null || this.ownerOf(streamId) === null) return snapshot;
    const sealed = snapshot.state.sealed;
    if (typeof sealed !== 'string' || wholeSealedValue(sealed) === null) return null;
    const state = await this.vault.reveal(sealed);
    return typeof state === 'object' && state !== null ? { ...snapshot, state } : null;
  }

  async save(snapshot: Snapshot): Promise<void> {
    const owner = this.ownerOf(snapshot.streamId);
    if (owner === null) return this.inner.save(snapshot);
    const { state } = await this.vault.sealFields(owner, { state: snapshot.state }, [['state']]);
    return this.inner.save({ ...snapshot, state: { sealed: state } });
  }
}
