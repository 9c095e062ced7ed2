import { PageCheck, StorageFullError } from '@shoplink/sqlite';
import { StorageConditions, StorageUnavailableError } from './storage-conditions';
import { STORAGE_CORRUPT, STORAGE_FULL, STORAGE_UNCHECKED, StorageHealth } from './storage-health';

const sqliteError = (code: string) => Object.assign(new Error(`${code} from the driver`), { code });
const codes = (conditions: StorageConditions) => conditions.list().map((condition) => condition.code);
const whole: PageCheck = { ok: true, problems: [], durationMs: 1 };

describe('StorageHealth', () => {
  afterEach(() => jest.useRealTimers());

  it('turns SQLITE_FULL and ENOSPC into STORAGE_FULL (writes refused, not ready) and answers the 503 to give', () => {
    for (const code of ['SQLITE_FULL', 'ENOSPC']) {
      const conditions = new StorageConditions();
      const health = new StorageHealth(conditions, { probe: async () => undefined });
      const refused = health.failed(sqliteError(code));
      expect(refused).toBeInstanceOf(StorageUnavailableError);
      expect(refused).toMatchObject({ code: STORAGE_FULL, retryAfterSeconds: 5 });
      expect(conditions.refusingWrites()).toMatchObject({ code: STORAGE_FULL, makesNotReady: true });
      health.close();
    }
  });

  it('turns SQLITE_CORRUPT (and its extended codes) into STORAGE_CORRUPT, logged once', () => {
    const conditions = new StorageConditions();
    const lines: string[] = [];
    const health = new StorageHealth(conditions, { log: (_level, line) => lines.push(line) });
    expect(health.failed(sqliteError('SQLITE_CORRUPT_INDEX'))).toMatchObject({ code: STORAGE_CORRUPT });
    expect(health.failed(sqliteError('SQLITE_CORRUPT'))).toMatchObject({ code: STORAGE_CORRUPT });
    expect(codes(conditions)).toEqual([STORAGE_CORRUPT]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('restore the file from a backup');
  });

  it('leaves other errors alone', () => {
    const conditions = new StorageConditions();
    const health = new StorageHealth(conditions);
    expect(health.failed(new Error('a bug'))).toBeNull();
    expect(health.failed(sqliteError('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(health.failed(Object.assign(new Error('refused'), { code: 'SHOP_NOT_FOUND' }))).toBeNull();
    expect(conditions.list()).toEqual([]);
  });

  it('lifts STORAGE_FULL once the probe commits, retrying every few seconds until then', async () => {
    jest.useFakeTimers();
    const conditions = new StorageConditions();
    let room = false;
    const probe = jest.fn(async () => {
      if (!room) throw new StorageFullError('ENOSPC', 'still full');
    });
    const health = new StorageHealth(conditions, { probe, retrySeconds: 2 });
    health.failed(sqliteError('SQLITE_FULL'));
    await jest.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(codes(conditions)).toEqual([STORAGE_FULL]);
    room = true;
    await jest.advanceTimersByTimeAsync(2_000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(conditions.list()).toEqual([]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it("keeps a writer's own condition (not ready, writes not refused by it) until that writer commits again", async () => {
    const conditions = new StorageConditions();
    const health = new StorageHealth(conditions, { probe: async () => undefined, retrySeconds: 60 });
    health.failed(sqliteError('SQLITE_FULL'), 'projector p');
    expect(conditions.list()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: STORAGE_FULL, refusesWrites: false, details: expect.objectContaining({ writer: 'projector p' }) }),
      ]),
    );
    health.committed('projector p');
    expect(conditions.list().map((condition) => condition.refusesWrites)).toEqual([true]);
    health.close();
  });

  it('refuses writes while the start-up check runs, and clears or raises STORAGE_CORRUPT by its outcome', async () => {
    const conditions = new StorageConditions();
    const health = new StorageHealth(conditions);
    let finish: (check: PageCheck) => void = () => undefined;
    const slow = new Promise<PageCheck>((resolve) => (finish = resolve));
    expect(await health.checkAtStart(() => slow, 10)).toBeNull();
    expect(conditions.refusingWrites()).toMatchObject({ code: STORAGE_UNCHECKED, makesNotReady: true });
    finish({ ok: false, problems: ['Tree 3 page 3: btreeInitPage() returns error code 11'], durationMs: 5 });
    await slow;
    await new Promise((resolve) => setImmediate(resolve));
    expect(codes(conditions)).toEqual([STORAGE_CORRUPT]);

    const fresh = new StorageConditions();
    expect(await new StorageHealth(fresh).checkAtStart(async () => whole, 1_000)).toEqual(whole);
    expect(fresh.list()).toEqual([]);
  });
});
