import { AccountClaimsReader } from '@shoplink/accounts';
import { CommandEnvelope } from '@shoplink/command-handling';
import { BrokenStreams, HashChainingEventStore, StreamIntegrityBrokenError } from '@shoplink/event-store';
import { SqliteEventStore, SqliteSnapshotStore } from '@shoplink/event-store/sqlite';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOP_EVOLVE_VERSION } from '../domain/evolve-shop';
import { DEFAULT_SHOP_POLICY } from '../domain/shop-policy';
import { ShopCommand } from '../domain/shop.commands';
import { RegisteredShop } from '../domain/shop.state';
import { localCommandPath } from '../testing/local-command-path';
import { DecideShopCommand } from './decide-shop-command';
import { ShopStates } from './shop-states';

/**
 * ShopStates against the real SQLite file, tampered with between two processes' loads as an
 * intruder would (straight SQL): a cold load never hands on a state folded from a broken chain.
 */
describe('ShopStates checks the chain of what it folds', () => {
  const STREAM = 'shop-guarded';
  let dir: string;
  let file: string;
  const opened: SqliteEventStore[] = [];
  const now = () => new Date('2026-03-01T10:00:00.000Z');
  const envelope = (system: 'payouts' | 'onboarding' = 'payouts'): CommandEnvelope => {
    const commandId = randomUUID();
    return { commandId, correlationId: commandId, causationId: commandId, actor: { kind: 'system', id: system }, callingService: 'test' };
  };
  const register: ShopCommand = {
    type: 'RegisterShop',
    data: { shopId: 'guarded', name: 'Guarded', region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-1' },
  };
  const credit = (n: number, amount: number): ShopCommand => ({
    type: 'CreditFunds',
    data: { settlementId: `s-${n}`, orderId: `o-${n}`, amount },
  });

  /** A process: its own connection, snapshots and broken-stream registry. */
  function processOn(options: { snapshotEvery?: number } = {}) {
    const raw = new SqliteEventStore(file);
    opened.push(raw);
    const eventStore = new HashChainingEventStore(raw);
    const snapshots = new SqliteSnapshotStore(raw.groupCommit);
    const brokenStreams = new BrokenStreams();
    const states = new ShopStates({ eventStore, snapshots, brokenStreams, snapshotEvery: options.snapshotEvery });
    const path = localCommandPath({ eventStore, now, snapshots, snapshotEvery: options.snapshotEvery });
    const run = (command: ShopCommand, system?: 'payouts' | 'onboarding') =>
      path.shops.execute(new DecideShopCommand('guarded', command, envelope(system)));
    return { raw, eventStore, snapshots, brokenStreams, states, path, run };
  }

  function sql(statement: string, ...params: unknown[]): void {
    const db = new Database(file);
    db.prepare(statement).run(...params);
    db.close();
  }

  /** A shop registered (revision 0) and credited 100, 200, 300 (revisions 1 to 3). */
  async function creditedShop(options: { snapshotEvery?: number } = {}) {
    const writer = processOn(options);
    await writer.run(register, 'onboarding');
    for (const [n, amount] of [100, 200, 300].entries()) await writer.run(credit(n, amount));
    return writer;
  }

  /** The credited shop with a snapshot at revision 3 (kept by a load that checked its last event's hash), then a credit at revision 4. */
  async function snapshottedShop() {
    const writer = await creditedShop({ snapshotEvery: 2 });
    await writer.path.states.load(STREAM);
    await new Promise((resolve) => setImmediate(resolve)); // snapshot writes are not awaited
    await writer.run(credit(4, 400));
    return writer;
  }

  const refusalOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shop-states-chain-'));
    file = join(dir, 'shoplink.db');
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a credit amount edited in the file, a cold load refuses, naming stream, revision, position and kind, and lists the stream', async () => {
    await creditedShop();
    sql("UPDATE events SET data = json_set(data, '$.amount', 500000) WHERE stream_id = ? AND revision = 2", STREAM);

    const fresh = processOn();
    const refusal = await refusalOf(fresh.states.load(STREAM));

    expect(refusal).toBeInstanceOf(StreamIntegrityBrokenError);
    const problem = (refusal as StreamIntegrityBrokenError).problem;
    expect(problem).toMatchObject({ streamId: STREAM, revision: 2, kind: 'altered', position: expect.stringMatching(/^\d+$/) });
    expect((refusal as Error).message).toMatch(/shop-guarded.*revision 2.*position \d+.*altered/);
    expect(fresh.brokenStreams.list()).toEqual([expect.objectContaining({ streamId: STREAM, revision: 2 })]);
  });

  it('given the edit undone (the file restored), the next load verifies and the stream leaves the list', async () => {
    await creditedShop();
    sql("UPDATE events SET data = json_set(data, '$.amount', 500000) WHERE stream_id = ? AND revision = 2", STREAM);
    const fresh = processOn();
    await refusalOf(fresh.states.load(STREAM));

    sql("UPDATE events SET data = json_set(data, '$.amount', 200) WHERE stream_id = ? AND revision = 2", STREAM);

    const loaded = await fresh.states.load(STREAM);
    expect((loaded.state as RegisteredShop).money.available).toBe(600);
    expect(fresh.brokenStreams.size).toBe(0);
  });

  it('given a snapshot, a cold load hashes only the events from the snapshot on, and refuses an edit after it', async () => {
    await snapshottedShop();
    const snapshot = await new SqliteSnapshotStore(opened[0].groupCommit).load(STREAM, SHOP_EVOLVE_VERSION);
    expect(snapshot).toMatchObject({ revision: 3, eventHash: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const intact = processOn({ snapshotEvery: 2 });
    const readStream = jest.spyOn(intact.raw, 'readStream');
    expect(((await intact.states.load(STREAM)).state as RegisteredShop).money.available).toBe(1000);
    expect(readStream.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([3]);

    sql("UPDATE events SET data = json_set(data, '$.amount', 900) WHERE stream_id = ? AND revision = 4", STREAM);
    const refusal = await refusalOf(processOn({ snapshotEvery: 2 }).states.load(STREAM));
    expect(refusal).toMatchObject({ problem: { kind: 'altered', revision: 4 } });
  });

  it('given a snapshot whose hash disagrees with the event at its revision, the load refuses rather than replays', async () => {
    await snapshottedShop();
    sql('UPDATE snapshots SET event_hash = ? WHERE stream_id = ?', 'a'.repeat(64), STREAM);

    const refusal = await refusalOf(processOn({ snapshotEvery: 2 }).states.load(STREAM));

    expect(refusal).toBeInstanceOf(StreamIntegrityBrokenError);
    expect(refusal).toMatchObject({ problem: { kind: 'altered', revision: 3 } });
    expect((refusal as Error).message).toMatch(/snapshot was folded up to.*the stream or the snapshot was changed/);
  });

  it('given the events the snapshot folded were deleted from the end of the stream, the load reports them removed', async () => {
    await snapshottedShop();
    sql('DELETE FROM events WHERE stream_id = ? AND revision >= 3', STREAM);

    const refusal = await refusalOf(processOn({ snapshotEvery: 2 }).states.load(STREAM));

    expect(refusal).toMatchObject({ problem: { kind: 'removed', revision: 3, eventId: null } });
  });

  it('given a snapshot kept before snapshots recorded hashes, it is not used: the state is replayed and checked from the first event', async () => {
    await snapshottedShop();
    sql('UPDATE snapshots SET event_hash = NULL, state = \'{"registered":false}\' WHERE stream_id = ?', STREAM);

    const fresh = processOn();
    const readStream = jest.spyOn(fresh.raw, 'readStream');
    expect(((await fresh.states.load(STREAM)).state as RegisteredShop).money.available).toBe(1000);
    expect(readStream.mock.calls.map(([, options]) => options?.fromRevision)).toEqual([0]);
  });

  it('given a file made before the snapshot table had the hash column, opening it adds the column and keeps the rows', async () => {
    const db = new Database(file);
    db.exec(`CREATE TABLE snapshots (stream_id TEXT NOT NULL, evolve_version INTEGER NOT NULL, revision INTEGER NOT NULL,
             event_id TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (stream_id, evolve_version))`);
    db.prepare("INSERT INTO snapshots VALUES (?, ?, 5, 'e-5', '{}')").run(STREAM, SHOP_EVOLVE_VERSION);
    db.close();

    const raw = new SqliteEventStore(file);
    opened.push(raw);
    const snapshot = await new SqliteSnapshotStore(raw.groupCommit).load(STREAM, SHOP_EVOLVE_VERSION);

    expect(snapshot).toEqual({ streamId: STREAM, evolveVersion: SHOP_EVOLVE_VERSION, revision: 5, eventId: 'e-5', state: {} });
  });

  it('given a warm cache, events this process appended are not read again, and another writer’s forged event is refused', async () => {
    const a = await creditedShop();
    await a.path.states.load(STREAM); // A holds revision 3, its hash checked
    const readStream = jest.spyOn(a.raw, 'readStream');
    await a.run(credit(9, 1));
    expect(readStream.mock.calls.map(([, options]) => options?.fromRevision ?? 0).every((from) => from >= 3)).toBe(true);

    const b = processOn();
    await b.run(credit(10, 1)); // revision 5, which A has not read
    sql("UPDATE events SET data = json_set(data, '$.amount', 7777) WHERE stream_id = ? AND revision = 5", STREAM);

    const refusal = await refusalOf(a.path.states.load(STREAM));
    expect(refusal).toMatchObject({ problem: { kind: 'altered', revision: 5 } });
  });

  it('given a command on a broken stream, nothing is appended', async () => {
    await creditedShop();
    sql("UPDATE events SET data = json_set(data, '$.amount', 500000) WHERE stream_id = ? AND revision = 1", STREAM);
    const fresh = processOn();

    const refusal = await refusalOf(fresh.run({ type: 'RequestWithdrawal', data: { withdrawalId: 'w-1', amount: 500000 } }));

    expect(refusal).toBeInstanceOf(StreamIntegrityBrokenError);
    expect((await fresh.raw.readStream(STREAM)).length).toBe(4);
  });

  it('given an account stream edited in the file, loading its claims refuses', async () => {
    const writer = processOn();
    await writer.eventStore.appendToStream(
      'account-acc-1',
      [
        {
          id: randomUUID(),
          type: 'AccountClaimed',
          data: { accountId: 'acc-1', shopId: 'guarded', role: 'official', claimId: 'c-1' },
          metadata: {},
        },
      ],
      'no_stream',
    );
    sql("UPDATE events SET data = json_set(data, '$.shopId', 'elsewhere') WHERE stream_id = 'account-acc-1'");
    const brokenStreams = new BrokenStreams();
    const claims = new AccountClaimsReader({
      eventStore: writer.eventStore,
      now,
      claimGraceSeconds: DEFAULT_SHOP_POLICY.accountClaimGraceSeconds,
      isLinkedAtShop: async () => true,
      brokenStreams,
    });

    const refusal = await refusalOf(claims.holder('acc-1'));

    expect(refusal).toMatchObject({ problem: { streamId: 'account-acc-1', kind: 'altered', revision: 0 } });
    expect(brokenStreams.size).toBe(1);
  });
});
