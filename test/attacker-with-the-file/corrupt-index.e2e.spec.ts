import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAuditCli } from '../support/audit-cli';
import { builtService } from '../support/built-service';
import { CrashWorkload } from '../support/crash-workload';
import { registerShopBody } from '../support/shop-fixtures';
import { ServiceProcess } from '../support/service-process';
import { bearer, TEST_TOKEN_SECRET_TEXT, testToken } from '../support/service-tokens';
import { DataFileTamperer } from '../support/tamper-with-data-file';

/**
 * Four KiB of random bytes over a page of the events' (stream_id, revision) index, written into
 * the file while the service is stopped, as a failing disk or a stray write would. SQLite reads that
 * page only when a query walks the index, so the service would start, say ready, and take writes
 * onto a damaged file. Instead its start-up page check (quick_check) finds the page: not ready,
 * commands refused with 503 STORAGE_CORRUPT, a read that meets the page answers 503 (not 500), one
 * log line says what to do; and the auditor's `verify --all` says the file is malformed (exit 1).
 */
describe('A page of the (stream_id, revision) index overwritten with random bytes', () => {
  let apiMain: string;
  let cliMain: string;
  let dir: string;
  let dataFile: string;
  let logFile: string;
  let service: ServiceProcess | null = null;

  beforeAll(async () => {
    ({ apiMain, cliMain } = await builtService());
    dir = mkdtempSync(join(tmpdir(), 'shoplink-corrupt-index-'));
    dataFile = join(dir, 'shoplink.db');
    logFile = join(dir, 'service.log');
  }, 300_000);

  afterAll(async () => {
    await service?.kill9();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => runAuditCli(cliMain, dataFile, args, { SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT });

  it('is found at start: not ready, commands and the reads that meet the page answer 503, verify --all says malformed', async () => {
    // A log with some shops in it, then the service stopped.
    service = await ServiceProcess.spawn({ main: apiMain, dataFile, log: logFile });
    const workload = new CrashWorkload(await testToken({ service: 'corrupt-index' }), 'corrupt');
    const register = (shopId: string) =>
      workload.send(service!.baseUrl, {
        key: randomUUID(),
        method: 'POST',
        path: '/v1/shops',
        body: registerShopBody(shopId),
        actor: 'member:m-owner',
        outcome: 'unknown',
      });
    for (let n = 0; n < 20; n++) expect((await register(`corrupt-shop-${n}`)).status).toBe(201);
    await service.kill9();
    service = null;
    expect((await cli('verify', '--all')).code).toBe(0);

    new DataFileTamperer(dataFile).scribbleOverIndex(['stream_id', 'revision']);

    service = await ServiceProcess.spawn({ main: apiMain, dataFile, log: logFile });
    const ready = await fetch(`${service.baseUrl}/health/ready`);
    expect(ready.status).toBe(503);
    const readiness = (await ready.json()) as { conditions?: { code: string; refusesWrites: boolean }[] };
    expect(readiness.conditions).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'STORAGE_CORRUPT', refusesWrites: true })]),
    );
    // Live all the same: a supervisor must not restart it in a loop, it must tell an operator.
    expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);

    const refused = await register('corrupt-shop-new');
    expect(refused.status).toBe(503);
    expect(refused.answer).toMatchObject({ statusCode: 503, code: 'STORAGE_CORRUPT' });
    const again = await fetch(`${service.baseUrl}/v1/shops`, {
      method: 'POST',
      headers: {
        ...(await bearer()),
        'idempotency-key': randomUUID(),
        'x-actor': 'system:kyb',
        'content-type': 'application/json',
      },
      body: JSON.stringify(registerShopBody('corrupt-shop-other')),
    });
    expect(again.headers.get('retry-after')).toMatch(/^\d+$/);

    // Reads that walk the damaged index: 503 STORAGE_CORRUPT, never a 500.
    const headers = await bearer();
    const reads = await Promise.all(
      ['/v1/audit/streams/shop-corrupt-shop-3/events', '/v1/audit/shops/corrupt-shop-3/integrity', '/v1/shops/corrupt-shop-3/history'].map(
        async (path) => {
          const response = await fetch(`${service!.baseUrl}${path}`, { headers });
          return { path, status: response.status, code: ((await response.json()) as { code?: string }).code };
        },
      ),
    );
    for (const read of reads) expect(read.status === 200 || (read.status === 503 && read.code === 'STORAGE_CORRUPT')).toBe(true);
    expect(reads.some((read) => read.status === 503)).toBe(true);

    // One line that says what is wrong and what to do.
    const lines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((line) => line.includes('the data file is malformed'));
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]).toContain('restore the file from a backup');

    await service.kill9();
    service = null;
    const verify = await cli('verify', '--all');
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('MALFORMED');
  }, 120_000);
});
