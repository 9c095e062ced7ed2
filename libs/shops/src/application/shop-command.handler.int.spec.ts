import { CommandEnvelope } from '@shoplink/command-handling';
import { EventStore, HashChainingEventStore, RecordedEvent, StreamIntegrityBrokenError } from '@shoplink/event-store';
import { SqliteEventStore, SqliteSnapshotStore } from '@shoplink/event-store/sqlite';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOP_EVOLVE_VERSION } from '../domain/evolve-shop';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { ShopCommand } from '../domain/shop.commands';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { shopStreamId } from '../domain/shop.events';
import { RegisteredShop } from '../domain/shop.state';
import { localCommandPath, LocalCommandPath } from '../testing/local-command-path';
import { DecideShopCommand, ShopCommandResult } from './decide-shop-command';

/**
 * The shop command handler with its state cache and snapshots on, against the real SQLite store:
 * what it decides must be what a replay from zero would decide, whatever another writer did meanwhile.
 */
describe('ShopCommandHandler with cached states and snapshots', () => {
  let dir: string;
  const opened: SqliteEventStore[] = [];
  const now = () => new Date('2026-03-01T10:00:00.000Z');
  const register: ShopCommand = {
    type: 'RegisterShop',
    data: { shopId: 'cached', name: 'Cached', region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-1' },
  };
  const credit = (settlementId: string, amount: number): ShopCommand => ({
    type: 'CreditFunds',
    data: { settlementId, orderId: `o-${settlementId}`, amount },
  });
  /** Shops are registered by onboarding, credited by payouts (the system actors the access table names). */
  const envelope = (system: 'payouts' | 'onboarding' = 'payouts'): CommandEnvelope => {
    const commandId = randomUUID();
    return {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'system', id: system },
      callingService: 'test',
    };
  };

  /** A service instance's command path, on its own connection to the shared file. */
  class Executor {
    constructor(private readonly path: LocalCommandPath) {}
    execute(shopId: string, command: ShopCommand, envelope: CommandEnvelope): Promise<ShopCommandResult> {
      return this.path.shops.execute(new DecideShopCommand(shopId, command, envelope));
    }
    load(shopId: string) {
      return this.path.states.load(shopStreamId(shopId));
    }
    loadAtLeast(shopId: string, revision: number) {
      return this.path.states.loadAtLeast(shopStreamId(shopId), revision);
    }
  }

  function executor(options: { decorate?: (store: EventStore) => EventStore; snapshotEvery?: number } = {}): {
    executor: Executor;
    raw: SqliteEventStore;
  } {
    const raw = new SqliteEventStore(join(dir, 'shoplink.db'));
    opened.push(raw);
    const eventStore = new HashChainingEventStore((options.decorate ?? ((s) => s))(raw));
    const snapshots = new SqliteSnapshotStore(raw.groupCommit);
    return {
      executor: new Executor(localCommandPath({ eventStore, now, policy: DEFAULT_SHOP_POLICY, snapshots })),
      raw,
    };
  }

  const available = async (e: Executor): Promise<number> => ((await e.load('cached')).state as RegisteredShop).money.available;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'executor-cache-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a stale cached state never decides: another instance’s append is seen before deciding', async () => {
    const { executor: a } = executor();
    const { executor: b } = executor();
    await a.execute('cached', register, envelope('onboarding'));
    await a.execute('cached', credit('s-1', 100), envelope());
    expect(await available(a)).toBe(100); // A now holds the shop in its cache

    await b.execute('cached', credit('s-2', 50), envelope()); // A does not know

    // Decided on A's cache alone, this would credit s-2 a second time, with another amount.
    const refusal = await a.execute('cached', credit('s-2', 70), envelope()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ShopRuleViolation);
    expect(refusal).toMatchObject({ code: 'SETTLEMENT_CONFLICT' });
    const next = await a.execute('cached', credit('s-3', 1), envelope());
    expect(next.revision).toBe(3);
    expect(await available(a)).toBe(151);
  });

  it('a query beside a read-model document uses the cached state once it has reached the document, and reads the stream otherwise', async () => {
    const { executor: a, raw } = executor();
    const { executor: b } = executor();
    await a.execute('cached', register, envelope('onboarding'));
    await a.execute('cached', credit('s-1', 100), envelope()); // A holds revision 1
    await b.execute('cached', credit('s-2', 50), envelope()); // revision 2, which A does not know
    const readStream = jest.spyOn(raw, 'readStream');

    // A document at revision 1 (the read model has not seen B's credit yet): the cached state is as recent, no read.
    const atOne = await a.loadAtLeast('cached', 1);
    expect(atOne.revision).toBe(1);
    expect(readStream).not.toHaveBeenCalled();
    // A document at revision 2: the cached state is behind it, so the stream is read.
    const atTwo = await a.loadAtLeast('cached', 2);
    expect(atTwo.revision).toBe(2);
    expect((atTwo.state as RegisteredShop).money.available).toBe(150);
    expect(readStream).toHaveBeenCalled();
    // A command always reads: after B's next credit, A decides on revision 3.
    await b.execute('cached', credit('s-3', 1), envelope());
    expect((await a.execute('cached', credit('s-4', 1), envelope())).revision).toBe(4);
  });

  it('an append made between its read and its append is caught by the expected revision, and the command re-decided', async () => {
    const { executor: b } = executor();
    let interfered = false;
    const { executor: a, raw } = executor({
      decorate: (inner) =>
        new Proxy(inner, {
          get(target, property, receiver) {
            if (property !== 'appendToStream') return Reflect.get(target, property, receiver);
            return async (...args: Parameters<EventStore['appendToStream']>) => {
              // Right before A's first append of s-9, B credits the same settlement.
              if (!interfered && args[1].some((e) => e.type === 'FundsCredited' && e.data.settlementId === 's-9')) {
                interfered = true;
                await b.execute('cached', credit('s-9', 40), envelope());
              }
              return target.appendToStream(...args);
            };
          },
        }),
    });
    await a.execute('cached', register, envelope('onboarding'));
    await a.execute('cached', credit('s-1', 10), envelope());

    const result = await a.execute('cached', credit('s-9', 40), envelope());
    expect(interfered).toBe(true);
    expect(result.events).toEqual([]); // re-decided: the settlement was credited already, so nothing to add
    const credits = (await raw.readStream('shop-cached')).filter(
      (e: RecordedEvent) => e.type === 'FundsCredited' && e.data.settlementId === 's-9',
    );
    expect(credits).toHaveLength(1);
    expect(await available(a)).toBe(50);
  });

  it('recognises a command it already applied without reading the whole stream, and answers from its events', async () => {
    const { executor: a, raw } = executor();
    await a.execute('cached', register, envelope('onboarding'));
    const once = envelope();
    const first = await a.execute('cached', credit('s-1', 10), once);
    await a.execute('cached', credit('s-2', 10), envelope());
    const readStream = jest.spyOn(raw, 'readStream');
    const again = await a.execute('cached', credit('s-1', 10), once);
    expect(again).toMatchObject({ replayed: true, revision: first.revision, events: first.events });
    for (const [, options] of readStream.mock.calls) expect(options?.fromRevision ?? 0).toBeGreaterThan(0);
  });

  it('snapshots a long shop, starts a new instance from the snapshot, and ignores snapshots of another evolve version', async () => {
    const { executor: a, raw } = executor();
    await a.execute('cached', register, envelope('onboarding'));
    for (let i = 0; i < 1_000; i++) await a.execute('cached', credit(`s-${i}`, 1), envelope());
    await new Promise((resolve) => setImmediate(resolve)); // the snapshot write is not awaited by the command
    const snapshots = new SqliteSnapshotStore(raw.groupCommit);
    const snapshot = await snapshots.load('shop-cached', SHOP_EVOLVE_VERSION);
    expect(snapshot?.revision).toBe(999); // every 1,000 events: revisions 0…999

    // A new instance reads from the snapshot's revision on, not from zero.
    const { executor: fresh, raw: freshRaw } = executor();
    const readStream = jest.spyOn(freshRaw, 'readStream');
    expect(await available(fresh)).toBe(1_000);
    expect(readStream.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([999]);

    // A snapshot written by another version of evolve is never used: the state is replayed.
    raw['db']
      .prepare('UPDATE snapshots SET evolve_version = ?, state = ? WHERE stream_id = ?')
      .run(SHOP_EVOLVE_VERSION + 1, '{"registered":false}', 'shop-cached');
    const { executor: other } = executor();
    expect(await available(other)).toBe(1_000);
  });

  it('refuses a snapshot that no longer sits on its stream (it or the events were changed), and ignores one that records no hash', async () => {
    const { executor: a, raw } = executor();
    await a.execute('cached', register, envelope('onboarding'));
    await a.execute('cached', credit('s-1', 10), envelope());
    const snapshots = new SqliteSnapshotStore(raw.groupCommit);
    const elsewhere = { streamId: 'shop-cached', revision: 1, evolveVersion: SHOP_EVOLVE_VERSION, state: { registered: false } };
    await snapshots.save({ ...elsewhere, eventId: randomUUID() });
    expect(await available(executor().executor)).toBe(10);

    raw['db'].prepare('DELETE FROM snapshots').run();
    await snapshots.save({ ...elsewhere, eventId: randomUUID(), eventHash: 'b'.repeat(64) });
    await expect(available(executor().executor)).rejects.toBeInstanceOf(StreamIntegrityBrokenError);
  });
});
