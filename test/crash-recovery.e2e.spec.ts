import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HashChainingEventStore, RecordedEvent } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { Document, rebuildProjections } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { AccountClaimsReader } from '@shoplink/accounts';
import {
  DEFAULT_SHOP_POLICY,
  foldShop,
  resumeAccountClaims,
  SHOP_READ_MODELS,
  shopEventCodec,
  ShopState,
  supersedeLinkRequests,
} from '@shoplink/shops';
import { localCommandPath } from '@shoplink/shops/testing/local-command-path';
import { answerEvents, CrashWorkload, SentCommand } from './support/crash-workload';
import { BuiltService, builtService } from './support/built-service';
import { ServiceProcess } from './support/service-process';
import { testToken } from './support/service-tokens';
import { bySize, reportReliability } from './support/reliability';

const KILLS = bySize(10, 60);
const CALLERS = 6;
const ROOT = join(__dirname, '..');
const COLLECTIONS = [...new Set(SHOP_READ_MODELS.projections.map((p) => p.collection))];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));
const sameEvents = (events: readonly { id: string; type: string }[]) => events.map((e) => `${e.type} ${e.id}`);

/**
 * The real service as a child process on the embedded store, killed with SIGKILL at random
 * moments while several callers drive commands at it, and restarted on the same file. Then:
 * every acknowledged command's events are in the log, exactly as answered; a command that got no
 * answer is in the log wholly or not at all (sending it again with its key appends nothing more
 * when it is); the hash chains and positions verify; the read models, once caught up, equal a
 * rebuild from scratch.
 */
