import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { answerEvents, CrashWorkload, SentCommand } from '../support/crash-workload';
import { builtService } from '../support/built-service';
import { ServiceProcess } from '../support/service-process';
import { registerShopBody } from '../support/shop-fixtures';
import { bearer, testToken } from '../support/service-tokens';
import { mountSmallTmpfs } from '../support/small-tmpfs';

/**
 * The disk holding the data file fills up, for real: the service runs on a 16 MiB tmpfs of its own
 * and a filler file takes the rest. The command that cannot commit answers 503 STORAGE_FULL with
 * Retry-After (not 500), the ones after it are refused the same way before they try, and
 * /health/ready says not ready, naming the condition. Once the filler is deleted, commands are
 * accepted again without a restart (a probe write finds room). Every command answered 2xx is in
 * the log after a restart, with the events its answer named.
 *
 * Mounting needs root; where it is refused the suite prints `skipped: …` and checks only that reason.
 */
const workDir = mkdtempSync(join(tmpdir(), 'shoplink-disk-full-'));
const disk = mountSmallTmpfs(join(workDir, 'disk'), '16m');

if ('skipped' in disk) {
  process.stdout.write(`skipped: ${disk.skipped}\n`);
  rmSync(workDir, { recursive: true, force: true });
  // Nothing of the full-disk suite runs here; what runs is the check that the mount was really refused, and why.
  it('says why a small tmpfs cannot be mounted here, instead of pretending a full disk', () => {
    expect(disk.skipped).toMatch(/^(mounting a 16m tmpfs needs root|mount -t tmpfs was refused: .+)/);
  });
} else {
  describe('The disk holding the data file fills up (a real 16 MiB tmpfs)', () => {
    const dataFile = join(disk.dir, 'shoplink.db');
    const logFile = join(workDir, 'service.log');
    let apiMain: string;
    let service: ServiceProcess | null = null;
    let workload: CrashWorkload;

    beforeAll(async () => {
      ({ apiMain } = await builtService());
      workload = new CrashWorkload(await testToken({ service: 'disk-full' }), 'full');
    }, 300_000);

    afterAll(async () => {
      await service?.kill9();
      disk.unmount();
      rmSync(workDir, { recursive: true, force: true });
    });

    const register = (shopId: string): Promise<SentCommand> =>
      workload.send(service!.baseUrl, {
        key: randomUUID(),
        method: 'POST',
        path: '/v1/shops',
        body: registerShopBody(shopId),
        actor: 'member:m-owner',
        outcome: 'unknown',
      });
    const again = (command: SentCommand): Promise<SentCommand> =>
      workload.send(service!.baseUrl, { ...command, outcome: 'unknown', status: undefined, answer: undefined, retryAfter: undefined });
    const readiness = async () => {
      const response = await fetch(`${service!.baseUrl}/health/ready`);
      return { status: response.status, body: (await response.json()) as { conditions?: { code: string }[] } };
    };
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    it('answers 503 STORAGE_FULL with Retry-After, is not ready, recovers once space is freed, and keeps every acknowledged command', async () => {
      service = await ServiceProcess.spawn({ main: apiMain, dataFile, log: logFile });
      const sent: SentCommand[] = [];
      let shop = 0;
      for (; shop < 5; shop++) sent.push(await register(`full-${shop}`));
      expect(sent.map((command) => command.status)).toEqual([201, 201, 201, 201, 201]);

      const filled = disk.fill();
      expect(filled).toBeGreaterThan(0);

      // Commands until one cannot commit: the write-ahead log may still have room for a few.
      let first: SentCommand | null = null;
      for (let n = 0; n < 200 && first === null; n++) {
        const command = await register(`full-${shop++}`);
        sent.push(command);
        if (command.status !== 201) first = command;
      }
      expect(first).not.toBeNull();
      expect(first!.status).toBe(503);
      expect(first!.answer).toMatchObject({ statusCode: 503, code: 'STORAGE_FULL' });
      expect(first!.retryAfter).toMatch(/^\d+$/);

      // The next ones are refused before they try, the same way.
      const refused = await register(`full-${shop++}`);
      sent.push(refused);
      expect([refused.status, refused.answer?.code, refused.retryAfter]).toEqual([503, 'STORAGE_FULL', expect.stringMatching(/^\d+$/)]);
      const notReady = await readiness();
      expect(notReady.status).toBe(503);
      expect(notReady.body.conditions?.map((condition) => condition.code)).toContain('STORAGE_FULL');
      // Still live: the process is fine, its disk is not.
      expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);

      // Space freed: accepted again, without a restart, within a few probe intervals.
      disk.free();
      let accepted: SentCommand | null = null;
      for (const deadline = Date.now() + 30_000; accepted === null && Date.now() < deadline;) {
        const command = await register(`full-${shop++}`);
        sent.push(command);
        if (command.status === 201) accepted = command;
        else {
          expect([command.status, command.answer?.code]).toEqual([503, 'STORAGE_FULL']);
          await sleep(500);
        }
      }
      expect(accepted).not.toBeNull();
      let ready = await readiness();
      for (const deadline = Date.now() + 20_000; ready.status !== 200 && Date.now() < deadline; ready = await readiness()) await sleep(250);
      expect(ready.status).toBe(200);

      // A client retries what it was refused, with the same key: each is applied once now.
      for (const command of sent.filter((c) => c.status === 503)) {
        const retried = await again(command);
        expect(retried.status).toBe(201);
        command.status = retried.status;
        command.answer = retried.answer;
      }

      // After a restart, every command answered 2xx is in the log with the events its answer named.
      await service.kill9();
      service = await ServiceProcess.spawn({ main: apiMain, dataFile, log: logFile });
      const headers = await bearer();
      const acknowledged = sent.filter((command) => command.status === 201);
      expect(acknowledged.length).toBe(sent.length);
      for (const command of acknowledged) {
        const shopId = (command.body as { shopId: string }).shopId;
        const response = await fetch(`${service.baseUrl}/v1/audit/streams/shop-${shopId}/events`, { headers });
        expect(response.status).toBe(200);
        const stored = (await response.json()) as { events: { id: string; type: string }[] };
        const ids = stored.events.map((event) => event.id);
        for (const event of answerEvents(command)) expect(ids).toContain(event.id);
      }
    }, 180_000);
  });
}
