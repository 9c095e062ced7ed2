import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { builtService } from '../support/built-service';
import { CrashWorkload } from '../support/crash-workload';
import { registerShopBody } from '../support/shop-fixtures';
import { freePort, ServiceProcess } from '../support/service-process';
import { TEST_ACTOR_ASSERTION_SECRET_TEXT, TEST_TOKEN_SECRET_TEXT, testToken } from '../support/service-tokens';

const ROOT = join(__dirname, '..');

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * One writer per data file, and start-up failures a supervisor can tell apart: the compiled API
 * (and projector) run as `npm start` runs them. A second writer on a file another process holds,
 * and a file the service cannot use, each end the process at once with one JSON line on stderr
 * and exit 74 (docs/operations.md), never a stack trace; the auditor's readers and the rebuild
 * still run beside the service.
 */
describe('One writer per data file; start-up failures', () => {
  let apiMain: string;
  let cliMain: string;
  let dir: string;
  const services: ServiceProcess[] = [];

  const run = async (main: string, args: string[], env: Record<string, string>): Promise<Run> => {
    const port = await freePort();
    return new Promise((resolve) =>
      execFile(
        process.execPath,
        [main, ...args],
        {
          cwd: ROOT,
          env: {
            PATH: process.env.PATH ?? '',
            PORT: String(port),
            HOST: '127.0.0.1',
            SHOPLINK_PROJECTOR_PORT: '0',
            SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT,
            SHOPLINK_ACTOR_ASSERTION_SECRET: TEST_ACTOR_ASSERTION_SECRET_TEXT,
            SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0',
            ...env,
          },
          timeout: 60_000,
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 99) : 0, stdout, stderr }),
      ),
    );
  };
  const api = (dataFile: string) => run(apiMain, [], { SHOPLINK_DATA_FILE: dataFile });
  /** The one line on stderr, parsed; fails on anything else there (a stack trace, say). */
  const fatal = (answer: Run) => {
    const lines = answer.stderr.split('\n').filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(answer.stderr).not.toMatch(/^\s+at /m);
    return JSON.parse(lines[0]) as { level: string; code: string; msg: string };
  };
  const spawnApi = async (dataFile: string) => {
    const service = await ServiceProcess.spawn({ main: apiMain, dataFile, log: join(dir, 'service.log') });
    services.push(service);
    return service;
  };
  const database = (file: string) => {
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let n = 0; n < 100; n++) insert.run('x'.repeat(500));
    })();
    db.close();
  };

  beforeAll(async () => {
    ({ apiMain, cliMain } = await builtService());
    dir = mkdtempSync(join(tmpdir(), 'shoplink-one-writer-'));
  });

  afterAll(async () => {
    for (const service of services) await service.kill9();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a second API on the same file (exit 74, naming the lock and its holder) while the first keeps serving; after kill -9 of the first, a new one starts', async () => {
    const file = join(dir, 'shared', 'shoplink.db');
    const first = await spawnApi(file);

    const second = await api(file);
    expect(second.code).toBe(74);
    const line = fatal(second);
    expect(line).toMatchObject({ level: 'fatal', code: 'WRITER_LOCK_HELD' });
    expect(line.msg).toContain(`${file}.writer-lock is held by pid `);
    expect(line.msg).toMatch(/, api, started \d{4}-\d\d-\d\dT/);
    expect(second.stdout).not.toContain('Shoplink listening on');

    // The projector process writing the same file's read models is a second writer too.
    const projector = await run(join(apiMain, '..', '..', '..', 'projector', 'src', 'main.js'), [], { SHOPLINK_DATA_FILE: file });
    expect(projector.code).toBe(74);
    expect(fatal(projector).code).toBe('WRITER_LOCK_HELD');

    expect((await fetch(`${first.baseUrl}/health/ready`)).status).toBe(200);

    await first.kill9();
    const third = await spawnApi(file);
    expect((await fetch(`${third.baseUrl}/health/ready`)).status).toBe(200);
  });

  it("runs the auditor's readers and the rebuild beside the running service", async () => {
    const file = join(dir, 'beside', 'shoplink.db');
    const service = await spawnApi(file);
    const cli = (...args: string[]) => run(cliMain, args, { SHOPLINK_DATA_FILE: file });

    const registered = await new CrashWorkload(await testToken({ service: 'one-writer' }), 'beside').send(service.baseUrl, {
      key: randomUUID(),
      method: 'POST',
      path: '/v1/shops',
      body: registerShopBody('beside-shop'),
      actor: 'member:m-owner',
      outcome: 'unknown',
    });
    expect(registered.status).toBe(201);

    const readers = await Promise.all([
      cli('verify', '--all'),
      cli('verify', 'beside-shop'),
      cli('history', 'beside-shop'),
      cli('state', 'beside-shop', '--revision', '0'),
      cli('export', 'beside-shop', '--format', 'jsonl'),
    ]);
    expect(readers.map((reader) => (reader.code === 0 ? 0 : reader.stderr))).toEqual([0, 0, 0, 0, 0]);
    expect(readers[3].stdout).toContain('beside-shop');
    const rebuild = await cli('rebuild-projections');
    expect(rebuild.code).toBe(0);
    expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
    expect((await cli('verify', '--all')).code).toBe(0);
  });

  it('refuses a file that is not SQLite, a truncated one and a read-only one: exit 74, one JSON line with a stable code', async () => {
    const notSqlite = join(dir, 'not-sqlite.db');
    writeFileSync(notSqlite, 'id,name\n1,a shopping list, not a database\n'.repeat(200));
    const truncated = join(dir, 'truncated.db');
    database(truncated);
    truncateSync(truncated, 4096 * 2);
    const readOnly = join(dir, 'read-only.db');
    database(readOnly);
    chmodSync(readOnly, 0o444);
    const nonsense = join(dir, 'nonsense.db');
    database(nonsense);
    copyFileSync(notSqlite, nonsense);

    const answers = await Promise.all([notSqlite, truncated, readOnly, nonsense].map((file) => api(file)));
    expect(answers.map((answer) => [answer.code, fatal(answer).level, fatal(answer).code])).toEqual([
      [74, 'fatal', 'DATA_FILE_NOT_SQLITE'],
      [74, 'fatal', 'DATA_FILE_TRUNCATED'],
      [74, 'fatal', 'DATA_FILE_READ_ONLY'],
      [74, 'fatal', 'DATA_FILE_NOT_SQLITE'],
    ]);
    expect(fatal(answers[1]).msg).toContain(truncated);
  });
});
