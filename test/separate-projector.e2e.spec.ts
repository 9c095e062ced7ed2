import { join } from 'node:path';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { Document, Projector } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_READ_MODELS } from '@shoplink/shops';
import { loadStorageConfig } from '@shoplink/storage';
import { ProjectorProcess, startProjectorProcess } from '../apps/projector/src/projector-process';
import { registerShopBody } from './support/shop-fixtures';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { TEST_TOKEN_SECRET } from './support/service-tokens';
import { readModelDocumentsIn } from './support/read-model-documents';

/**
 * The production topology on the embedded adapters: the API without its projector
 * (SHOPLINK_RUN_PROJECTOR=false) and the projector process's own composition
 * (apps/projector/src/projector-process.ts) on the same data. Read-your-writes then waits on
 * the checkpoint the other process commits; two projector processes at once stay correct.
 */
describe('API and projector as separate processes', () => {
  let app: ShoplinkTestApp;
  const projectors: ProjectorProcess[] = [];
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

  const startProjector = async (): Promise<ProjectorProcess> => {
    const storage = loadStorageConfig({ SHOPLINK_DATA_FILE: app.config.dataFile });
    const running = await startProjectorProcess(
      { storage, host: '127.0.0.1', port: 0, lagLogIntervalMs: 0, tokenSecret: TEST_TOKEN_SECRET, tokenSecretSource: 'test' },
      silent,
    );
    projectors.push(running);
    return running;
  };
  const stop = async (running: ProjectorProcess) => {
    projectors.splice(projectors.indexOf(running), 1);
    await running.stop();
  };

  beforeEach(async () => {
    app = await ShoplinkTestApp.start({ runProjector: false });
  });

  afterEach(async () => {
    for (const running of projectors.splice(0)) await running.stop();
    await app.destroy();
  });

  it('answers a read-your-writes query once the projector process has committed the position, and 503 while none runs', async () => {
    const registered = await app.command('POST', '/v1/shops', registerShopBody('split-shop'));
    expect(registered.status).toBe(201);

    const behind = await app.query('/v1/shops/split-shop', registered);
    expect(behind.status).toBe(503);
    expect(behind.body.code).toBe('READ_MODEL_BEHIND');
    expect((await app.request('GET', '/health/ready')).body.projection).toMatchObject({ checkpoint: null, caughtUp: false });

    const projector = await startProjector();
    const status = await app.query('/v1/shops/split-shop', registered);
    expect(status.status).toBe(200);
    expect(status.body.shopId).toBe('split-shop');

    const ready = await fetch(`${projector.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      eventStore: { status: 'up', head: registered.body.position },
      readStore: { status: 'up' },
      projection: { name: SHOP_READ_MODELS.projector, checkpoint: registered.body.position, lagPositions: '0', caughtUp: true },
    });
    expect((await fetch(`${projector.url}/health`)).status).toBe(200);
    expect((await fetch(`${projector.url}/nothing`)).status).toBe(404);
    expect((await app.request('GET', '/health/ready')).body).toMatchObject({
      idempotencyStore: { status: 'up' },
      projection: { caughtUp: true },
    });
  });

  it('resumes from its checkpoint after a restart, and the API never moves the read models itself', async () => {
    const projector = await startProjector();
    const first = await app.command('POST', '/v1/shops', registerShopBody('restart-a'));
    expect((await app.query('/v1/shops/restart-a', first)).status).toBe(200);

    await stop(projector);
    const second = await app.command('POST', '/v1/shops', registerShopBody('restart-b'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await app.request('GET', '/health/ready')).body.projection).toMatchObject({ checkpoint: first.body.position, caughtUp: false });

    await startProjector();
    expect((await app.query('/v1/shops/restart-b', second)).status).toBe(200);
    expect((await app.query('/v1/shops/restart-a')).body.shopId).toBe('restart-a');
  });

  it('two projector processes at once: documents identical to one projector run from scratch', async () => {
    await Promise.all([startProjector(), startProjector()]);
    let last;
    for (let n = 0; n < 12; n++) {
      last = await app.command('POST', '/v1/shops', registerShopBody(`twin-${n}`));
      if (n % 3 === 0) await app.command('POST', `/v1/shops/twin-${n}/members`, { memberId: `m-${n}`, role: 'finance' });
    }
    expect((await app.query('/v1/shops/twin-11', last)).status).toBe(200);
    const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
    expect(
      await Promise.all(projectors.map((p) => p.projector.waitForPosition({ commit: BigInt(head), prepare: BigInt(head) }, 10_000))),
    ).toEqual([true, true]);

    expect(await documentsIn(app.config.dataFile)).toEqual(
      await documentsFromScratch(app.config.dataFile, join(app.dataDir, 'reference.db'), head),
    );
  });
});

const documentsIn = readModelDocumentsIn;

/** The read models as one projector, alone and from the start of the log, makes them. */
async function documentsFromScratch(eventsFile: string, referenceFile: string, head: string): Promise<Record<string, Document[]>> {
  const eventStore = new SqliteEventStore(eventsFile);
  const store = new SqliteReadModelStore(referenceFile);
  const projector = new Projector({ name: SHOP_READ_MODELS.projector, projections: SHOP_READ_MODELS.projections, eventStore, store });
  try {
    await projector.start();
    expect(await projector.waitForPosition({ commit: BigInt(head), prepare: BigInt(head) }, 10_000)).toBe(true);
  } finally {
    await projector.stop();
    await store.close();
    await eventStore.close();
  }
  return documentsIn(referenceFile);
}
