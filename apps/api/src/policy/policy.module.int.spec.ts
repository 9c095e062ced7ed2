import { systemClock } from '@shoplink/command-handling';
import { HashChainingEventStore } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { recordedPolicyActivations } from '@shoplink/shops';
import { defaultPolicyWith } from '@shoplink/shops/testing/default-policy-in-force';
import { StorageConditions, StorageHealth } from '@shoplink/storage';
import { PolicyModule } from './policy.module';

describe('PolicyModule: recording the policy in force when the store cannot take writes at start', () => {
  let events: HashChainingEventStore;

  beforeEach(() => {
    events = new HashChainingEventStore(new SqliteEventStore(':memory:'));
  });

  afterEach(async () => {
    await events.close();
  });

  const moduleOn = (conditions: StorageConditions) =>
    new PolicyModule(defaultPolicyWith(), events, systemClock, conditions, new StorageHealth(conditions));

  it('records the version at once on a store that takes writes', async () => {
    const conditions = new StorageConditions();
    await moduleOn(conditions).onModuleInit();
    expect((await recordedPolicyActivations(events)).map((event) => event.type)).toEqual(['PolicyVersionActivated']);
    expect(conditions.list()).toEqual([]);
  });

  it('starts without recording while the store refuses writes, refuses commands itself until then, and records once it may', async () => {
    const conditions = new StorageConditions();
    conditions.raise('page-check', { code: 'STORAGE_UNCHECKED', message: 'being checked', refusesWrites: true, makesNotReady: true });
    const policy = moduleOn(conditions);
    try {
      await policy.onModuleInit();
      expect(await recordedPolicyActivations(events)).toEqual([]);
      expect(conditions.list().map((c) => c.code)).toEqual(['STORAGE_UNCHECKED', 'POLICY_NOT_RECORDED']);

      // The page check passes: the next attempt (every 5 s) records the version and lets commands through.
      conditions.clear('page-check');
      const deadline = Date.now() + 8_000;
      while (conditions.refusingWrites() !== null && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect((await recordedPolicyActivations(events)).map((event) => event.type)).toEqual(['PolicyVersionActivated']);
      expect(conditions.list()).toEqual([]);
    } finally {
      policy.onApplicationShutdown();
    }
  }, 15_000);
});
