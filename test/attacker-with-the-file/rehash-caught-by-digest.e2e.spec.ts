import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDigestKey, DigestKeyRing, LogDigest, parseDigestFile, verifyDigestSignature } from '@shoplink/event-store';
import { CliRun, runAuditCli } from '../support/audit-cli';
import { builtService } from '../support/built-service';
import { ShopScenario } from '../support/shop-scenarios';
import { HttpAnswer, ShoplinkTestApp } from '../support/shoplink-test-app';
import { bearer } from '../support/service-tokens';
import { alterAndRehash, deleteLastEventAndRewind } from '../support/tamper-with-data-file';

/**
 * An intruder with write access to the SQLite file and the project's own code: per-stream hash chains
 * cannot stop them (they recompute every hash after an edit; they delete the last event and rewind
 * sqlite_sequence), and `verify --all` alone says intact. A digest signed with a key kept outside
 * the data file, saved by an auditor beforehand, catches both: through the route and through the CLI.
 */
describe('An intruder with the data file, caught by a signed digest', () => {
  let cliMain: string;
  let scratch: string;

  beforeAll(async () => {
    cliMain = (await builtService()).cliMain;
    scratch = mkdtempSync(join(tmpdir(), 'shoplink-digests-'));
  }, 300_000);

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const cli = (app: ShoplinkTestApp, ...args: string[]): Promise<CliRun> => runAuditCli(cliMain, app.config.dataFile, args);

  const save = (name: string, content: unknown): string => {
    const file = join(scratch, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return file;
  };

  async function digestNow(app: ShoplinkTestApp): Promise<LogDigest> {
    const answer = await app.request('GET', '/v1/audit/digest');
    expect(answer.status).toBe(200);
    return answer.body as LogDigest;
  }

  const verification = (app: ShoplinkTestApp, digest: unknown): Promise<HttpAnswer> =>
    app.request('POST', '/v1/audit/digest/verification', digest);

  describe('a credit changed and every later hash recomputed with eventHash', () => {
    let app: ShoplinkTestApp;
    let early: LogDigest;
    let kept: LogDigest;
    let creditPosition: string;

    beforeAll(async () => {
      app = await ShoplinkTestApp.start();
      const shops = new ShopScenario(app);
      await shops.verifiedShop('rehash-shop');
      early = await digestNow(app);
      // A restart anchors the log as it stops: the service's own record of this earlier position.
      await app.restart();
      const credited = await shops.credit('rehash-shop', 'settle-1', 10_000);
      creditPosition = credited.body.position;
      await shops.credit('rehash-shop', 'settle-2', 500);
      await shops.verifiedShop('rehash-other');
      await shops.credit('rehash-shop', 'settle-3', 700);
      kept = await digestNow(app);
      expect(kept).toMatchObject({ algorithm: 'Ed25519', logHashAlgorithm: 'sha256-log-chain-v1', events: Number(kept.position) });
      expect(await verification(app, kept)).toMatchObject({ status: 200, body: { matches: true, signatureValid: true } });

      await app.stop();
      const creditRevision = credited.body.revision as number;
      alterAndRehash(app.config.dataFile, 'shop-rehash-shop', creditRevision, '$.amount', 9_000_000);
    }, 120_000);

    afterAll(async () => {
      await app?.destroy();
    });

    it('goes unseen by verify --all on its own: every chain was recomputed, so it says intact (why digests exist)', async () => {
      const run = await cli(app, 'verify', '--all');
      expect(run.stdout).toContain('Verdict: intact');
      expect(run.code).toBe(0);
    });

    it('is refused by verify --all --digest: exit 1, naming the digest position the log no longer matches', async () => {
      const run = await cli(app, 'verify', '--all', '--digest', save('kept.json', kept));
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`position ${kept.position} (signed ${kept.signedAt}): DOES NOT MATCH (log-hash-differs)`);
      expect(run.stdout).toContain(`Digest verdict: TAMPERING FOUND; first difference at position ${kept.position}`);
      expect(run.stdout).toContain('cannot be placed more narrowly');
      expect(run.stdout).toContain('Note: the hash chains verify, yet the log no longer matches what was signed');
      const json = JSON.parse((await cli(app, 'verify', '--all', '--digest', save('kept.json', kept), '--json')).stdout);
      expect(json).toMatchObject({
        intact: true,
        digests: { matches: false, firstDifference: { kind: 'log-hash-differs', position: kept.position, matchesUpTo: null } },
      });
    });

    it('is placed between two digests when the auditor kept several (JSON lines, as the anchor directory holds them)', async () => {
      const lines = save('several.jsonl', `${JSON.stringify(early)}\n${JSON.stringify(kept)}\n`);
      const run = await cli(app, 'verify', '--all', '--digest', lines);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain(`position ${early.position} (signed ${early.signedAt}): matches`);
      expect(run.stdout).toContain(`first difference at position ${kept.position} (still matches up to position ${early.position})`);
      expect(Number(creditPosition)).toBeGreaterThan(Number(early.position));
    });

    it('is refused by POST /v1/audit/digest/verification, which recomputes the log from its events', async () => {
      await app.boot();
      const answer = await verification(app, kept);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        matches: false,
        signatureValid: true,
        keyId: kept.keyId,
        checkedUpTo: kept.position,
        recomputed: { position: kept.position, events: kept.events },
        // The anchor written at the restart before the credits still matches: the change lies after it.
        firstDifference: { kind: 'log-hash-differs', position: kept.position, matchesUpTo: early.position },
        anchorsConsulted: 1,
      });
      expect(answer.body.recomputed.logHash).not.toBe(kept.logHash);
      expect(answer.body.message).toContain(`after position ${early.position}`);
      expect(answer.body.message).toContain(`at or before position ${kept.position}`);
      // The part before the edit still matches what was signed then.
      expect((await verification(app, early)).body).toMatchObject({ matches: true, signatureValid: true, checkedUpTo: early.position });
    });
  });

  describe('the last event deleted and sqlite_sequence rewound', () => {
    let app: ShoplinkTestApp;
    let kept: LogDigest;

    beforeAll(async () => {
      app = await ShoplinkTestApp.start();
      const shops = new ShopScenario(app);
      await shops.verifiedShop('tail-shop');
      await shops.credit('tail-shop', 'settle-tail', 4_200);
      kept = await digestNow(app);
      await app.stop();
      const deleted = deleteLastEventAndRewind(app.config.dataFile);
      expect(String(deleted.position)).toBe(kept.position);
    }, 120_000);

    afterAll(async () => {
      await app?.destroy();
    });

    it('goes unseen by verify --all on its own: no chain breaks and no position is missing', async () => {
      const run = await cli(app, 'verify', '--all');
      expect(run.stdout).toContain('Verdict: intact');
      expect(run.code).toBe(0);
    });

    it('is caught by verify --all --digest: the log ends before the digest’s position', async () => {
      const run = await cli(app, 'verify', '--all', '--digest', save('tail.json', kept));
      expect(run.code).toBe(1);
      const before = Number(kept.position) - 1;
      expect(run.stdout).toContain(`The log ends at position ${before}, before the digest's position ${kept.position}`);
      expect(run.stdout).toContain(`first difference at position ${kept.position}`);
    });

    it('is caught by the route: matches false, the log ends before', async () => {
      await app.boot();
      const answer = await verification(app, kept);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        matches: false,
        signatureValid: true,
        firstDifference: { kind: 'log-ends-before', position: kept.position, logEndsAt: String(Number(kept.position) - 1) },
      });
      expect(answer.body.message).toContain('events after');
    });
  });

  describe('keys, signatures and anchors', () => {
    let app: ShoplinkTestApp;

    beforeAll(async () => {
      app = await ShoplinkTestApp.start();
      await new ShopScenario(app).verifiedShop('keys-shop');
    }, 120_000);

    afterAll(async () => {
      await app?.destroy();
    });

    it('made the signing key on first start, outside the data file, readable by its owner only', () => {
      const dir = join(app.dataDir, 'digest-keys');
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(statSync(join(dir, files[0])).mode & 0o777).toBe(0o600);
    });

    it('publishes the keys; a digest checks out with them alone, as an auditor would check it', async () => {
      const digest = await digestNow(app);
      const keys = await app.request('GET', '/v1/audit/digest-keys');
      expect(keys.status).toBe(200);
      expect(keys.body.keys).toEqual([
        expect.objectContaining({ keyId: digest.keyId, algorithm: 'Ed25519', signing: true, jwk: expect.objectContaining({ kty: 'OKP' }) }),
      ]);
      expect(verifyDigestSignature(digest, DigestKeyRing.fromPublished(keys.body))).toEqual({ valid: true, keyId: digest.keyId });
      const run = await cli(
        app,
        'verify',
        '--all',
        '--digest',
        save('published.json', digest),
        '--digest-keys',
        save('keys.json', keys.body),
      );
      expect(run.stdout).toContain('Digest verdict: the log matches the signed digest');
      expect(run.code).toBe(0);
    });

    it('keeps an older digest verifiable after a rotation: the newer key signs, both are published', async () => {
      const before = await digestNow(app);
      await app.stop();
      const newer = createDigestKey(join(app.dataDir, 'digest-keys'), new Date('2099-01-01T00:00:00.000Z'));
      await app.boot();
      const after = await digestNow(app);
      expect(after.keyId).toBe(newer);
      expect(before.keyId).not.toBe(newer);
      const keys = (await app.request('GET', '/v1/audit/digest-keys')).body.keys;
      expect(keys.map((k: { keyId: string; signing: boolean }) => [k.keyId, k.signing])).toEqual([
        [before.keyId, false],
        [newer, true],
      ]);
      expect((await verification(app, before)).body).toMatchObject({ matches: true, signatureValid: true, keyId: before.keyId });
      expect((await verification(app, after)).body).toMatchObject({ matches: true, signatureValid: true, keyId: newer });
    });

    it('refuses a forged digest (fields changed after signing) and one under an unknown key, concluding nothing; the CLI exits 5', async () => {
      const digest = await digestNow(app);
      const forged = { ...digest, logHash: 'f'.repeat(64) };
      expect((await verification(app, forged)).body).toEqual({
        matches: false,
        signatureValid: false,
        signatureProblem: 'bad-signature',
        checkedUpTo: null,
        message: expect.stringContaining('altered or forged'),
      });
      expect((await verification(app, { ...digest, keyId: 'someone-elses-key' })).body).toMatchObject({
        matches: false,
        signatureValid: false,
        signatureProblem: 'unknown-key',
      });
      const run = await cli(app, 'verify', '--all', '--digest', save('forged.json', forged));
      expect(run.code).toBe(5);
      expect(run.stderr).toContain('DIGEST_NOT_AUTHENTIC');
      expect(run.stderr).toContain('altered or forged');
    });

    it('refuses a digest option without --all, a missing file and a file that holds no digest: exit 2, before reading the log', async () => {
      const digest = save('usage.json', await digestNow(app));
      const runs = await Promise.all([
        cli(app, 'verify', 'keys-shop', '--digest', digest),
        cli(app, 'verify', '--all', '--digest', join(scratch, 'absent.json')),
        cli(app, 'verify', '--all', '--digest', save('not-a-digest.json', { hello: 'world' })),
        cli(app, 'verify', '--all', '--digest-keys', digest),
      ]);
      expect(runs.map((run) => run.code)).toEqual([2, 2, 2, 2]);
      expect(runs[2].stderr).toContain('DIGEST_FILE_INVALID');
    });

    it('answers 400 naming every bad field of a body that is not a digest', async () => {
      const answer = await verification(app, { position: 'the end', logHash: 'nope', events: -3, signature: 7, colour: 'red' });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      expect(answer.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
        'body.algorithm',
        'body.colour',
        'body.events',
        'body.keyId',
        'body.logHash',
        'body.logHashAlgorithm',
        'body.position',
        'body.signature',
        'body.signedAt',
      ]);
    });

    it('guards the digest routes like the other audit routes: audit:read', async () => {
      const withoutScope = await bearer({ scopes: ['shops:read'] });
      for (const [method, path] of [
        ['GET', '/v1/audit/digest'],
        ['GET', '/v1/audit/digest-keys'],
        ['POST', '/v1/audit/digest/verification'],
      ])
        expect(await app.request(method, path, method === 'POST' ? {} : undefined, withoutScope)).toMatchObject({
          status: 403,
          body: { code: 'FORBIDDEN_SCOPE' },
        });
    });

    it('anchors the log as the service stops, into the anchor directory, atomically and signed', async () => {
      const head = await digestNow(app);
      await app.stop();
      const dir = join(app.dataDir, 'digest-anchors');
      const files = readdirSync(dir);
      expect(files.every((name) => /^digests-\d{4}-\d{2}-\d{2}\.jsonl$/.test(name))).toBe(true);
      const { digests, problems } = parseDigestFile(files.map((name) => readFileSync(join(dir, name), 'utf8')).join(''), 'anchors');
      expect(problems).toEqual([]);
      expect(digests[digests.length - 1]).toMatchObject({ position: head.position, logHash: head.logHash });
      await app.boot();
      expect((await verification(app, digests[digests.length - 1])).body).toMatchObject({ matches: true, signatureValid: true });
    });
  });
});
