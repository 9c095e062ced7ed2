import { actorOf, occurredAtOf } from './event-metadata';
import { JsonObject, RecordedEvent } from './event-store.port';
import { positionAt } from './position';

const CREATED_AT = new Date('2026-03-01T10:00:05.123Z');
const event = (metadata: JsonObject): RecordedEvent => ({
  streamId: 'shop-s-1',
  revision: 0,
  position: positionAt(1),
  id: 'e-1',
  type: 'ShopRegistered',
  data: {},
  metadata,
  createdAt: CREATED_AT,
});

describe('occurredAtOf', () => {
  it('is metadata.occurredAt as it is when it has the form toISOString() writes', () => {
    const occurredAt = '2026-02-28T23:59:59.999Z';
    expect(occurredAtOf(event({ occurredAt }))).toBe(occurredAt);
  });

  it('brings any other parseable time to that form, so instants compare as text', () => {
    expect(occurredAtOf(event({ occurredAt: '2026-03-01T09:00:00Z' }))).toBe('2026-03-01T09:00:00.000Z');
    expect(occurredAtOf(event({ occurredAt: '2026-03-01T10:30:00.5+01:00' }))).toBe('2026-03-01T09:30:00.500Z');
    expect(occurredAtOf(event({ occurredAt: '2026-03-01' }))).toBe('2026-03-01T00:00:00.000Z');
  });

  it('falls back on the store’s createdAt when occurredAt is absent, not text, or not a time', () => {
    for (const metadata of [{}, { occurredAt: null }, { occurredAt: 1772359200000 }, { occurredAt: 'yesterday' }, { occurredAt: '' }]) {
      expect(occurredAtOf(event(metadata))).toBe('2026-03-01T10:00:05.123Z');
    }
  });
});

describe('actorOf', () => {
  it('is kind:id of metadata.actor', () => {
    expect(actorOf(event({ actor: { kind: 'member', id: 'm-17' } }))).toBe('member:m-17');
  });

  it('is null when the event names no actor, or not as kind and id texts', () => {
    for (const actor of [undefined, null, 'member:m-17', { kind: 'member' }, { kind: 'member', id: 17 }]) {
      expect(actorOf(event({ actor }))).toBeNull();
    }
  });
});
