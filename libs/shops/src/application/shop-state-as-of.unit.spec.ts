import { EventStore, positionAt, ReadStreamOptions, RecordedEvent, StreamNotFoundError } from '@shoplink/event-store';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { parseInstant, shopStateAsOf } from './shop-state-as-of';

/** Only what the replay reads: a stream, forwards, in pages. Counts the reads. */
class StreamOnlyStore {
  reads: ReadStreamOptions[] = [];
  constructor(private readonly events: RecordedEvent[]) {}
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.reads.push(options);
    const own = this.events.filter((e) => e.streamId === streamId);
    if (own.length === 0) throw new StreamNotFoundError(streamId);
    if (options.direction === 'backwards') return own.slice(-1);
    const from = own.filter((e) => e.revision >= (options.fromRevision ?? 0));
    return from.slice(0, options.maxCount ?? from.length);
  }
}

const at = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 1, hour, minute)).toISOString();

function event(revision: number, type: string, data: object, occurredAt: string | undefined): RecordedEvent {
  return {
    streamId: 'shop-s1',
    revision,
    position: positionAt(revision + 1),
    id: `e-${revision}`,
    type,
    data: { shopId: 's1', ...data },
    metadata: occurredAt === undefined ? {} : { occurredAt },
    createdAt: new Date('2030-01-01T00:00:00.000Z'),
  };
}

const registered = (occurredAt = at(9)) =>
  event(
    0,
    'ShopRegistered',
    { name: 'S', region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-1', registeredAt: occurredAt },
    occurredAt,
  );
const granted = (revision: number, memberId: string, occurredAt: string | undefined) =>
  event(revision, 'AccessGranted', { memberId, role: 'viewer', grantedAt: occurredAt ?? '' }, occurredAt);

const replay = (store: StreamOnlyStore, point: Parameters<typeof shopStateAsOf>[2]) =>
  shopStateAsOf(store as unknown as EventStore, 's1', point);

async function refusal(promise: Promise<unknown>): Promise<ShopRuleViolation> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ShopRuleViolation) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('shopStateAsOf replays a prefix of the shop stream with the domain evolve', () => {
  it('stops at the first event that occurred after the moment, even if a later one carries an earlier time', async () => {
    // Clock skew between two writers: revision 2 says 10:30, revision 3 says 10:15.
    const store = new StreamOnlyStore([
      registered(),
      granted(1, 'm-a', at(10)),
      granted(2, 'm-b', at(10, 30)),
      granted(3, 'm-c', at(10, 15)),
    ]);
    const answer = await replay(store, { asOf: new Date(at(10, 20)) });
    expect(answer).toMatchObject({
      stoppedAt: { revision: 1 },
      nextEvent: { revision: 2, occurredAt: at(10, 30) },
      eventsApplied: 2,
      lastRevision: 3,
    });
    expect(Object.keys(answer.state.members).sort()).toEqual(['m-1', 'm-a']);
  });

  it("reads the store's createdAt for an event without occurredAt", async () => {
    const store = new StreamOnlyStore([registered(), granted(1, 'm-a', undefined)]);
    expect((await replay(store, { asOf: new Date(at(12)) })).eventsApplied).toBe(1);
    expect(await replay(store, { asOf: new Date('2030-01-01T00:00:00.000Z') })).toMatchObject({
      eventsApplied: 2,
      stoppedAt: { occurredAt: '2030-01-01T00:00:00.000Z' },
    });
  });

  it('pages through a long stream, and reads no further than a revision needs', async () => {
    const events = [registered(), ...Array.from({ length: 1200 }, (_, i) => granted(i + 1, `m-${i}`, at(10)))];
    const store = new StreamOnlyStore(events);
    expect(await replay(store, { asOf: new Date(at(11)) })).toMatchObject({ eventsApplied: 1201, nextEvent: null, lastRevision: 1200 });
    expect(store.reads.length).toBeGreaterThan(2);
    store.reads = [];
    expect(await replay(store, { revision: 3 })).toMatchObject({
      eventsApplied: 4,
      stoppedAt: { revision: 3 },
      nextEvent: { revision: 4 },
    });
    expect(store.reads[0]).toEqual({ fromRevision: 0, maxCount: 5 });
  });

  it('refuses with SHOP_NOT_FOUND, SHOP_NOT_YET_REGISTERED and REVISION_NOT_FOUND', async () => {
    const store = new StreamOnlyStore([registered(), granted(1, 'm-a', at(10))]);
    expect((await refusal(shopStateAsOf(store as unknown as EventStore, 'other', { revision: 0 }))).code).toBe('SHOP_NOT_FOUND');
    const early = await refusal(replay(store, { asOf: new Date(at(8)) }));
    expect(early).toMatchObject({ code: 'SHOP_NOT_YET_REGISTERED', kind: 'not_found' });
    expect(early.message).toContain(at(9));
    expect(await refusal(replay(store, { revision: 2 }))).toMatchObject({ code: 'REVISION_NOT_FOUND', kind: 'not_found' });
  });

  it('names the event the domain cannot apply instead of failing blindly', async () => {
    const store = new StreamOnlyStore([registered(), event(1, 'SomethingUnheardOf', {}, at(10))]);
    const failed = await refusal(replay(store, { revision: 1 }));
    expect(failed).toMatchObject({
      code: 'REPLAY_FAILED',
      details: [{ code: 'REPLAY_FAILED', message: expect.stringContaining('SomethingUnheardOf at revision 1') }],
    });
  });

  it('leaves the salted hashes of unlink codes out of the state it answers', async () => {
    const unlink = event(
      1,
      'UnlinkRequested',
      {
        requestId: 'u-1',
        accountId: 'a-1',
        role: 'marketing',
        reason: 'privacy',
        codeHash: 'h',
        codeSalt: 's',
        requestedAt: at(10),
        expiresAt: at(10, 15),
        consequences: [],
      },
      at(10),
    );
    const { state } = await replay(new StreamOnlyStore([registered(), unlink]), { revision: 1 });
    expect(state.unlinkRequests['u-1']).toEqual({
      requestId: 'u-1',
      accountId: 'a-1',
      role: 'marketing',
      reason: 'privacy',
      requestedAt: at(10),
      expiresAt: at(10, 15),
      failedAttempts: 0,
    });
  });
});

describe('parseInstant', () => {
  it.each([
    ['2026-11-01T09:00:00Z', '2026-11-01T09:00:00.000Z'],
    ['2026-11-01T09:00Z', '2026-11-01T09:00:00.000Z'],
    ['2026-11-01T10:00:00.123+01:00', '2026-11-01T09:00:00.123Z'],
    ['2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
  ])('reads %s', (text, iso) => expect(parseInstant(text)?.toISOString()).toBe(iso));

  it.each([
    '2026-11-01',
    '2026-11-01T09:00:00',
    '2026-02-29T00:00:00Z',
    '2026-11-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-11-01T24:00:00Z',
    'yesterday',
  ])('refuses %s', (text) => expect(parseInstant(text)).toBeNull());
});
