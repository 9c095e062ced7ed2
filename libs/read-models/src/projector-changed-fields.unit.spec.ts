import { withChangedFields } from './projector';
import { Document, DocumentWrite } from './read-model-store.port';

const write = (doc: Document | null): DocumentWrite => ({ collection: 'shop_status', id: 's-1', doc });

describe('withChangedFields: a projector write as the change it is', () => {
  const links = [{ accountId: 'a-1' }];
  const before: Document = { shopId: 's-1', links, money: { available: 5 }, revision: 3 };

  it('lists the fields holding another value than the stored document, in the document order', () => {
    const after = { ...before, money: { available: 7 }, revision: 4 };
    expect(withChangedFields(write(after), before)).toEqual({ ...write(after), changedFields: ['money', 'revision'] });
  });

  it('lists a field whose copy is equal (a copy may be listed without need, a change never missed)', () => {
    const after = { ...before, links: [...links] };
    expect(withChangedFields(write(after), before).changedFields).toEqual(['links']);
  });

  it('lists nothing when the projection gave the stored document back', () => {
    expect(withChangedFields(write(before), before).changedFields).toEqual([]);
  });

  it('writes whole a new document, a deletion, and a document whose fields changed or moved', () => {
    const created = write({ ...before });
    expect(withChangedFields(created, null)).toBe(created);
    const deleted = write(null);
    expect(withChangedFields(deleted, before)).toBe(deleted);
    const added = write({ ...before, deactivatedAt: null });
    expect(withChangedFields(added, before)).toBe(added);
    const removed = write({ shopId: 's-1', links, money: before.money });
    expect(withChangedFields(removed, before)).toBe(removed);
    const moved = write({ links, shopId: 's-1', money: before.money, revision: 3 });
    expect(withChangedFields(moved, before)).toBe(moved);
  });

  it('writes whole a document every field of which changed', () => {
    const all = write({ shopId: 's-2', links: [], money: {}, revision: 4 });
    expect(withChangedFields(all, before)).toBe(all);
  });
});
