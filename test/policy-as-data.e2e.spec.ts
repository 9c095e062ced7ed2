import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtService } from './support/built-service';
import { TEST_ACTOR_ASSERTION_SECRET_TEXT, TEST_TOKEN_SECRET_TEXT } from './support/service-tokens';
import { linkBody, registerShopBody } from './support/shop-fixtures';
import { detailCodes, eventTypes, ShopScenario } from './support/shop-scenarios';
import { ShoplinkTestApp } from './support/shoplink-test-app';

const SHIPPED = JSON.parse(readFileSync(join(__dirname, '..', 'libs', 'shops', 'src', 'policy', 'default-policy.json'), 'utf8'));

/** The shipped policy under another version, with Britain's unlink wait and cooling period set by the market. */
const policyFile = (version: string, gbOverrides: Record<string, unknown>) => ({
  ...SHIPPED,
  version,
  markets: { ...SHIPPED.markets, GB: { currency: 'GBP', overrides: gbOverrides } },
});
const FAST = { earliestUnlinkHours: 0, deactivationCoolingDays: 0 };

/**
 * The policy is data: a file read at start, its version recorded once, named by every decision.
 * A British shop here links, unlinks and leaves at once because its market's numbers say so (no
 * clock is moved); a German shop, on the global numbers, still waits 24 hours.
 */
