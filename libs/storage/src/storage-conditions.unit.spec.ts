import { positionAt } from '@shoplink/event-store';
import { EventStore } from '@shoplink/event-store';
import { ReadModelStore } from '@shoplink/read-models';
import { checkReadiness } from './readiness';
import { StorageConditions } from './storage-conditions';

const caughtUp = {
  eventStore: { headPosition: async () => positionAt(3), readAll: async () => [] } as unknown as EventStore,
  readModels: { getCheckpoint: async () => ({ position: positionAt(3), eventCreatedAt: new Date() }) } as unknown as ReadModelStore,
  projector: 'p',
};
const diskFull = { code: 'STORAGE_FULL', message: 'The disk is full', refusesWrites: true, makesNotReady: true };

describe('StorageConditions', () => {
  it('names the first condition that refuses writes (other than one a caller holds itself), keeps when it began, and forgets it once cleared', () => {
    const conditions = new StorageConditions();
    conditions.raise('notice', { code: 'SLOW_DISK', message: 'slow', refusesWrites: false, makesNotReady: false });
    expect(conditions.refusingWrites()).toBeNull();
    conditions.raise('disk', diskFull);
    const since = conditions.refusingWrites()!.since;
    conditions.raise('disk', { ...diskFull, message: 'still full' });
    expect(conditions.refusingWrites()).toMatchObject({ code: 'STORAGE_FULL', message: 'still full', since });
    expect(conditions.refusingWrites('disk')).toBeNull();
    conditions.clear('disk');
    expect(conditions.refusingWrites()).toBeNull();
    expect(conditions.list().map((c) => c.code)).toEqual(['SLOW_DISK']);
  });

  it('makes readiness not ready and lists the condition while it holds, and ready again once cleared', async () => {
    const conditions = new StorageConditions();
    conditions.raise('disk', diskFull);
    const held = await checkReadiness({ ...caughtUp, conditions });
    expect(held.ready).toBe(false);
    expect(held.body).toMatchObject({ status: 'unavailable', conditions: [{ code: 'STORAGE_FULL' }], projection: { caughtUp: true } });
    conditions.clear('disk');
    const cleared = await checkReadiness({ ...caughtUp, conditions });
    expect(cleared.ready).toBe(true);
    expect(cleared.body.conditions).toBeUndefined();
  });

  it('stays ready beside a condition that only informs', async () => {
    const conditions = new StorageConditions();
    conditions.raise('notice', { code: 'SLOW_DISK', message: 'slow', refusesWrites: false, makesNotReady: false });
    const readiness = await checkReadiness({ ...caughtUp, conditions });
    expect(readiness.ready).toBe(true);
    expect(readiness.body.conditions).toEqual([expect.objectContaining({ code: 'SLOW_DISK' })]);
  });
});
