import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bearer, TEST_TOKEN_SECRET_TEXT } from './support/service-tokens';

/**
 * Durability with group commit: the service, in a process of its own, is killed outright
 * (SIGKILL, no shutdown hook) while 32 clients keep crediting shops; every command it had
 * answered must be in the data file afterwards, at the revision and position it answered.
 * (A killed process loses nothing the OS already holds; what this proves is that no answer
 * goes out before its transaction is committed. The fsync itself is SQLite's, synchronous=FULL.)
 */
describe('crash: every acknowledged command survives the process being killed', () => {
  let dir: string;
  let child: ChildProcess | undefined;

  let authorization: Record<string, string>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crash-'));
    authorization = await bearer();
  });
  afterEach(() => {
    child?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  async function startService(dataFile: string): Promise<number> {
    const root = resolve(__dirname, '..');
    child = spawn(process.execPath, ['-r', join(root, 'test/support/typescript-hook.js'), join(root, 'test/support/service-process.ts')], {
      env: { ...process.env, SHOPLINK_DATA_FILE: dataFile, SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0', SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT, SHOPLINK_RATE_LIMIT: '10000000' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    return new Promise((resolvePort, reject) => {
      let out = '';
      child!.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const port = /PORT (\d+)/.exec(out)?.[1];
        if (port) resolvePort(Number(port));
      });
      child!.once('exit', (code) => reject(new Error(`service exited (${code}) before listening`)));
    });
  }

  const post = (port: number, path: string, body: unknown, actor: string, key = randomUUID()) =>
    fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-actor': actor, ...authorization },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('finds every answered credit in the data file, where the answer said', async () => {
    const dataFile = join(dir, 'shoplink.db');
    const port = await startService(dataFile);
    const shops = ['crash-a', 'crash-b', 'crash-c', 'crash-d'];
    for (const shopId of shops) {
      const answer = await post(port, '/v1/shops', { shopId, name: shopId, region: 'GB', currency: 'GBP', kind: 'business', ownerMemberId: 'm-owner' }, 'member:m-owner');
      expect(answer.status).toBe(201);
    }

    const acknowledged: { shopId: string; settlementId: string; revision: number; position: string }[] = [];
    let killed = false;
    const client = async (n: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        const shopId = shops[(n + i) % shops.length];
        const settlementId = `set-${n}-${i}`;
        try {
          const answer = await post(port, `/v1/shops/${shopId}/credits`, { settlementId, orderId: `o-${n}-${i}`, amount: 100 }, 'system:payout-service');
          if (answer.status !== 200) throw new Error(`credit answered ${answer.status}`);
          const body = (await answer.json()) as { revision: number; position: string };
          acknowledged.push({ shopId, settlementId, revision: body.revision, position: body.position });
        } catch (error) {
          if (!killed) throw error;
        }
      }
    };
    const clients = Array.from({ length: 32 }, (_, n) => client(n));
    while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 10));
    killed = true;
    child!.kill('SIGKILL');
    await Promise.all(clients);

    const store = new SqliteEventStore(dataFile);
    try {
      for (const shopId of shops) {
        const events = await store.readStream(`shop-${shopId}`);
        const credited = new Map(events.filter((e) => e.type === 'FundsCredited').map((e) => [e.data.settlementId as string, e]));
        for (const ack of acknowledged.filter((a) => a.shopId === shopId)) {
          const event = credited.get(ack.settlementId);
          expect(event).toBeDefined();
          expect({ revision: event!.revision, position: String(event!.position.commit) }).toEqual({ revision: ack.revision, position: ack.position });
        }
        // And nothing twice: revisions run without a gap.
        expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
      }
    } finally {
      await store.close();
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
