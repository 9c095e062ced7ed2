import { BrokenStreams } from '@shoplink/event-store';
import { BROKEN_STREAMS_CONDITION, raiseConditionForBrokenStreams } from './broken-streams-condition';
import { StorageConditions } from './storage-conditions';

const problem = (streamId: string) => ({
  kind: 'altered' as const,
  streamId,
  revision: 4,
  eventId: 'e-4',
  position: '17',
  message: 'The content of the event at revision 4 no longer matches its hash',
});

describe('broken streams as a storage condition', () => {
  function given() {
    const streams = new BrokenStreams();
    const conditions = new StorageConditions();
    raiseConditionForBrokenStreams(streams, conditions);
    return { streams, conditions };
  }

  it('given a stream found broken, lists it without refusing writes or making the process not ready', () => {
    const { streams, conditions } = given();

    streams.found(problem('shop-a'));

    expect(conditions.list()).toEqual([
      expect.objectContaining({
        code: 'STREAM_INTEGRITY_BROKEN',
        refusesWrites: false,
        makesNotReady: false,
        details: { count: 1, streams: [expect.objectContaining({ streamId: 'shop-a', revision: 4, position: '17', kind: 'altered' })] },
      }),
    ]);
    expect(conditions.refusingWrites()).toBeNull();
  });

  it('given the last broken stream verified again, clears the condition; the others keep it', () => {
    const { streams, conditions } = given();
    streams.found(problem('shop-a'));
    streams.found(problem('shop-b'));

    streams.verified('shop-a');
    expect(conditions.list()[0].details).toMatchObject({ count: 1, streams: [expect.objectContaining({ streamId: 'shop-b' })] });

    streams.verified('shop-b');
    expect(conditions.has(BROKEN_STREAMS_CONDITION)).toBe(false);
    expect(streams.size).toBe(0);
  });

  it('given a stream found broken twice, keeps when it was first found', () => {
    const { streams } = given();
    streams.found(problem('shop-a'));
    const since = streams.list()[0].since;

    streams.found({ ...problem('shop-a'), revision: 2 });

    expect(streams.list()).toEqual([expect.objectContaining({ revision: 2, since })]);
  });
});
