import { StorageConditions } from './storage-conditions';
import { StorageHealth } from './storage-health';
import { watchedProjectorObserver } from './watched-projector-observer';

const full = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

describe('watchedProjectorObserver', () => {
  it('makes the process not ready while the projector cannot commit, and ready again once a batch commits', async () => {
    const conditions = new StorageConditions();
    const health = new StorageHealth(conditions, { probe: async () => undefined, retrySeconds: 60 });
    const inner = { batch: jest.fn((_name: string, _events: readonly unknown[], apply: () => Promise<void>) => apply()) };
    const observer = watchedProjectorObserver(health, inner);

    await expect(observer.batch('shops', [], () => Promise.reject(full()))).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    expect(inner.batch).toHaveBeenCalledTimes(1);
    const writer = conditions.list().find((condition) => condition.details?.writer === 'projector shops');
    expect(writer).toMatchObject({ code: 'STORAGE_FULL', makesNotReady: true, refusesWrites: false });

    await observer.batch('shops', [], async () => undefined);
    expect(conditions.list().some((condition) => condition.details?.writer === 'projector shops')).toBe(false);
    health.close();
  });

  it('passes other failures on without raising anything', async () => {
    const conditions = new StorageConditions();
    const observer = watchedProjectorObserver(new StorageHealth(conditions));
    await expect(observer.batch('shops', [], () => Promise.reject(new Error('a bug')))).rejects.toThrow('a bug');
    expect(conditions.list()).toEqual([]);
  });
});