describe('Crash recovery: kill -9 under load, restart on the same file', () => {
  let built: BuiltService;
  let main: string;
  let dataDir: string;
  let dataFile: string;
  let logFile: string;

  beforeAll(async () => {
    built = await builtService();
    main = built.apiMain;
    dataDir = mkdtempSync(join(tmpdir(), 'shoplink-crash-'));
    dataFile = join(dataDir, 'shoplink.db');
    logFile = join(dataDir, 'service.log');
  }, 300_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  const readLog = async (): Promise<RecordedEvent[]> => {
    const store = new SqliteEventStore(dataFile);
    try {
      return await store.readAll({ maxCount: 10_000_000 });
    } finally {
      await store.close();
    }
  };

  const byCommand = (events: readonly RecordedEvent[]): Map<string, RecordedEvent[]> => {
    const grouped = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const key = String(event.metadata.commandId);
      grouped.set(key, [...(grouped.get(key) ?? []), event]);
    }
    return grouped;
  };

  /** What a restarted service's automation does an hour later, in this process on the same file; then the claims checked. */
  const resumeClaimsAfterTheKills = async (): Promise<{ released: number; held: number }> => {
    // Chained as the service chains, so the events appended here verify when loaded (every load checks the chain).
    const eventStore = new HashChainingEventStore(new SqliteEventStore(dataFile));
    const readModels = new SqliteReadModelStore(dataFile);
    try {
      const later = new Date(Date.now() + 3_600_000);
      const path = localCommandPath({ eventStore, now: () => later });
      const claimGraceSeconds = DEFAULT_SHOP_POLICY.accountClaimGraceSeconds;
      const released = await resumeAccountClaims({ readModels, commands: path, claimGraceSeconds }, later);
      let held = 0;
      const accountStreams = new Set(
        (await eventStore.readAll({ maxCount: 10_000_000 })).map((e) => e.streamId).filter((s) => s.startsWith('account-')),
      );
      for (const streamId of accountStreams) {
        const { state } = await new AccountClaimsReader({
          eventStore,
          now: () => later,
          claimGraceSeconds,
          isLinkedAtShop: (shopId, accountId) => path.states.isLinkedAtShop(shopId, accountId),
        }).states.load(streamId);
        if (state.current === null) continue;
        held += 1;
        expect({ streamId, linked: await path.states.isLinkedAtShop(state.current.shopId, streamId.slice('account-'.length)) }).toEqual({
          streamId,
          linked: true,
        });
      }
      return { released, held };
    } finally {
      await Promise.all([eventStore.close(), readModels.close()]);
    }
  };

  /**
   * What the restarted service's link-supersession run does, in this process on the same file (the read
   * models were caught up before the last kill); then, from the shops' streams alone: no shop still waits
   * on an account another shop has linked.
   */
  const supersedeAfterTheKills = async (): Promise<{ superseded: number; contested: number }> => {
    const eventStore = new HashChainingEventStore(new SqliteEventStore(dataFile));
    const readModels = new SqliteReadModelStore(dataFile);
    try {
      const later = new Date(Date.now() + 3_600_000);
      const path = localCommandPath({ eventStore, now: () => later });
      const { superseded, failed } = await supersedeLinkRequests({ readModels, commands: path });
      expect(failed).toEqual([]);
      const byShop = new Map<string, RecordedEvent[]>();
      for (const event of await eventStore.readAll({ maxCount: 10_000_000 })) {
        if (event.streamId.startsWith('shop-')) byShop.set(event.streamId, [...(byShop.get(event.streamId) ?? []), event]);
      }
      const shops: ShopState[] = [...byShop.values()].map((events) => foldShop(events.map((e) => shopEventCodec.decode(e))));
      const linkedAt = new Map<string, string>();
      for (const shop of shops) {
        if (!shop.registered) continue;
        for (const link of Object.values(shop.links)) {
          if (link.state === 'linked') linkedAt.set(link.accountId, shop.shopId);
        }
      }
      const stranded = shops.flatMap((shop) =>
        shop.registered
          ? Object.values(shop.links)
              .filter((l) => l.state === 'awaiting_authorization' && linkedAt.has(l.accountId) && linkedAt.get(l.accountId) !== shop.shopId)
              .map((l) => `${shop.shopId} waits on ${l.accountId}, linked to ${linkedAt.get(l.accountId)}`)
          : [],
      );
      expect(stranded).toEqual([]);
      const supersededEvents = [...byShop.values()].flat().filter((e) => e.type === 'LinkRequestSuperseded').length;
      return { superseded, contested: supersededEvents };
    } finally {
      await Promise.all([eventStore.close(), readModels.close()]);
    }
  };

  /** The command's events on the stream its answer names (an account claim travels on its own stream). */
  const onShopStreams = (events: readonly RecordedEvent[] | undefined) => (events ?? []).filter((e) => e.streamId.startsWith('shop-'));

  it(
    `keeps every acknowledged command and no half command through ${KILLS} kills`,
    async () => {
      const workload = new CrashWorkload(await testToken({ service: 'crash-driver' }), `crash-${process.pid}`);
      let kills = 0;
      let killedWhileStarting = 0;

      for (let round = 0; round < KILLS; round++) {
        // One kill in five lands while the service is still starting (projector catching up, store opening).
        const duringStartup = round % 5 === 4;
        const service = await ServiceProcess.spawn({ main, dataFile, log: logFile, waitUntilListening: !duringStartup });
        if (duringStartup) {
          await sleep(between(50, 600));
          killedWhileStarting += 1;
        } else {
          workload.start(service.baseUrl, CALLERS);
          await sleep(between(150, 1_200));
        }
        await service.kill9();
        kills += 1;
        await workload.stop();
      }

      // Back up for good; what the log holds now is what the crashes left.
      const service = await ServiceProcess.spawn({ main, dataFile, log: logFile });
      let events = await readLog();
      let commands = byCommand(events);

      // Group the records by key (a client retry shares its original's key).
      const byKey = new Map<string, SentCommand[]>();
      for (const sent of workload.sent) byKey.set(sent.key, [...(byKey.get(sent.key) ?? []), sent]);
      const answered = [...byKey.values()].flatMap((records) => records.filter((r) => r.outcome === 'answered').slice(-1));
      const unanswered = [...byKey.values()]
        .filter((records) => records.every((r) => r.outcome === 'unknown'))
        .map((records) => records[0]);

      const fiveXx = workload.sent.filter((c) => (c.status ?? 0) >= 500);
      let lost = 0;
      for (const command of answered) {
        const expected = sameEvents(answerEvents(command));
        const recorded = sameEvents(onShopStreams(commands.get(command.key)));
        if (JSON.stringify(recorded) !== JSON.stringify(expected)) lost += 1;
        expect({ key: command.key, path: command.path, status: command.status, recorded }).toEqual({
          key: command.key,
          path: command.path,
          status: command.status,
          recorded: expected,
        });
      }

      // An unanswered command, sent again with its key: if the log held any of it, it held all of it, and the retry appends nothing.
      let halfWritten = 0;
      const before = new Map(unanswered.map((c) => [c.key, sameEvents(onShopStreams(commands.get(c.key)))]));
      const retries = unanswered.map((c) => ({ ...c, outcome: 'unknown' as const, status: undefined, answer: undefined }));
      for (let i = 0; i < retries.length; i += 8) await Promise.all(retries.slice(i, i + 8).map((c) => workload.send(service.baseUrl, c)));
      events = await readLog();
      commands = byCommand(events);
      for (const retry of retries) {
        expect({ key: retry.key, outcome: retry.outcome, fiveXx: (retry.status ?? 0) >= 500 }).toEqual({
          key: retry.key,
          outcome: 'answered',
          fiveXx: false,
        });
        const after = sameEvents(onShopStreams(commands.get(retry.key)));
        expect({ key: retry.key, after }).toEqual({ key: retry.key, after: sameEvents(answerEvents(retry)) });
        const earlier = before.get(retry.key)!;
        if (earlier.length > 0 && JSON.stringify(earlier) !== JSON.stringify(after)) halfWritten += 1;
        if (earlier.length > 0) expect({ key: retry.key, after }).toEqual({ key: retry.key, after: earlier });
      }
      const landedBeforeAnswer = [...before.values()].filter((e) => e.length > 0).length;

      // Tamper evidence holds over the whole log: every chain, no hole in the positions (the auditor CLI, as an auditor runs it).
      const verdict = await new Promise<{ code: number; stdout: string }>((resolve) =>
        execFile(process.execPath, [built.cliMain, 'verify', '--all', '--json', '--data-file', dataFile], { cwd: ROOT }, (error, stdout) =>
          resolve({ code: error ? Number(error.code ?? 99) : 0, stdout }),
        ),
      );
      expect(verdict.code).toBe(0);
      expect(JSON.parse(verdict.stdout)).toMatchObject({ intact: true, problems: [], events: events.length });

      // The read models, caught up, equal a rebuild from scratch.
      const deadline = Date.now() + 30_000;
      let ready: any = null;
      while (Date.now() < deadline) {
        ready = await (await fetch(`${service.baseUrl}/health/ready`)).json();
        if (ready.projection?.caughtUp && ready.eventStore.head === String(events.length)) break;
        await sleep(50);
      }
      expect(ready.projection).toMatchObject({ caughtUp: true, lagPositions: '0' });
      await service.kill9();
      const scratch = mkdtempSync(join(tmpdir(), 'shoplink-crash-rebuild-'));
      try {
        const eventStore = new SqliteEventStore(dataFile);
        const rebuilt = new SqliteReadModelStore(join(scratch, 'rebuilt.db'));
        const live = new SqliteReadModelStore(dataFile);
        try {
          await rebuildProjections({ ...SHOP_READ_MODELS, eventStore, store: rebuilt });
          const documents = async (store: SqliteReadModelStore): Promise<Record<string, Document[]>> =>
            Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await store.all(c)] as const)));
          const liveDocuments = await documents(live);
          expect(liveDocuments.shop_status.length).toBeGreaterThan(0);
          expect(liveDocuments).toEqual(await documents(rebuilt));
        } finally {
          await Promise.all([eventStore.close(), rebuilt.close(), live.close()]);
        }
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }

      // The account-claim workflow, resumed from the log as the kills left it: every claim a killed command made
      // without its shop's link is released once its grace period has passed, and every claim left held is one its
      // shop really linked.
      const claims = await resumeClaimsAfterTheKills();
      // The link-supersession workflow, resumed the same way: no shop still waits on an account linked elsewhere.
      const supersession = await supersedeAfterTheKills();

      reportReliability('crash recovery', {
        'kills survived': kills,
        'killed while starting': killedWhileStarting,
        'commands sent': workload.sent.length + retries.length,
        acknowledged: answered.length,
        'unanswered (in flight at a kill)': unanswered.length,
        'of those, landed before the kill': landedBeforeAnswer,
        'events in log': events.length,
        'events lost': lost,
        'half-written commands': halfWritten,
        'account claims left open by a kill, released on resume': claims.released,
        'account claims held, each linked by its shop': claims.held,
        'requests superseded (all, in the log)': supersession.contested,
        'of those, closed on resume after the kills': supersession.superseded,
        '5xx seen': fiveXx.length,
      });
      expect(fiveXx).toEqual([]);
      expect(answered.length).toBeGreaterThan(KILLS * 5);
    },
    bySize(150_000, 1_800_000),
  );
});
