import { positionAt, RecordedEvent } from '@shoplink/event-store';
import { ACCOUNT_EVENT_TYPES } from '../domain/account.events';
import { accountEventCodec } from './account-event-codec';

describe('accountEventCodec', () => {
  it('knows both claim event types, each at version 1', () => {
    expect(ACCOUNT_EVENT_TYPES.map((type) => [type, accountEventCodec.schemaVersionOf(type)])).toEqual([
      ['AccountClaimed', 1],
      ['AccountReleased', 1],
    ]);
  });

  it('reads a stored claim as the AccountEvent it is, and refuses a shop event', () => {
    const claimed: RecordedEvent = {
      streamId: 'account-acct-1',
      revision: 0,
      position: positionAt(1),
      id: 'e-1',
      type: 'AccountClaimed',
      data: { accountId: 'acct-1', shopId: 's-1', role: 'official', claimId: 'c-1', claimedAt: '2026-03-01T10:00:00.000Z' },
      metadata: { schemaVersion: 1 },
      createdAt: new Date('2026-03-01T10:00:00.001Z'),
    };
    const decoded = accountEventCodec.decode(claimed);
    expect(decoded).toBe(claimed);
    expect(decoded.type === 'AccountClaimed' && decoded.data.claimId).toBe('c-1');
    expect(() => accountEventCodec.decode({ ...claimed, type: 'AccountLinked' })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_EVENT_TYPE' }),
    );
  });
});
