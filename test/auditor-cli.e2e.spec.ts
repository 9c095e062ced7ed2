import { generateKeyPairSync } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import {
  hasSecondFactor,
  loadActorAssertionKeys,
  loadTokenSecret,
  MAX_ACTOR_ASSERTION_LIFETIME_SECONDS,
  verifyActorAssertion,
  verifyServiceToken,
} from '@shoplink/service-auth';
import { TIMELINE_COLLECTION } from '@shoplink/shops';
import { join } from 'node:path';
import { HttpAnswer, ShoplinkTestApp } from './support/shoplink-test-app';
import { CliRun, runAuditCli } from './support/audit-cli';
import { builtService } from './support/built-service';
import { parseCsv } from './support/parse-csv';
import { readModelDocumentsIn } from './support/read-model-documents';
import { registerShopBody } from './support/shop-fixtures';
import { SECURITY, ShopScenario } from './support/shop-scenarios';
import { DataFileTamperer } from './support/tamper-with-data-file';
import { TestClock } from './support/test-clock';
import { TEST_ACTOR_ASSERTION_SECRET_TEXT, TEST_TOKEN_SECRET_TEXT } from './support/service-tokens';

// Control characters are refused at the API (docs/api.md, Identifiers and text): hostile text is quotes, commas and formulas.
const HOSTILE_NAME = 'Brand, "Best" Ltd';
const HOSTILE_DESCRIPTION = `=HYPERLINK("http://evil.example","click"), then a second sentence`;

