import { randomUUID } from 'node:crypto';
import { EXIT } from '../../apps/cli/src/cli-command';
import { runCli } from '../../apps/cli/src/cli';
import { HttpAnswer, ShoplinkTestApp } from '../support/shoplink-test-app';
import { sampleValue } from '../support/prometheus-text';
import { logHead, ShopScenario } from '../support/shop-scenarios';
import { DataFileTamperer } from '../support/tamper-with-data-file';

/**
 * Someone who can write the SQLite file, while the service is stopped, edits a credit's amount
 * (without re-hashing the events after it: the stream's own chain breaks there) and deletes an event
 * from the middle of another shop. After a restart the service decides nothing on either stream,
 * says so where operators look (readiness, metrics), and the audit answers flag or refuse.
 */
describe('An attacker with the data file: a forged credit and a deleted event after a restart', () => {
  let app: ShoplinkTestApp;
  let scenario: ShopScenario;
  /** Event ids of shop-holed, by revision, before the deletion. */
  let holed: { id: string; position: string }[];

  const withdraw = (shopId: string, amount: number, key = randomUUID()) =>
    app.command('POST', `/v1/shops/${shopId}/withdrawals`, { withdrawalId: `w-${key}`, amount }, { key });
  const eventsOf = async (streamId: string) => (await app.request('GET', `/v1/audit/streams/${streamId}/events`)).body.events;

  async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = '';
    let stderr = '';
    const output = { out: async (text: string) => void (stdout += text), err: (text: string) => void (stderr += text) };
    const code = await runCli(argv, output, { SHOPLINK_DATA_FILE: app.config.dataFile });
    return { code, stdout, stderr };
  }

  beforeAll(async () => {
    app = await ShoplinkTestApp.start();
    scenario = new ShopScenario(app);
    await scenario.verifiedShop('forged'); // r0..r3
    await scenario.credit('forged', 'settle-1', 5_000); // r4: the credit the attacker inflates
    await scenario.verifiedShop('honest');
    await scenario.credit('honest', 'settle-h', 5_000);
    await scenario.verifiedShop('holed'); // r0..r3
    for (const n of [1, 2, 3]) await scenario.credit('holed', `settle-${n}`, 1_000 * n); // r4..r6
    holed = (await eventsOf('shop-holed')).map((e: { id: string; position: string }) => ({ id: e.id, position: e.position }));

    await app.stop();
    const tamper = new DataFileTamperer(app.config.dataFile);
    tamper.alterData('shop-forged', 4, '$.amount', 500_000);
    tamper.deleteEvent('shop-holed', 4);
    await app.boot();
  }, 120_000);

  afterAll(async () => {
    await app.destroy();
  });

  describe('the forged credit', () => {
    let refused: HttpAnswer;
    let headBefore: string;

    beforeAll(async () => {
      headBefore = await logHead(app);
      refused = await withdraw('forged', 500_000);
    });

    it('refuses the withdrawal 409 STREAM_INTEGRITY_BROKEN, naming stream, revision, position and kind', () => {
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({
        statusCode: 409,
        error: 'Conflict',
        code: 'STREAM_INTEGRITY_BROKEN',
        message: expect.stringMatching(/^Stream shop-forged fails its hash-chain check at revision 4 \(position \d+\), altered/),
        details: [
          {
            code: 'STREAM_INTEGRITY_BROKEN',
            streamId: 'shop-forged',
            revision: 4,
            position: expect.stringMatching(/^\d+$/),
            kind: 'altered',
            eventId: expect.any(String),
          },
        ],
      });
    });

    it('appends nothing', async () => {
      expect(await logHead(app)).toBe(headBefore);
      expect(await eventsOf('shop-forged')).toHaveLength(5);
    });

    it('keeps serving the other shops', async () => {
      expect((await withdraw('honest', 1_000)).status).toBe(200);
    });

    it('stays ready, and lists the broken stream in readiness', async () => {
      const ready = await app.request('GET', '/health/ready');
      expect(ready.status).toBe(200);
      expect(ready.body.conditions).toEqual([
        expect.objectContaining({
          code: 'STREAM_INTEGRITY_BROKEN',
          refusesWrites: false,
          makesNotReady: false,
          details: expect.objectContaining({
            streams: expect.arrayContaining([expect.objectContaining({ streamId: 'shop-forged', revision: 4, kind: 'altered' })]),
          }),
        }),
      ]);
    });

    it('counts it in shoplink_broken_streams', async () => {
      const metrics = await app.request('GET', '/metrics');
      expect(sampleValue(metrics.body, 'shoplink_broken_streams')).toBeGreaterThanOrEqual(1);
    });

    it('the audit state still answers, with the forged balance flagged as resting on a broken chain', async () => {
      const state = await app.request('GET', '/v1/audit/shops/forged/state?revision=4');
      expect(state.status).toBe(200);
      expect(state.body).toMatchObject({
        state: { money: { available: 500_000 } },
        integrity: { intact: false, checkedThrough: 4, firstProblem: { kind: 'altered', revision: 4, streamId: 'shop-forged' } },
        warnings: [expect.stringContaining('breaks at revision 4 (altered)')],
      });
      const before = await app.request('GET', '/v1/audit/shops/forged/state?revision=3');
      expect(before.body.integrity).toEqual({ intact: true, checkedThrough: 3, firstProblem: null });
    });

    it('the CLI prints the state with a warning and exits 6, distinct from not found (4), tampered (1) and an unauthentic digest (5)', async () => {
      const state = await cli('state', 'forged', '--revision', '4');
      expect(state.code).toBe(EXIT.brokenChain);
      expect(state.stdout).toContain('Hash chain: BROKEN at revision 4 (altered)');
      expect(state.stderr).toMatch(/^WARNING: The hash chain of shop-forged breaks at revision 4 \(altered\)/);
      const history = await cli('history', 'forged');
      expect(history.code).toBe(EXIT.brokenChain);
      expect(history.stderr).toContain('WARNING: the hash chain of shop-forged breaks at revision 4 (altered)');
      expect((await cli('state', 'honest', '--revision', '4')).code).toBe(EXIT.ok);
    });
  });

  describe('the deleted event in the middle of a stream', () => {
    it('is reported with the missing revision and the events either side of the hole', async () => {
      const integrity = await app.request('GET', '/v1/audit/shops/holed/integrity');
      expect(integrity.body.firstProblem).toEqual({
        kind: 'removed',
        streamId: 'shop-holed',
        revision: 4,
        eventId: null,
        before: { revision: 3, eventId: holed[3].id, position: holed[3].position },
        after: { revision: 5, eventId: holed[5].id, position: holed[5].position },
        message: expect.stringContaining('Revision 4 is missing'),
      });
    });

    it('refuses the state across the hole, answers it before the hole', async () => {
      const across = await app.request('GET', '/v1/audit/shops/holed/state?revision=5');
      expect(across.status).toBe(409);
      expect(across.body).toMatchObject({
        code: 'STREAM_INTEGRITY_BROKEN',
        details: [{ kind: 'removed', revision: 4, before: { revision: 3 }, after: { revision: 5 } }],
      });
      const before = await app.request('GET', '/v1/audit/shops/holed/state?revision=3');
      expect(before.status).toBe(200);
      expect(before.body.integrity.intact).toBe(true);
      expect((await cli('state', 'holed', '--revision', '5')).code).toBe(EXIT.brokenChain);
    });

    it('refuses commands on the stream', async () => {
      const refused = await withdraw('holed', 1_000);
      expect(refused.status).toBe(409);
      expect(refused.body.details[0]).toMatchObject({ kind: 'removed', streamId: 'shop-holed', revision: 4 });
    });
  });

  describe('once the stream is repaired (the original amount restored from a backup)', () => {
    const key = randomUUID();

    it('the retried command is decided afresh: the refusal was never kept as its answer', async () => {
      expect((await withdraw('forged', 3_000, key)).status).toBe(409);
      await app.stop();
      new DataFileTamperer(app.config.dataFile).alterData('shop-forged', 4, '$.amount', 5_000);
      await app.boot();

      const retried = await withdraw('forged', 3_000, key);
      expect(retried.status).toBe(200);
      expect(retried.body.events.map((e: { type: string }) => e.type)).toEqual(['FundsWithdrawalRequested']);
      expect((await withdraw('forged', 500_000)).status).toBe(422);
    });

    it('readiness and the metric list only the streams still broken', async () => {
      expect((await withdraw('holed', 1_000)).status).toBe(409);
      const ready = await app.request('GET', '/health/ready');
      const listed = ready.body.conditions.flatMap((c: { details: { streams: { streamId: string }[] } }) => c.details.streams);
      expect(listed.map((s: { streamId: string }) => s.streamId)).toEqual(['shop-holed']);
      expect(sampleValue((await app.request('GET', '/metrics')).body, 'shoplink_broken_streams')).toBe(1);
    });
  });
});
