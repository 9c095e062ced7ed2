import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastAnchor, parseDigestFile, readAnchors, writeAnchor } from './digest-anchors';
import { LogDigest } from './log-digest';
import { parseDigest } from './parse-digest';

const DIGEST: LogDigest = {
  position: '7',
  logHash: 'c'.repeat(64),
  events: 7,
  logHashAlgorithm: 'sha256-log-chain-v1',
  signedAt: '2026-11-01T09:00:00.000Z',
  keyId: '20261101T090000Z-0a1b2c3d',
  algorithm: 'Ed25519',
  signature: 'c2lnbmF0dXJl',
};

describe('Digests handed in and anchor files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-anchors-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names every bad field of a digest at once', () => {
    const { digest, problems } = parseDigest(
      {
        position: 'head',
        logHash: 'xyz',
        events: -1,
        signedAt: 'yesterday',
        keyId: '../etc/passwd',
        algorithm: 'Ed25519',
        signature: 42,
        extra: 1,
      },
      'body',
    );
    expect(digest).toBeNull();
    expect(problems.map((p) => `${p.field} ${p.code}`).sort()).toEqual([
      'body.events INVALID_FORMAT',
      'body.extra UNKNOWN_FIELD',
      'body.keyId INVALID_FORMAT',
      'body.logHash INVALID_FORMAT',
      'body.logHashAlgorithm REQUIRED',
      'body.position INVALID_FORMAT',
      'body.signature INVALID_FORMAT',
      'body.signedAt INVALID_FORMAT',
    ]);
    expect(parseDigest([], 'body').problems).toEqual([
      { field: 'body', code: 'NOT_AN_OBJECT', message: 'body must be a digest: a JSON object' },
    ]);
    expect(parseDigest(DIGEST, 'body')).toEqual({ digest: DIGEST, problems: [] });
  });

  it('appends anchors to the day’s JSON-lines file through a temporary file renamed over it, leaving no temporary behind', () => {
    writeAnchor(dir, DIGEST);
    const second = { ...DIGEST, position: '9', events: 9, signedAt: '2026-11-01T09:01:00.000Z' };
    writeAnchor(dir, second);
    const third = { ...DIGEST, position: '12', events: 12, signedAt: '2026-11-02T00:00:00.000Z' };
    writeAnchor(dir, third);
    expect(readdirSync(dir).sort()).toEqual(['digests-2026-11-01.jsonl', 'digests-2026-11-02.jsonl']);
    expect(readFileSync(join(dir, 'digests-2026-11-01.jsonl'), 'utf8')).toBe(`${JSON.stringify(DIGEST)}\n${JSON.stringify(second)}\n`);
    expect(readAnchors(dir)).toEqual({ digests: [DIGEST, second, third], problems: [] });
    expect(lastAnchor(dir)).toEqual(third);
  });

  it('reads a digest file as one digest (the route’s answer, pretty or not) or as JSON lines, naming the lines that are not digests', () => {
    expect(parseDigestFile(JSON.stringify(DIGEST, null, 2), 'kept.json')).toEqual({ digests: [DIGEST], problems: [] });
    const lines = `${JSON.stringify(DIGEST)}\nnot json\n${JSON.stringify({ ...DIGEST, logHash: 'short' })}\n`;
    const read = parseDigestFile(lines, 'anchors.jsonl');
    expect(read.digests).toEqual([DIGEST]);
    expect(read.problems.map((p) => p.field)).toEqual(['anchors.jsonl line 2', 'anchors.jsonl line 3.logHash']);
  });
});