describe('Policy as data', () => {
  let dir: string;
  let file: string;
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  const write = (content: unknown) => writeFileSync(file, JSON.stringify(content, null, 2));
  const rawEvents = async (streamId: string) => {
    const answer = await app.request('GET', `/v1/audit/streams/${streamId}/events`);
    expect(answer.status).toBe(200);
    return answer.body.events as { type: string; data: any; metadata: Record<string, unknown> }[];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-policy-'));
    file = join(dir, 'policy.json');
    write(policyFile('fast-1', FAST));
    app = await ShoplinkTestApp.start({ policyFile: file });
    scenario = new ShopScenario(app);
  });

  afterAll(async () => {
    await app.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the policy in force, recorded at start (GET /v1/policy)', async () => {
    const answer = await app.request('GET', '/v1/policy');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      version: 'fast-1',
      inForce: true,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      activatedAt: [app.clock.now().toISOString()],
      policy: {
        version: 'fast-1',
        defaults: { earliestUnlinkHours: 24, deactivationCoolingDays: 90 },
        markets: { GB: { currency: 'GBP', overrides: FAST } },
      },
    });
    const [activation] = await rawEvents('policy-versions');
    expect(activation).toMatchObject({
      type: 'PolicyVersionActivated',
      data: { version: 'fast-1', previousVersion: null },
      metadata: { policyVersion: 'fast-1' },
    });
  });

  it("walks link, unlink and leave at once in Britain, on its market's numbers, each decision naming the policy version", async () => {
    await scenario.verifiedShop('fast-shop');
    await scenario.link('fast-shop', 'acct-fast', 'official');
    await scenario.placeOrder('fast-shop', 'order-1');
    await scenario.fulfil('fast-shop', 'order-1');
    // No wait after linking, and none after the last order closed: the clock never moves.
    const unlinked = await scenario.unlink('fast-shop', 'acct-fast', 'closure');
    // The status's live blockers use the market's numbers too: nothing stands in the way of leaving.
    expect((await scenario.status('fast-shop', unlinked)).blockers).toEqual({ unlinkOfficialAccount: [], deactivation: [] });
    const left = await app.command('POST', '/v1/shops/fast-shop/deactivation');
    expect(left.status).toBe(200);
    expect(eventTypes(left)).toEqual(['ShopDeactivated']);

    const shopEvents = await rawEvents('shop-fast-shop');
    expect(shopEvents.map((event) => event.type)).toContain('AccountUnlinked');
    expect(shopEvents.map((event) => [event.type, event.metadata.policyVersion])).toEqual(
      shopEvents.map((event) => [event.type, 'fast-1']),
    );
    const claims = await rawEvents('account-acct-fast');
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.map((event) => event.metadata.policyVersion)).toEqual(claims.map(() => 'fast-1'));
  });

  it('keeps the global numbers for a market without overrides: a German shop still waits 24 hours to unlink', async () => {
    await scenario.verifiedShop('slow-shop', { overrides: { region: 'DE', currency: 'EUR' } });
    const requested = await app.command('POST', '/v1/shops/slow-shop/links', linkBody('acct-slow', 'official', { region: 'DE' }));
    expect(requested.status).toBe(200);
    const authorized = await app.command(
      'POST',
      '/v1/shops/slow-shop/links/acct-slow/authorization',
      { decision: 'granted', grantedScopes: SHIPPED.defaults.requiredScopes.official },
      { actor: 'system:oauth-relay' },
    );
    expect(eventTypes(authorized)).toEqual(['AccountLinkAuthorized', 'AccountLinked']);
    const refused = await app.command('POST', '/v1/shops/slow-shop/links/acct-slow/unlink-requests', { reason: 'closure' });
    expect(refused.status).toBe(422);
    expect(detailCodes(refused)).toEqual(['TOO_SOON_AFTER_LINKING']);
  });

  it('registers shops only in a supported market, in its currency (422 MARKET_NOT_SUPPORTED); a code that is no ISO code stays a 400', async () => {
    const notAMarket = await app.command('POST', '/v1/shops', registerShopBody('nowhere-shop', { region: 'NZ', currency: 'NZD' }));
    expect(notAMarket.status).toBe(422);
    expect(notAMarket.body).toMatchObject({ code: 'MARKET_NOT_SUPPORTED', details: [{ code: 'REGION_NOT_SUPPORTED' }] });
    const wrongMoney = await app.command('POST', '/v1/shops', registerShopBody('wrong-money', { region: 'GB', currency: 'EUR' }));
    expect(wrongMoney.status).toBe(422);
    expect(wrongMoney.body).toMatchObject({ code: 'MARKET_NOT_SUPPORTED', details: [{ code: 'CURRENCY_NOT_OF_MARKET' }] });
    const zz = await app.command('POST', '/v1/shops', registerShopBody('zz-shop', { region: 'ZZ', currency: 'QQQ' }));
    expect(zz.status).toBe(400);
  });

  it('records a changed file as a new version at restart, nothing for the same file, and keeps every version readable', async () => {
    write(policyFile('fast-2', { earliestUnlinkHours: 0, deactivationCoolingDays: 7 }));
    await app.restart();
    expect((await app.request('GET', '/v1/policy')).body).toMatchObject({
      version: 'fast-2',
      policy: { markets: { GB: { overrides: { deactivationCoolingDays: 7 } } } },
    });
    await app.restart();
    const activations = await rawEvents('policy-versions');
    expect(activations.map((event) => [event.data.version, event.data.previousVersion])).toEqual([
      ['fast-1', null],
      ['fast-2', 'fast-1'],
    ]);
    const earlier = await app.request('GET', '/v1/policy/versions/fast-1');
    expect(earlier.status).toBe(200);
    expect(earlier.body).toMatchObject({ version: 'fast-1', inForce: false, policy: { markets: { GB: { overrides: FAST } } } });
    const unknown = await app.request('GET', '/v1/policy/versions/never-was');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'POLICY_VERSION_NOT_FOUND' });
    // The audit state names the policy the last decision was made under.
    const state = await app.request('GET', '/v1/audit/shops/fast-shop/state?revision=0');
    expect(state.body.stoppedAt).toMatchObject({ type: 'ShopRegistered', policyVersion: 'fast-1' });
  });

  describe('the compiled service refuses to start (exit 78, one JSON line)', () => {
    let main: string;
    beforeAll(async () => {
      main = (await builtService()).apiMain;
      await app.stop();
    }, 300_000);

    const start = (policy: string) =>
      new Promise<{ code: number; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          [main],
          {
            env: {
              PATH: process.env.PATH ?? '',
              PORT: '0',
              HOST: '127.0.0.1',
              SHOPLINK_DATA_FILE: app.config.dataFile,
              SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT,
              SHOPLINK_ACTOR_ASSERTION_SECRET: TEST_ACTOR_ASSERTION_SECRET_TEXT,
              SHOPLINK_POLICY_FILE: policy,
            },
            timeout: 60_000,
          },
          (error, _stdout, stderr) => resolve({ code: error ? Number(error.code ?? 99) : 0, stderr }),
        ),
      );

    it('with a version already recorded under other numbers', async () => {
      const reused = join(dir, 'reused.json');
      writeFileSync(reused, JSON.stringify(policyFile('fast-1', { earliestUnlinkHours: 1 })));
      const run = await start(reused);
      expect(run.code).toBe(78);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(JSON.parse(lines[0])).toMatchObject({ level: 'fatal', code: 'CONFIG_INVALID' });
      expect(JSON.parse(lines[0]).msg).toMatch(/^SHOPLINK_POLICY_FILE: policy version fast-1 was recorded with other content/);
      // Nothing was recorded: the stream still holds the two activations.
      await app.boot();
      expect((await rawEvents('policy-versions')).map((event) => event.data.version)).toEqual(['fast-1', 'fast-2']);
      await app.stop();
    });

    it('with an invalid file, naming every bad field', async () => {
      const invalid = join(dir, 'invalid.json');
      const content = policyFile('fast-3', { earliestUnlinkHours: -1 });
      content.defaults = { ...content.defaults, minOwnerAge: 'eighteen' };
      content.markets = { ...content.markets, XX: { currency: 'GBP' } };
      writeFileSync(invalid, JSON.stringify(content));
      const run = await start(invalid);
      expect(run.code).toBe(78);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      const fatal = JSON.parse(lines[0]);
      expect(fatal).toMatchObject({ level: 'fatal', code: 'CONFIG_INVALID' });
      expect(fatal.msg).toContain(
        `SHOPLINK_POLICY_FILE: ${invalid}: defaults.minOwnerAge: expected a whole number from 0 to 100000, got "eighteen"`,
      );
      expect(fatal.msg).toContain(
        `SHOPLINK_POLICY_FILE: ${invalid}: markets.GB.overrides.earliestUnlinkHours: expected a whole number from 0 to 100000, got -1`,
      );
      expect(fatal.msg).toContain(`SHOPLINK_POLICY_FILE: ${invalid}: markets.XX: expected an ISO 3166-1 alpha-2 region code such as GB`);
    });
  });
});
