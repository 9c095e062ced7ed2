import { TimelineEntry } from './timeline.projection';
import { matchesTimelineFilter, timelineBlockIds, timelineFilterOf } from './timeline-query';

describe('timeline queries', () => {
  it('names the blocks to read, from the one holding the revision after the cursor to the one of the last revision', () => {
    expect(timelineBlockIds('s', null, 10, 8)).toEqual(['s/0000000000']);
    expect(timelineBlockIds('s', 62, 200, 8)).toEqual(['s/0000000000', 's/0000000001', 's/0000000002', 's/0000000003']);
    expect(timelineBlockIds('s', 63, 200, 8)).toEqual(['s/0000000001', 's/0000000002', 's/0000000003']);
    expect(timelineBlockIds('s', 64, 127, 8)).toEqual(['s/0000000001']);
    expect(timelineBlockIds('s', 127, 127, 8)).toEqual([]);
    // Deep in a long history the ids are computed, not searched for: reading them costs the same as the first.
    expect(timelineBlockIds('s', 199_000, 200_000, 2)).toEqual(['s/0000003109', 's/0000003110']);
  });

  it('filters entries by types, actor and a time window, from inclusive and to exclusive', () => {
    const entry = { type: 'AccountUnlinked', actor: 'member:m-17', occurredAt: '2026-11-01T10:00:00.000Z' } as unknown as TimelineEntry;
    expect(matchesTimelineFilter(entry, {})).toBe(true);
    expect(matchesTimelineFilter(entry, { types: ['AccountLinked', 'AccountUnlinked'] })).toBe(true);
    expect(matchesTimelineFilter(entry, { types: ['AccountLinked'] })).toBe(false);
    expect(matchesTimelineFilter(entry, { actor: 'member:m-17' })).toBe(true);
    expect(matchesTimelineFilter(entry, { actor: 'member:m-18' })).toBe(false);
    expect(matchesTimelineFilter(entry, { from: '2026-11-01T10:00:00.000Z' })).toBe(true);
    expect(matchesTimelineFilter(entry, { to: '2026-11-01T10:00:00.000Z' })).toBe(false);
    expect(matchesTimelineFilter(entry, { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' })).toBe(true);
    expect(matchesTimelineFilter({ ...entry, actor: null }, { actor: 'member:m-17' })).toBe(false);
  });
});

describe('timelineFilterOf (the filters of the history routes and the audit CLI)', () => {
  it('turns the bounds into toISOString form and keeps known types and the actor', () => {
    expect(
      timelineFilterOf({
        types: ['AccessGranted', 'AccessGranted'],
        from: '2026-11-01',
        to: '2026-11-01T12:30:00+02:00',
        actor: 'member:m-1',
      }),
    ).toEqual({
      value: { types: ['AccessGranted'], from: '2026-11-01T00:00:00.000Z', to: '2026-11-01T10:30:00.000Z', actor: 'member:m-1' },
      problems: [],
    });
    expect(timelineFilterOf({})).toEqual({ value: { types: undefined, from: undefined, to: undefined, actor: undefined }, problems: [] });
  });

  it('names every problem: unknown type, time without a zone or impossible, empty window, bad actor', () => {
    const codes = (input: Parameters<typeof timelineFilterOf>[0]) => timelineFilterOf(input).problems.map((p) => `${p.field}:${p.code}`);
    expect(codes({ types: ['Nope'] })).toEqual(['type:UNKNOWN_EVENT_TYPE']);
    expect(codes({ from: '2026-11-01T09:00:00' })).toEqual(['from:INVALID_TIME']);
    expect(codes({ from: '2026-02-30' })).toEqual(['from:INVALID_TIME']);
    expect(codes({ to: '2026-11-01T25:00Z' })).toEqual(['to:INVALID_TIME']);
    expect(codes({ from: '2026-11-02', to: '2026-11-01' })).toEqual(['to:EMPTY_TIME_WINDOW']);
    expect(codes({ from: '2026-11-01', to: '2026-11-01' })).toEqual(['to:EMPTY_TIME_WINDOW']);
    expect(codes({ actor: 'm-1' })).toEqual(['actor:INVALID_ACTOR']);
  });
});
