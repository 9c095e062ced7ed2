import { NO_SNAPSHOTS, Snapshot, SnapshotStore } from '@shoplink/event-store';
import { PersonalDataSealingSnapshotStore } from './personal-data-sealing-snapshot-store';
import { PersonalDataVault } from './personal-data-vault';
import { InMemoryPersonalDataKeys } from './testing/in-memory-personal-data-keys';

class InMemorySnapshots implements SnapshotStore {
  readonly saved = new Map<string, Snapshot>();
  async load(streamId: string, evolveVersion: number) {
    const snapshot = this.saved.get(streamId);
    return snapshot?.evolveVersion === evolveVersion ? snapshot : null;
  }
  async save(snapshot: Snapshot) {
    this.saved.set(snapshot.streamId, snapshot);
  }
}

describe('PersonalDataSealingSnapshotStore', () => {
  const snapshot: Snapshot = {
    streamId: 'shop-s-1',
    revision: 41,
    eventId: 'e-41',
    evolveVersion: 2,
    state: { name: 'Jane Quimby', links: { a: { handle: 'jane.q' } } },
  };
  const ownerOf = (streamId: string) => (streamId.startsWith('shop-') ? streamId.slice(5) : null);

  it('stores a shop state sealed whole and loads it back as it was', async () => {
    const inner = new InMemorySnapshots();
    const store = new PersonalDataSealingSnapshotStore(inner, new PersonalDataVault(new InMemoryPersonalDataKeys()), ownerOf);
    await store.save(snapshot);
    expect(JSON.stringify(inner.saved.get('shop-s-1'))).not.toContain('Jane');
    expect(await store.load('shop-s-1', 2)).toEqual(snapshot);
  });

  it('loads nothing once the shop is forgotten, so the state is folded again from the erased events', async () => {
    const vault = new PersonalDataVault(new InMemoryPersonalDataKeys());
    const store = new PersonalDataSealingSnapshotStore(new InMemorySnapshots(), vault, ownerOf);
    await store.save(snapshot);
    await vault.forget('s-1');
    expect(await store.load('shop-s-1', 2)).toBeNull();
  });

  it('passes streams without an owner through, and a stored state that is not sealed is not trusted', async () => {
    const inner = new InMemorySnapshots();
    const store = new PersonalDataSealingSnapshotStore(inner, new PersonalDataVault(new InMemoryPersonalDataKeys()), ownerOf);
    const other: Snapshot = { ...snapshot, streamId: 'account-a' };
    await store.save(other);
    expect(await store.load('account-a', 2)).toEqual(other);
    await inner.save(snapshot);
    expect(await store.load('shop-s-1', 2)).toBeNull();
    expect(
      await new PersonalDataSealingSnapshotStore(NO_SNAPSHOTS, new PersonalDataVault(new InMemoryPersonalDataKeys()), ownerOf).load(
        'shop-s-1',
        2,
      ),
    ).toBeNull();
  });
});
