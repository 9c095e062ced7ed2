import { CommandEnvelope } from '@shoplink/command-handling';
import { EventStore, EventToAppend, HashChainingEventStore } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DecideShopCommand } from '../application/decide-shop-command';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { registerShop } from '../domain/testing/shop.specification';
import { localCommandPath } from '../testing/local-command-path';
import { businessRegistrationStreamId } from './business-registration.events';

/**
 * A process stopped between the business's claim and its shop's registration (the shop append
 * never returns, as under kill -9). The claim cannot lock the business out: once the grace period
 * has passed and the shop's stream still records no registration, the next registration releases it
 * as abandoned and claims the business itself. Nothing needs to run after the restart.
 */
describe('the business registration claim after a crash between its two appends', () => {
  let dir: string;
  let file: string;
  const opened: { close(): Promise<void> }[] = [];
  let now = new Date('2026-06-01T10:00:00.000Z');
  const clock = () => now;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'business-claim-crash-'));
    file = join(dir, 'shoplink.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function process(freezeWhen: (streamId: string, events: readonly EventToAppend[]) => boolean = () => false) {
    const raw = new SqliteEventStore(file);
    opened.push(raw);
    const freezing: EventStore = new Proxy(raw, {
      get(target, property, receiver) {
        if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
        return (...args: Parameters<EventStore['appendToStream']>) =>
          freezeWhen(args[0], args[1]) ? new Promise(() => undefined) : target.appendToStream(...args);
      },
    });
    const eventStore = new HashChainingEventStore(freezing);
    return { eventStore, path: localCommandPath({ eventStore, now: clock }) };
  }

  const envelope = (): CommandEnvelope => {
    const commandId = randomUUID();
    return {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'system', id: 'onboarding' },
      callingService: 'test',
    };
  };
  const register = (path: ReturnType<typeof process>['path'], shopId: string) =>
    path.send(new DecideShopCommand(shopId, registerShop({ shopId, registrationNumber: 'SC123456' }), envelope()));
  const businessStream = (store: EventStore) => store.readStream(businessRegistrationStreamId('GB', 'SC123456'));

  it('holds during the grace period, then is released as abandoned by the next registration of the business', async () => {
    const first = process((streamId) => streamId === 'shop-shop-a');
    void register(first.path, 'shop-a').catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await businessStream(first.eventStore)).map((e) => e.type)).toEqual(['BusinessRegistrationClaimed']);

    const second = process();
    await expect(register(second.path, 'shop-b')).rejects.toMatchObject({ code: 'BUSINESS_ALREADY_REGISTERED' });

    now = new Date(now.getTime() + DEFAULT_SHOP_POLICY.accountClaimGraceSeconds * 1000);
    await register(second.path, 'shop-b');
    const events = await businessStream(second.eventStore);
    expect(events.map((e) => [e.type, e.data.shopId])).toEqual([
      ['BusinessRegistrationClaimed', 'shop-a'],
      ['BusinessRegistrationReleased', 'shop-a'],
      ['BusinessRegistrationClaimed', 'shop-b'],
    ]);
    expect((await second.path.states.load('shop-shop-b')).state.registered).toBe(true);
  });
});
