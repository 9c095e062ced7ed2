import { positionAt } from '@shoplink/event-store';
import {
  checkpointFromRecord,
  checkpointToRecord,
  checkReplaceable,
  samePosition,
  storedNamesOf,
  storedPatchOf,
  toStoredDocument,
} from './mongodb-documents';

describe('MongoDB read models: checkpoints', () => {
  it('keeps positions as decimal strings, beyond 2^63 and with distinct commit and prepare parts', () => {
    const checkpoint = {
      position: { commit: 18446744073709551615n, prepare: 18446744073709551000n },
      eventCreatedAt: new Date('2025-03-01T10:00:00.123Z'),
    };
    const record = checkpointToRecord('shop-read-models', checkpoint);

    expect(record).toEqual({
      _id: 'shop-read-models',
      commit: '18446744073709551615',
      prepare: '18446744073709551000',
      eventCreatedAt: new Date('2025-03-01T10:00:00.123Z'),
    });
    expect(checkpointFromRecord(record)).toEqual(checkpoint);
  });

  it('copies the date, so a caller changing theirs later changes nothing stored', () => {
    const eventCreatedAt = new Date('2025-03-01T10:00:00.000Z');
    const record = checkpointToRecord('p', { position: positionAt(1), eventCreatedAt });
    eventCreatedAt.setTime(0);
    expect(record.eventCreatedAt).toEqual(new Date('2025-03-01T10:00:00.000Z'));
  });

  it('refuses a stored position that is not two decimal numbers rather than misreading it', () => {
    const record = { _id: 'p', commit: '12', prepare: '0x10', eventCreatedAt: new Date(0) };
    expect(() => checkpointFromRecord(record)).toThrow(/decimal/);
    expect(() => checkpointFromRecord({ ...record, prepare: '-1' })).toThrow(/decimal/);
  });

  it('compares positions for the fence, absent included', () => {
    expect(samePosition(null, null)).toBe(true);
    expect(samePosition(positionAt(3), null)).toBe(false);
    expect(samePosition(null, positionAt(3))).toBe(false);
    expect(samePosition(positionAt(3), positionAt(3))).toBe(true);
    expect(samePosition({ commit: 3n, prepare: 2n }, positionAt(3))).toBe(false);
  });
});

describe('MongoDB read models: documents', () => {
  it('stores what JSON keeps, as the SQLite adapter does', () => {
    const doc = { a: 1, gone: undefined, at: new Date('2026-01-01T00:00:00.000Z'), nested: [{ x: null }], text: 'ü 😀' };
    expect(toStoredDocument(doc)).toEqual({ a: 1, at: '2026-01-01T00:00:00.000Z', nested: [{ x: null }], text: 'ü 😀' });
  });

  it('refuses BigInt (BSON would keep it as a long) and numbers JSON would turn into null', () => {
    expect(() => toStoredDocument({ amount: 10n })).toThrow(TypeError);
    expect(() => toStoredDocument({ ratio: Number.NaN })).toThrow(TypeError);
    expect(() => toStoredDocument({ deep: [{ x: Number.POSITIVE_INFINITY }] })).toThrow(TypeError);
  });
});

describe('MongoDB read models: stored names and switching', () => {
  it('stores a collection under its own name unless a switch recorded another', () => {
    const names = storedNamesOf(['shops', 'links'], [{ _id: 'shops', storedAs: 'shops~rebuild' }]);
    expect([...names]).toEqual([
      ['shops', 'shops~rebuild'],
      ['links', 'links'],
    ]);
  });

  it('refuses mismatched or overlapping projector tables', () => {
    const live = { projector: 'p', collections: ['shops', 'links'] };
    expect(() => checkReplaceable(live, { projector: 'x', collections: ['x'] })).toThrow(/2 live collections but 1/);
    expect(() => checkReplaceable(live, { projector: 'x', collections: ['shops', 'y'] })).toThrow(/differ/);
    expect(() => checkReplaceable(live, { projector: 'p', collections: ['a', 'b'] })).toThrow(/differ/);
    expect(() => checkReplaceable(live, { projector: 'p~rebuild', collections: ['shops~rebuild', 'links~rebuild'] })).not.toThrow();
  });
});

describe('MongoDB read models: a write listing its changed fields', () => {
  const doc = { shopId: 's-1', money: { available: 5 }, closedAt: null, revision: 4 };

  it('is a $set of those fields of the stored object d', () => {
    expect(storedPatchOf(doc, ['money', 'closedAt', 'revision'])).toEqual({
      'd.money': { available: 5 },
      'd.closedAt': null,
      'd.revision': 4,
    });
  });

  it('is empty when nothing changed', () => {
    expect(storedPatchOf(doc, [])).toEqual({});
  });

  it('is no patch without a list, with a name that is a path or an operator, or a field the document lacks', () => {
    expect(storedPatchOf(doc, undefined)).toBeNull();
    expect(storedPatchOf({ ...doc, 'a.b': 1 }, ['a.b'])).toBeNull();
    expect(storedPatchOf({ ...doc, $set: 1 }, ['$set'])).toBeNull();
    expect(storedPatchOf(doc, ['missing'])).toBeNull();
  });
});
