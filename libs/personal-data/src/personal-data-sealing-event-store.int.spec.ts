import { randomUUID } from 'node:crypto';
import { EventStore, HashChainingEventStore, JsonObject, START, verifyChain } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { PersonalDataMap } from './personal-data-sealing-event-store';
import { PersonalDataSealingEventStore } from './personal-data-sealing-event-store';
import { PersonalDataVault } from './personal-data-vault';
import { ERASED } from './sealed-value';
import { InMemoryPersonalDataKeys } from './testing/in-memory-personal-data-keys';

const MAP: PersonalDataMap = {
  fieldsOf: (type) => (type === 'Linked' ? [['handle']] : []),
  ownerOf: (streamId) => streamId.replace(/^shop-/, ''),
};

const event = (type: string, data: JsonObject) => ({ id: randomUUID(), type, data, metadata: { commandId: randomUUID() } });

describe('PersonalDataSealingEventStore over a hash-chained SQLite log', () => {
  let stored: EventStore;
  let vault: PersonalDataVault;
  let events: PersonalDataSealingEventStore;

  beforeEach(() => {
    stored = new HashChainingEventStore(new SqliteEventStore(':memory:'));
    vault = new PersonalDataVault(new InMemoryPersonalDataKeys());
    events = new PersonalDataSealingEventStore(stored, vault, MAP);
  });

  afterEach(() => events.close());

  it('stores personal fields sealed, reads them back plain, and leaves other events untouched', async () => {
    await events.appendToStream(
      'shop-a',
      [event('Registered', { shopId: 'a' }), event('Linked', { shopId: 'a', handle: 'alice', role: 'official' })],
      'no_stream',
    );
    const raw = await stored.readStream('shop-a');
    expect(raw[0].data).toEqual({ shopId: 'a' });
    expect(raw[1].data.role).toBe('official');
    expect(raw[1].data.handle).toMatch(/^⟦pd1:/);
    expect((await events.readStream('shop-a'))[1].data).toEqual({ shopId: 'a', handle: 'alice', role: 'official' });
    expect((await events.readAll({ after: START }))[1].data.handle).toBe('alice');
  });

  it('answers one read both as stored (what the chain covers, and verifies) and opened, event for event', async () => {
    await events.appendToStream(
      'shop-a',
      [event('Registered', { shopId: 'a' }), event('Linked', { shopId: 'a', handle: 'alice' })],
      'no_stream',
    );

    const { stored: asStored, read } = await events.readStreamAsStored('shop-a', { fromRevision: 0 });

    expect(asStored).toEqual(await stored.readStream('shop-a'));
    expect(verifyChain('shop-a', asStored).intact).toBe(true);
    expect(read.map((e) => e.id)).toEqual(asStored.map((e) => e.id));
    expect(read[1].data.handle).toBe('alice');
    expect(asStored[1].data.handle).toMatch(/^⟦pd1:/);
  });

  it('after forgetting, every read shows the fields erased while the stored events and their hash chain stay as they were', async () => {
    await events.appendToStream('shop-a', [event('Linked', { shopId: 'a', handle: 'alice' })], 'no_stream');
    await events.appendToStream('shop-b', [event('Linked', { shopId: 'b', handle: 'bob' })], 'no_stream');
    const before = await stored.readStream('shop-a');
    await vault.forget('a');
    expect((await events.readStream('shop-a'))[0].data.handle).toBe(ERASED);
    expect((await events.readStream('shop-b'))[0].data.handle).toBe('bob');
    expect(await stored.readStream('shop-a')).toEqual(before);
    expect(verifyChain('shop-a', await stored.readStream('shop-a')).intact).toBe(true);
  });

  it('reveals on a live subscription too', async () => {
    const subscription = events.subscribeToAll({ after: START });
    await events.appendToStream('shop-a', [event('Linked', { shopId: 'a', handle: 'alice' })], 'no_stream');
    const iterator = subscription[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect(first.value.data.handle).toBe('alice');
    await subscription.close();
  });
});
