import { join } from 'node:path';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite/sqlite-read-model-store';
import { SHOP_READ_MODELS, SHOP_READ_MODELS_PROJECTOR } from '@shoplink/shops';
import { runCli } from '../apps/cli/src/cli';
import { CliOutput } from '../apps/cli/src/cli-command';
import { ShoplinkTestApp } from './support/shoplink-test-app';
import { ShopScenario } from './support/shop-scenarios';

interface Captured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const COLLECTIONS = [...new Set(SHOP_READ_MODELS.projections.map((p) => p.collection))];

/** `shoplink-audit rebuild-projections`, run in-process against the data file the running service writes. */
describe('Auditor CLI: rebuild-projections', () => {
  let app: ShoplinkTestApp;
  let shops: ShopScenario;

  const cli = async (...args: string[]): Promise<Captured> => {
    let stdout = '';
    let stderr = '';
    const output: CliOutput = { out: async (text) => void (stdout += text), err: (text) => void (stderr += text) };
    const code = await runCli(args, output, { SHOPLINK_DATA_FILE: app.config.dataFile });
    return { code, stdout, stderr };
  };

  const documents = async () => {
    const store = new SqliteReadModelStore(app.config.dataFile);
    try {
      return Object.fromEntries(await Promise.all(COLLECTIONS.map(async (c) => [c, await store.all(c)] as const)));
    } finally {
      await store.close();
    }
  };

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    shops = new ShopScenario(app);
    await shops.verifiedShop('cli-rebuild');
    await shops.link('cli-rebuild', 'cli-rebuild-brand', 'official');
    await shops.credit('cli-rebuild', 'cli-rebuild-settle-1', 2_500);
    await shops.withdraw('cli-rebuild', 'cli-rebuild-wd-1', 1_000);
  });

  afterAll(async () => {
    await app.destroy();
  });

  it('rebuilds every read model while the service runs, with progress on stderr and a summary on stdout', async () => {
    const head = (await app.request('GET', '/health/ready')).body.eventStore.head;
    // The live read models first catch up with the head (read-your-writes), so "before" holds every event.
    expect((await app.request('GET', `/v1/shops/cli-rebuild?minPosition=${head}`)).status).toBe(200);
    const before = await documents();

    const run = await cli('rebuild-projections');

    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Rebuilt the read models of "${SHOP_READ_MODELS_PROJECTOR}" from ${head} events`);
    expect(run.stdout).toMatch(/events\/s\)/);
    expect(run.stdout).toMatch(/shop_status\s+1 documents/);
    expect(run.stdout).toContain(`Switched in at position ${head}`);
    // Not a terminal: plain lines, one per phase at least.
    expect(run.stderr).toMatch(/^rebuild-projections: replaying, .* events\/s/m);
    expect(run.stderr).toMatch(/^rebuild-projections: switching, /m);
    expect(await documents()).toEqual(before);

    // The service carries on over the switched-in read models.
    const credited = await shops.credit('cli-rebuild', 'cli-rebuild-settle-2', 500);
    expect((await shops.status('cli-rebuild', credited)).money.available).toBe(2_000);
  });

  it('answers JSON with --json, and no progress', async () => {
    const run = await cli('rebuild-projections', '--json');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({
      projector: SHOP_READ_MODELS_PROJECTOR,
      events: Number((await app.request('GET', '/health/ready')).body.eventStore.head),
      documents: { shop_status: 1, withdrawals: 1, accounts: 1 },
      checkpoint: expect.stringMatching(/^\d+$/),
      phases: { replaying: expect.any(Number), writing: expect.any(Number), switching: expect.any(Number) },
    });
  });

  it('refuses a missing data file and arguments it does not take, with exit code 2', async () => {
    const missing = await cli('rebuild-projections', '--data-file', join(app.dataDir, 'nope.db'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No data file at .*nope\.db/);
    const extra = await cli('rebuild-projections', 'shop-1');
    expect(extra.code).toBe(2);
    const help = await cli('--help');
    expect(help.stdout).toMatch(/rebuild-projections\s+Replay the whole log/);
  });
});