/** The auditor CLI as a user runs it: a child process on the data file the real service wrote. */
describe('Auditor CLI (shoplink-audit)', () => {
  let app: ShoplinkTestApp;
  const clock = new TestClock('2026-11-01T09:00:00.000Z');
  let lastAnswer: HttpAnswer;
  let cliMain: string;

  function cli(...args: string[]): Promise<CliRun> {
    return cliWith({}, ...args);
  }

  function cliWith(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
    return runAuditCli(cliMain, app.config.dataFile, args, env);
  }

  const noStackTrace = (run: CliRun) => expect(run.stderr).not.toMatch(/^\s+at /m);

  beforeAll(async () => {
    // The CLI as `npm run build` makes it, compiled once for every suite that runs it (built-service.ts).
    cliMain = (await builtService()).cliMain;
    app = await ShoplinkTestApp.start({ clock });
    const scenario = new ShopScenario(app);
    expect((await app.command('POST', '/v1/shops', registerShopBody('cli-shop', { name: HOSTILE_NAME }))).status).toBe(201); // r0 09:00
    clock.advanceHours(1);
    expect((await app.command('POST', '/v1/shops/cli-shop/verification', { documents: ['doc:1'] })).status).toBe(200); // r1 10:00
    clock.advanceHours(1);
    await scenario.grant('cli-shop', 'm-fin', 'finance'); // r2 11:00
    clock.advanceHours(1);
    // r3 SecurityIncidentReported, r4 FundsFrozen (of nothing), 12:00
    lastAnswer = await app.command(
      'POST',
      '/v1/shops/cli-shop/security-incidents',
      { incidentId: 'inc-1', description: HOSTILE_DESCRIPTION },
      SECURITY,
    );
    expect(lastAnswer.status).toBe(200);
    // Positions: the policy activation 1, cli-shop 2..6, cli-other 7..9, cli-last 10..11.
    expect((await app.command('POST', '/v1/shops', registerShopBody('cli-other'))).status).toBe(201);
    await scenario.grant('cli-other', 'm-x', 'viewer');
    await scenario.grant('cli-other', 'm-y', 'viewer');
    expect((await app.command('POST', '/v1/shops', registerShopBody('cli-last'))).status).toBe(201);
    await scenario.grant('cli-last', 'm-z', 'viewer');
  }, 300_000);

  afterAll(async () => {
    await app?.destroy();
  });

  describe('usage', () => {
    it('--help lists every command and the exit codes; a command has its own help', async () => {
      const help = await cli('--help');
      expect(help.code).toBe(0);
      for (const command of ['history <shopId>', 'state <shopId>', 'verify (<shopId> | --all)', 'export <shopId> --format jsonl|csv'])
        expect(help.stdout).toContain(command);
      expect(help.stdout).toContain(
        'Exit codes: 0 ok (intact), 1 tampering found, 2 usage error (bad arguments or settings), 3 internal error, 4 not found (shop, moment or revision), ' +
          '5 a digest not signed by a known key (verify --digest), 6 the answer rests on a broken hash chain (state, history: printed with a warning, or refused across a removed event).',
      );
      expect(help.stdout).toContain('KurrentDB when\nEVENTSTORE_URL is set');
      const verifyHelp = await cli('verify', '--help');
      expect(verifyHelp).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: shoplink-audit verify (<shopId> | --all)') });
    });

    it('answers 2 on stderr, without a stack trace, for every kind of bad usage', async () => {
      const runs = await Promise.all([
        cli(),
        cli('frobnicate'),
        cli('history'),
        cli('history', 'cli-shop', '--colour'),
        cli('state', 'cli-shop'),
        cli('state', 'cli-shop', '--as-of', '2026-11-01T10:00:00Z', '--revision', '1'),
        cli('state', 'cli-shop', '--as-of', 'yesterday'),
        cli('verify'),
        cli('verify', 'cli-shop', '--all'),
        cli('export', 'cli-shop'),
        cli('export', 'cli-shop', '--format', 'xml'),
        cli('verify', '--all', '--data-file', join(app.dataDir, 'missing.db')),
        cli('history', 'cli-shop', '--from', 'yesterday'),
        cli('history', 'cli-shop', '--from', '2026-11-01T10:00:00'),
        cli('history', 'cli-shop', '--actor', 'm-owner'),
        cli('history', 'cli-shop', '--type', 'NoSuchEvent'),
        cli('export', 'cli-shop', '--format', 'csv', '--from', '2026-11-02', '--to', '2026-11-01'),
        cliWith({ EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false' }, 'verify', '--all', '--data-file', app.config.dataFile),
        cliWith({ EVENTSTORE_URL: 'http://not-kurrent' }, 'history', 'cli-shop'),
        cliWith({ EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false' }, 'rebuild-projections'),
      ]);
      for (const run of runs) {
        expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
        expect(run.stderr).not.toBe('');
        noStackTrace(run);
      }
      expect(runs[1].stderr).toContain('Unknown command "frobnicate"');
      expect(runs[3].stderr).toContain("'--colour'");
      expect(runs[6].stderr).toContain('--as-of must be an ISO 8601 date-time with a time zone');
      expect(runs[11].stderr).toContain('No data file at');
      expect(runs[12].stderr).toContain('--from: from must be an ISO-8601 date');
      expect(runs[13].stderr).toContain('--from: from must be an ISO-8601 date');
      expect(runs[14].stderr).toContain('--actor: actor must be <kind>:<id>');
      expect(runs[15].stderr).toContain('--type: NoSuchEvent is not a shop event type');
      expect(runs[16].stderr).toContain('--to: to must be later than from');
      expect(runs[17].stderr).toContain('--data-file names the embedded SQLite file, but EVENTSTORE_URL selects KurrentDB');
      expect(runs[18].stderr).toContain('EVENTSTORE_URL: not a KurrentDB connection string');
      expect(runs[18].stderr).toContain('(STORAGE_CONFIG)');
      expect(runs[19].stderr).toContain('(SQLITE_ONLY)');
      // Twenty CLI processes at once: more than the default 5 s on a loaded machine.
    }, 30_000);

    it('with --json, an expected error is one JSON object on stderr', async () => {
      const run = await cli('state', 'nobody', '--revision', '0', '--json');
      expect(run).toMatchObject({ code: 4, stdout: '' });
      expect(JSON.parse(run.stderr)).toEqual({ error: { code: 'SHOP_NOT_FOUND', message: 'No shop nobody', details: [] } });
    });
  });

  describe('history', () => {
    it('prints one line per event: time, revision, type, actor, summary', async () => {
      const run = await cli('history', 'cli-shop');
      expect(run.code).toBe(0);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(5);
      expect(lines[0]).toMatch(/^2026-11-01T09:00:00\.000Z {2}#0 +ShopRegistered +member:m-owner +Shop "Brand, "Best" Ltd"/);
      expect(run.stdout).toMatch(/2026-11-01T11:00:00\.000Z {2}#2 +AccessGranted +member:m-owner +.*m-fin/);
      expect(run.stdout).toMatch(
        /2026-11-01T12:00:00\.000Z {2}#3 +SecurityIncidentReported +system:security +Security incident inc-1 reported/,
      );
    });

    it('--json gives the timeline entries; --type narrows them', async () => {
      const run = await cli('history', 'cli-shop', '--json');
      expect(run.code).toBe(0);
      const { shopId, entries } = JSON.parse(run.stdout);
      expect(shopId).toBe('cli-shop');
      expect(entries.map((e: { type: string }) => e.type)).toEqual([
        'ShopRegistered',
        'BusinessVerificationSubmitted',
        'AccessGranted',
        'SecurityIncidentReported',
        'FundsFrozen',
      ]);
      expect(entries[3]).toMatchObject({ revision: 3, actor: 'system:security', reason: HOSTILE_DESCRIPTION });
      expect(entries[4]).toMatchObject({ revision: 4, position: lastAnswer.body.position });
      const granted = JSON.parse(
        (await cli('history', 'cli-shop', '--type', 'AccessGranted', '--type', 'ShopRegistered', '--json')).stdout,
      );
      expect(granted.entries.map((e: { revision: number }) => e.revision)).toEqual([0, 2]);
    });

    it('--from, --to and --actor narrow the entries exactly as the history route does', async () => {
      const filters: [string[], string][] = [
        [['--from', '2026-11-01T10:00:00Z'], 'from=2026-11-01T10:00:00Z'],
        [['--to', '2026-11-01T11:00:00Z'], 'to=2026-11-01T11:00:00Z'],
        [
          ['--from', '2026-11-01T10:00:00Z', '--to', '2026-11-01T12:00:00+01:00'],
          'from=2026-11-01T10:00:00Z&to=2026-11-01T12:00:00%2B01:00',
        ],
        [['--actor', 'member:m-owner'], 'actor=member:m-owner'],
        [['--actor', 'member:m-owner', '--type', 'AccessGranted,ShopRegistered'], 'actor=member:m-owner&type=AccessGranted,ShopRegistered'],
        [['--from', '2026-11-01', '--to', '2026-11-02', '--actor', 'support:nobody'], 'from=2026-11-01&to=2026-11-02&actor=support:nobody'],
      ];
      for (const [flags, query] of filters) {
        const run = await cli('history', 'cli-shop', ...flags, '--json');
        expect({ flags, code: run.code }).toEqual({ flags, code: 0 });
        const route = await app.query(`/v1/shops/cli-shop/history?${query}`, lastAnswer);
        expect({ flags, status: route.status }).toEqual({ flags, status: 200 });
        expect({ flags, entries: JSON.parse(run.stdout).entries }).toEqual({ flags, entries: route.body.entries });
      }
      const window = JSON.parse(
        (await cli('history', 'cli-shop', '--from', '2026-11-01T10:00:00Z', '--to', '2026-11-01T11:00:00Z', '--json')).stdout,
      );
      expect(window.entries.map((e: { revision: number }) => e.revision)).toEqual([1]);
      const none = await cli('history', 'cli-shop', '--actor', 'support:nobody');
      expect(none).toMatchObject({ code: 0, stdout: '' });
      // Eight CLI runs and six route reads, one after another: more than the default 5 s on a loaded machine.
    }, 30_000);

    it('answers 4 for a shop that is not in the log', async () => {
      const run = await cli('history', 'nobody');
      expect(run).toMatchObject({ code: 4, stdout: '' });
      expect(run.stderr).toContain('No shop nobody in this log (SHOP_NOT_FOUND)');
      noStackTrace(run);
    });
  });

  describe('state', () => {
    it('rebuilds the shop as of a moment between two events and says where it stopped', async () => {
      const run = await cli('state', 'cli-shop', '--as-of', '2026-11-01T10:30:00Z');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Shop cli-shop as of 2026-11-01T10:30:00.000Z: 2 events of shop-cli-shop replayed');
      expect(run.stdout).toContain('Stopped at: revision 1, BusinessVerificationSubmitted, occurred 2026-11-01T10:00:00.000Z');
      expect(run.stdout).toContain('Next event: revision 2, AccessGranted, occurred 2026-11-01T11:00:00.000Z');
      expect(run.stdout).toMatch(/verification pending/);
      expect(run.stdout).toMatch(/members +m-owner admin\n/);
    });

    it('--json is the answer of the state route, by moment and by revision', async () => {
      for (const [flags, query] of [
        [['--as-of', '2026-11-01T11:00:00Z'], 'asOf=2026-11-01T11:00:00Z'],
        [['--revision', '3'], 'revision=3'],
      ] as const) {
        const run = await cli('state', 'cli-shop', ...flags, '--json');
        expect(run.code).toBe(0);
        const route = await app.request('GET', `/v1/audit/shops/cli-shop/state?${query}`);
        expect(route.status).toBe(200);
        expect(JSON.parse(run.stdout)).toEqual(route.body);
      }
    });

    it('answers 4 (not found) before the shop was registered, past the last revision, and for an unknown shop', async () => {
      const early = await cli('state', 'cli-shop', '--as-of', '2026-11-01T08:00:00Z');
      expect(early).toMatchObject({ code: 4, stdout: '' });
      expect(early.stderr).toContain('SHOP_NOT_YET_REGISTERED');
      expect((await cli('state', 'nobody', '--revision', '0')).code).toBe(4);
      const past = await cli('state', 'cli-shop', '--revision', '5');
      expect(past.code).toBe(4);
      expect(past.stderr).toContain('REVISION_NOT_FOUND');
    });
  });

  describe('export', () => {
    it('writes JSON Lines, one timeline entry per event', async () => {
      const run = await cli('export', 'cli-shop', '--format', 'jsonl');
      expect(run.code).toBe(0);
      const entries = run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(entries.map((e) => [e.revision, e.type])).toEqual([
        [0, 'ShopRegistered'],
        [1, 'BusinessVerificationSubmitted'],
        [2, 'AccessGranted'],
        [3, 'SecurityIncidentReported'],
        [4, 'FundsFrozen'],
      ]);
      expect(entries[3].reason).toBe(HOSTILE_DESCRIPTION);
    });

    it('writes CSV that a parser reads back to the same values, hostile text quoted and defused', async () => {
      const [csv, jsonl] = await Promise.all([
        cli('export', 'cli-shop', '--format', 'csv'),
        cli('export', 'cli-shop', '--format', 'jsonl'),
      ]);
      expect(csv.code).toBe(0);
      const rows = parseCsv(csv.stdout);
      const entries = jsonl.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      const header = rows[0];
      expect(header.slice(0, 4)).toEqual(['occurredAt', 'revision', 'position', 'type']);
      expect(rows).toHaveLength(1 + entries.length);
      entries.forEach((entry, i) => {
        const row = Object.fromEntries(header.map((field, j) => [field, rows[i + 1][j]]));
        for (const field of header) {
          const value = entry[field] === null ? '' : String(entry[field]);
          // A value a spreadsheet would run as a formula is prefixed with a quote; nothing else changes.
          expect({ field, value: row[field] }).toEqual({ field, value: /^[=+\-@\t\r]/.test(value) ? `'${value}` : value });
        }
      });
      expect(rows[4][header.indexOf('reason')]).toBe(`'${HOSTILE_DESCRIPTION}`);
      expect(csv.stdout).toContain('\r\n');
    });

    it('writes the very bytes of the history export route, from the stream instead of the read model', async () => {
      for (const format of ['csv', 'jsonl']) {
        const [run, route] = await Promise.all([
          cli('export', 'cli-shop', '--format', format),
          app.query(`/v1/shops/cli-shop/history/export?format=${format}`, lastAnswer),
        ]);
        expect({ format, status: route.status }).toEqual({ format, status: 200 });
        const routeText = typeof route.body === 'string' ? route.body : JSON.stringify(route.body) + '\n';
        expect(run.stdout).toBe(routeText);
      }
    });

    it('answers 4, writing nothing, for an unknown shop', async () => {
      expect(await cli('export', 'nobody', '--format', 'csv')).toMatchObject({ code: 4, stdout: '' });
      expect(await cli('export', 'nobody', '--format', 'jsonl')).toMatchObject({ code: 4, stdout: '' });
    });

    it('takes the filters of the export route, with the same bytes', async () => {
      const query = 'from=2026-11-01T10:00:00Z&to=2026-11-01T12:00:00Z&actor=member:m-owner';
      for (const format of ['csv', 'jsonl']) {
        const [run, route] = await Promise.all([
          cli(
            'export',
            'cli-shop',
            '--format',
            format,
            '--from',
            '2026-11-01T10:00:00Z',
            '--to',
            '2026-11-01T12:00:00Z',
            '--actor',
            'member:m-owner',
          ),
          app.query(`/v1/shops/cli-shop/history/export?format=${format}&${query}`, lastAnswer),
        ]);
        expect({ format, code: run.code, status: route.status }).toEqual({ format, code: 0, status: 200 });
        const routeText = typeof route.body === 'string' ? route.body : JSON.stringify(route.body) + '\n';
        expect(run.stdout).toBe(routeText);
      }
      // Nothing matched: CSV is its header alone, JSON Lines empty; the shop exists, so 0.
      const empty = await cli('export', 'cli-shop', '--format', 'csv', '--actor', 'support:nobody');
      expect(empty.code).toBe(0);
      expect(empty.stdout.split('\r\n').filter((l) => l !== '')).toHaveLength(1);
    });
  });

  describe('rebuild-projections', () => {
    // A service of its own: the other tests here count the events of theirs, then tamper with its file.
    let own: ShoplinkTestApp;
    beforeAll(async () => {
      own = await ShoplinkTestApp.start();
    });
    afterAll(async () => {
      await own?.destroy();
    });

    it('replays the timeline on a second thread while the service runs, and switches in the documents the live projector made', async () => {
      const scenario = new ShopScenario(own);
      expect((await own.command('POST', '/v1/shops', registerShopBody('cli-long'))).status).toBe(201);
      // 70 events: the shop's timeline spans a full block of 64 and a second one still filling.
      for (let i = 0; i < 69; i++) await scenario.grant('cli-long', `m-${i}`, 'viewer');
      const head = (await own.request('GET', '/health/ready')).body.eventStore.head;
      expect((await own.request('GET', `/v1/shops/cli-long?minPosition=${head}`)).status).toBe(200);
      const live = await readModelDocumentsIn(own.config.dataFile);
      const historyBefore = (await own.request('GET', '/v1/shops/cli-long/history?limit=100')).body;
      expect(historyBefore.entries).toHaveLength(70);
      const dataFile = { SHOPLINK_DATA_FILE: own.config.dataFile };

      const threaded = await cliWith(dataFile, 'rebuild-projections', '--json');

      expect(threaded.code).toBe(0);
      const summary = JSON.parse(threaded.stdout);
      expect(summary.threads).toEqual([{ collections: [TIMELINE_COLLECTION], seconds: expect.any(Number) }]);
      expect(summary.documents[TIMELINE_COLLECTION]).toBe(2);
      expect(await readModelDocumentsIn(own.config.dataFile)).toEqual(live);
      expect((await own.request('GET', '/v1/shops/cli-long/history?limit=100')).body).toEqual(historyBefore);

      // The same replay on one thread gives the same documents.
      const single = await cliWith({ ...dataFile, SHOPLINK_REBUILD_THREADS: '0' }, 'rebuild-projections', '--json');
      expect(single.code).toBe(0);
      expect(JSON.parse(single.stdout).threads).toEqual([]);
      expect(await readModelDocumentsIn(own.config.dataFile)).toEqual(live);
    });
  });

  describe('verify', () => {
    it('finds an untouched shop and log intact (exit 0); --json is the integrity route answer', async () => {
      const shop = await cli('verify', 'cli-shop');
      expect(shop.code).toBe(0);
      expect(shop.stdout).toMatch(
        /^shop-cli-shop: intact, 5 events, last revision 4, last hash [0-9a-f]{64}\nVerdict: intact \(1 stream\)\n$/,
      );
      const json = await cli('verify', 'cli-shop', '--json');
      expect(JSON.parse(json.stdout)).toEqual((await app.request('GET', '/v1/audit/shops/cli-shop/integrity')).body);
      const unknown = await cli('verify', 'nobody');
      expect(unknown).toMatchObject({ code: 4, stdout: '' });
      expect(unknown.stderr).toContain('SHOP_NOT_FOUND');
      const all = await cli('verify', '--all');
      expect(all.code).toBe(0);
      // The log opens with the policy activation (stream `policy-versions`, position 1), then the shops.
      expect(all.stdout).toMatch(/^Verdict: intact: 11 events in 4 streams, positions up to 11 \(highest issued 11\)\n$/);
      expect(JSON.parse((await cli('verify', '--all', '--json')).stdout)).toMatchObject({
        intact: true,
        events: 11,
        streams: 4,
        head: '11',
        problems: [],
      });
    });

    describe('after tampering with the data file', () => {
      let alteredId: string;

      beforeAll(async () => {
        alteredId = (await app.request('GET', '/v1/audit/streams/shop-cli-shop/events')).body.events[2].id;
        await app.stop();
        const tamper = new DataFileTamperer(app.config.dataFile);
        tamper.alterData('shop-cli-shop', 2, '$.role', 'admin');
        tamper.deleteEvent('shop-cli-other', 2); // position 9, the last event of its stream: no chain breaks
        tamper.deleteEvent('shop-cli-last', 1); // position 11, the last event of the whole log
      });

      it('verify <shopId> answers 1 naming the altered event', async () => {
        const run = await cli('verify', 'cli-shop');
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(`shop-cli-shop: BROKEN at revision 2 (altered, event ${alteredId})`);
        expect(run.stdout).toContain(`Verdict: TAMPERING FOUND; first bad event: shop-cli-shop revision 2 (altered, event ${alteredId})`);
        const json = JSON.parse((await cli('verify', 'cli-shop', '--json')).stdout);
        expect(json).toMatchObject({
          intact: false,
          firstProblem: { kind: 'altered', streamId: 'shop-cli-shop', revision: 2, eventId: alteredId },
        });
      });

      it('verify --all also finds the deleted last event of a stream and of the log, by the positions they left empty', async () => {
        // The truncated stream alone still chains: only the log-wide check can see it.
        expect((await cli('verify', 'cli-other')).code).toBe(0);
        const run = await cli('verify', '--all');
        expect(run.code).toBe(1);
        expect(run.stdout).toContain(`shop-cli-shop revision 2 (altered, event ${alteredId})`);
        expect(run.stdout).toContain(
          'log positions 9..9 (position-gap): Position 9 is missing after shop-cli-other revision 1 (position 8)',
        );
        expect(run.stdout).toContain(
          'log positions 11..11 (position-gap): Position 11 is missing after shop-cli-last revision 0 (position 10)',
        );
        expect(run.stdout).toMatch(/Verdict: TAMPERING FOUND; first: shop-cli-shop revision 2 \(altered/);
        const json = JSON.parse((await cli('verify', '--all', '--json')).stdout);
        expect(json).toMatchObject({
          intact: false,
          brokenStreams: 1,
          problemsFound: 3,
          firstProblem: { kind: 'altered', streamId: 'shop-cli-shop', revision: 2 },
        });
        expect(json.problems.map((p: { kind: string }) => p.kind)).toEqual(['altered', 'position-gap', 'position-gap']);
      });
    });
  });

  describe('issue-token', () => {
    // The verify cases stop the service to alter its file; these talk to it again.
    beforeAll(() => app.restart());

    it('issues a token the service accepts, with exactly the scopes asked for, recorded as the calling service', async () => {
      const run = await cliWith(
        { SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT },
        'issue-token',
        '--service',
        'ops-console',
        '--scopes',
        'shops:read,audit:read',
        '--actors',
        'member',
        '--ttl',
        '30m',
      );
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const token = run.stdout.trim();
      expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      const headers = { authorization: `Bearer ${token}` };
      expect((await app.request('GET', '/v1/shops/cli-other', undefined, headers)).status).toBe(200);
      expect((await app.request('GET', '/v1/audit/shops/cli-shop/integrity', undefined, headers)).status).toBe(200);
      const write = await app.command('POST', '/v1/shops', registerShopBody('cli-token-shop'), { headers });
      expect(write.body.code).toBe('FORBIDDEN_SCOPE');
    });

    it('without SHOPLINK_TOKEN_SECRET, signs with a secret file beside the data file, readable by its owner only, that the service then uses', async () => {
      const dataFile = join(app.dataDir, 'elsewhere', 'shoplink.db');
      const run = await cliWith(
        { SHOPLINK_DATA_FILE: dataFile },
        'issue-token',
        '--service',
        'local-dev',
        '--scopes',
        'all',
        '--actors',
        'all',
        '--json',
      );
      expect(run.code).toBe(0);
      const issued = JSON.parse(run.stdout);
      expect(issued).toMatchObject({
        service: 'local-dev',
        scopes: expect.arrayContaining(['shops:write', 'audit:read']),
        actors: ['member', 'support', 'system:*'],
        expiresAt: expect.any(String),
      });
      const secretFile = join(app.dataDir, 'elsewhere', 'token-secret');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const secret = loadTokenSecret({}, dataFile);
      expect(secret.source).toBe(secretFile);
      expect((await verifyServiceToken(secret.key, issued.token)).name).toBe('local-dev');
    });

    it('refuses unknown scopes or actors, a missing service or actors, and a too-long lifetime with a usage error (exit 2)', async () => {
      for (const args of [
        ['--service', 'x', '--scopes', 'root', '--actors', 'all'],
        ['--scopes', 'shops:read', '--actors', 'all'],
        ['--service', 'x', '--scopes', 'shops:read', '--actors', 'all', '--ttl', '400d'],
        ['--service', 'Not Valid', '--scopes', 'shops:read', '--actors', 'all'],
        ['--service', 'x', '--scopes', 'shops:read'],
        ['--service', 'x', '--scopes', 'shops:read', '--actors', 'member:m-17'],
        ['--service', 'x', '--scopes', 'shops:read', '--actors', 'root'],
      ]) {
        const run = await cliWith({ SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT }, 'issue-token', ...args);
        expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
        noStackTrace(run);
      }
    });
  });

  describe('issue-assertion', () => {
    const withTestSecret = { SHOPLINK_ACTOR_ASSERTION_SECRET: TEST_ACTOR_ASSERTION_SECRET_TEXT };

    it('issues an assertion the service verifies, about the member named, with a password only', async () => {
      const run = await cliWith(withTestSecret, 'issue-assertion', '--member', 'm-17', '--ttl', '5m');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const assertion = run.stdout.trim();
      expect(assertion).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      const verified = await verifyActorAssertion(app.config.actorAssertionKeys, assertion, { kind: 'member', id: 'm-17' });
      expect(verified).toMatchObject({ subject: 'm-17', amr: ['pwd'], issuer: null });
      expect(verified.expiresAt.getTime() - verified.issuedAt.getTime()).toBe(300_000);
      expect(hasSecondFactor(verified.amr)).toBe(false);
      await expect(verifyActorAssertion(app.config.actorAssertionKeys, assertion, { kind: 'member', id: 'm-18' })).rejects.toThrow(
        /wrong-subject/,
      );
    });

    it('with --mfa and --json, a support agent who used a second factor just now, for ten minutes by default', async () => {
      const before = Math.floor(Date.now() / 1000) * 1000;
      const run = await cliWith(withTestSecret, 'issue-assertion', '--support', 'agent-4', '--mfa', '--json');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const issued = JSON.parse(run.stdout);
      expect(Object.keys(issued).sort()).toEqual(['actor', 'amr', 'assertion', 'authTime', 'expiresAt']);
      expect(issued).toMatchObject({ actor: 'support:agent-4', amr: ['pwd', 'otp'] });
      const verified = await verifyActorAssertion(app.config.actorAssertionKeys, issued.assertion, { kind: 'support', id: 'agent-4' });
      expect(hasSecondFactor(verified.amr)).toBe(true);
      expect(verified.authTime.toISOString()).toBe(issued.authTime);
      expect(verified.expiresAt.toISOString()).toBe(issued.expiresAt);
      expect(verified.authTime.getTime()).toBeGreaterThanOrEqual(before);
      expect(verified.expiresAt.getTime() - verified.issuedAt.getTime()).toBe(MAX_ACTOR_ASSERTION_LIFETIME_SECONDS * 1000);
    });

    it('without SHOPLINK_ACTOR_ASSERTION_SECRET, signs with a secret file beside the data file, readable by its owner only, that the service then uses', async () => {
      const dataFile = join(app.dataDir, 'assertions-elsewhere', 'shoplink.db');
      const run = await cliWith({ SHOPLINK_DATA_FILE: dataFile }, 'issue-assertion', '--member', 'm-local');
      expect(run).toMatchObject({ code: 0, stderr: '' });
      const secretFile = join(app.dataDir, 'assertions-elsewhere', 'actor-assertion-secret');
      expect(statSync(secretFile).mode & 0o777).toBe(0o600);
      const service = loadActorAssertionKeys({}, dataFile);
      expect(service.source).toContain(secretFile);
      expect((await verifyActorAssertion(service.keys, run.stdout.trim(), { kind: 'member', id: 'm-local' })).subject).toBe('m-local');
      await expect(
        verifyActorAssertion(app.config.actorAssertionKeys, run.stdout.trim(), { kind: 'member', id: 'm-local' }),
      ).rejects.toThrow(/bad-signature/);
    });

    it('refuses no actor, two actors, a lifetime over ten minutes and a bad id with a usage error (exit 2)', async () => {
      for (const args of [
        [],
        ['--member', 'm-1', '--support', 'agent-4'],
        ['--member', 'm-1', '--ttl', '11m'],
        ['--member', 'm-1', '--ttl', '1h'],
        ['--member', 'm-1', '--ttl', '0s'],
        ['--support', 'Not Valid'],
        ['--member', 'm-1', 'extra'],
      ]) {
        const run = await cliWith(withTestSecret, 'issue-assertion', ...args);
        expect({ args, code: run.code, stdout: run.stdout }).toEqual({ args, code: 2, stdout: '' });
        noStackTrace(run);
      }
    });

    it('refuses to sign when the service would only accept the identity provider’s keys: a JWKS, or production', async () => {
      const jwksFile = join(app.dataDir, 'idp.jwks.json');
      writeFileSync(
        jwksFile,
        JSON.stringify({ keys: [{ ...generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }), kid: 'idp-1' }] }),
      );
      const withJwks = await cliWith({ SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile }, 'issue-assertion', '--member', 'm-1', '--json');
      expect(withJwks).toMatchObject({ code: 2, stdout: '' });
      expect(JSON.parse(withJwks.stderr).error).toMatchObject({
        code: 'ACTOR_ASSERTION_KEYS',
        message: expect.stringContaining(`the JWKS at ${jwksFile} (idp-1 EdDSA)`),
      });
      const inProduction = await cliWith({ ...withTestSecret, NODE_ENV: 'production' }, 'issue-assertion', '--member', 'm-1');
      expect(inProduction).toMatchObject({ code: 2, stdout: '' });
      expect(inProduction.stderr).toMatch(/SHOPLINK_ACTOR_ASSERTION_JWKS: required when NODE_ENV=production/);
      noStackTrace(inProduction);
    });
  });

  describe('personal data', () => {
    it('history and state open sealed personal fields with the keys in the data file, and show them erased once forgotten', async () => {
      const shopId = 'cli-individual';
      expect(
        (await app.command('POST', '/v1/shops', registerShopBody(shopId, { kind: 'individual', name: 'Ada Lovelace Prints' }))).status,
      ).toBe(201);
      const shown = await cli('history', shopId, '--json');
      expect(JSON.parse(shown.stdout).entries[0].summary).toContain('Ada Lovelace Prints');
      const state = await cli('state', shopId, '--revision', '0', '--json');
      expect(JSON.parse(state.stdout).state.name).toBe('Ada Lovelace Prints');
      expect((await app.command('POST', `/v1/shops/${shopId}/deactivation`)).status).toBe(200);
      const erasure = await app.command(
        'POST',
        `/v1/shops/${shopId}/personal-data/erasure`,
        { ticketId: 'PRIV-1' },
        { actor: 'support:privacy-desk' },
      );
      expect(erasure.status).toBe(200);
      const erased = await cli('history', shopId, '--json');
      expect(erased.stdout).not.toContain('Ada Lovelace');
      expect(JSON.parse(erased.stdout).entries[0].summary).toContain('[erased]');
      expect((await cli('verify', shopId)).code).toBe(0);
    });
  });
});
