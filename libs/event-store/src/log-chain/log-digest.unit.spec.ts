import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDigestKey, loadDigestKeyDirectory } from './digest-key-directory';
import { DigestKeyError, DigestKeyRing } from './digest-key-ring';
import { LogDigest, signDigest, signedBytesOf, verifyDigestSignature } from './log-digest';
import { LogHead } from './log-hash';

const HEAD: LogHead = { position: '42', logHash: 'a'.repeat(64), events: 42 };
const NOW = new Date('2026-11-01T09:00:00.000Z');

describe('Signed digests of the log head', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-digest-keys-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates one Ed25519 key on a first start, readable by its owner only, and signs with it', () => {
    const keys = loadDigestKeyDirectory(join(dir, 'keys'), { createIfEmpty: true, now: NOW });
    expect(keys.created).toMatch(/^20261101T090000Z-[0-9a-f]{8}$/);
    expect(statSync(join(dir, 'keys', `${keys.created}.pem`)).mode & 0o777).toBe(0o600);
    const digest = signDigest(HEAD, keys.ring, NOW);
    expect(digest).toEqual({
      position: '42',
      logHash: 'a'.repeat(64),
      events: 42,
      logHashAlgorithm: 'sha256-log-chain-v1',
      signedAt: '2026-11-01T09:00:00.000Z',
      keyId: keys.created,
      algorithm: 'Ed25519',
      signature: expect.stringMatching(/^[A-Za-z0-9+/]+={0,2}$/),
    });
    expect(verifyDigestSignature(digest, keys.ring)).toEqual({ valid: true, keyId: keys.created });
    // A second start finds the key and makes no other.
    expect(loadDigestKeyDirectory(join(dir, 'keys'), { createIfEmpty: true, now: NOW })).toMatchObject({ created: null });
  });

  it('refuses to invent a key when asked not to (production): the directory must hold one', () => {
    expect(() => loadDigestKeyDirectory(join(dir, 'none'), { createIfEmpty: false })).toThrow(DigestKeyError);
    expect(() => loadDigestKeyDirectory(join(dir, 'none'), { createIfEmpty: false })).toThrow(/no digest key/);
  });

  it('signs the documented bytes: canonical JSON of every field but the signature, checkable with the published public key alone', () => {
    const { ring } = loadDigestKeyDirectory(dir, { createIfEmpty: true, now: NOW });
    const digest = signDigest(HEAD, ring, NOW);
    const bytes = `{"algorithm":"Ed25519","events":42,"keyId":"${digest.keyId}","logHash":"${'a'.repeat(64)}","logHashAlgorithm":"sha256-log-chain-v1","position":"42","signedAt":"2026-11-01T09:00:00.000Z"}`;
    expect(signedBytesOf(digest).toString('utf8')).toBe(bytes);
    const [published] = ring.published();
    expect(published).toMatchObject({
      keyId: digest.keyId,
      algorithm: 'Ed25519',
      jwk: { kty: 'OKP', crv: 'Ed25519', kid: digest.keyId },
      signing: true,
    });
    // What an auditor does with a few lines of code and nothing of Shoplink's.
    expect(verify(null, Buffer.from(bytes), createPublicKey(published.publicKeyPem), Buffer.from(digest.signature, 'base64'))).toBe(true);
    expect(
      verify(null, Buffer.from(bytes), createPublicKey({ key: published.jwk, format: 'jwk' }), Buffer.from(digest.signature, 'base64')),
    ).toBe(true);
  });

  it('refuses a digest whose fields were changed after signing, one signed by an unknown key, and one naming another algorithm', () => {
    const { ring } = loadDigestKeyDirectory(dir, { createIfEmpty: true, now: NOW });
    const digest = signDigest(HEAD, ring, NOW);
    const forged: LogDigest = { ...digest, logHash: 'b'.repeat(64) };
    expect(verifyDigestSignature(forged, ring)).toMatchObject({ valid: false, problem: 'bad-signature' });
    expect(verifyDigestSignature({ ...digest, events: 41 }, ring)).toMatchObject({ valid: false, problem: 'bad-signature' });
    // Signed by the intruder's own key, under the service's key id: still refused.
    const other = loadDigestKeyDirectory(join(dir, 'intruder'), { createIfEmpty: true, now: NOW }).ring;
    const byIntruder = { ...signDigest({ ...HEAD, logHash: 'b'.repeat(64) }, other, NOW), keyId: digest.keyId };
    expect(verifyDigestSignature(byIntruder, ring)).toMatchObject({ valid: false, problem: 'bad-signature' });
    expect(verifyDigestSignature({ ...digest, keyId: 'nobody' }, ring)).toMatchObject({ valid: false, problem: 'unknown-key' });
    expect(verifyDigestSignature({ ...digest, algorithm: 'RS256' }, ring)).toMatchObject({
      valid: false,
      problem: 'unsupported-algorithm',
    });
  });

  it('rotates by key id: a newer key signs, the older one still verifies the digests it signed, also from the published keys', () => {
    const first = loadDigestKeyDirectory(dir, { createIfEmpty: true, now: NOW });
    const before = signDigest(HEAD, first.ring, NOW);
    const newer = createDigestKey(dir, new Date('2026-12-01T00:00:00.000Z'));
    const rotated = loadDigestKeyDirectory(dir, { createIfEmpty: true }).ring;
    expect(rotated.keyIds()).toEqual([first.created, newer]);
    const after = signDigest(HEAD, rotated, NOW);
    expect(after.keyId).toBe(newer);
    expect(verifyDigestSignature(before, rotated)).toEqual({ valid: true, keyId: first.created });
    const auditorsCopy = DigestKeyRing.fromPublished(JSON.parse(JSON.stringify({ keys: rotated.published() })));
    expect(verifyDigestSignature(before, auditorsCopy)).toMatchObject({ valid: true });
    expect(verifyDigestSignature(after, auditorsCopy)).toMatchObject({ valid: true });
    expect(() => signDigest(HEAD, auditorsCopy, NOW)).toThrow(/verify digests, not sign/);
    expect(rotated.published().map((key) => key.signing)).toEqual([false, true]);
  });

  it('keeps a retired key as its public half only: it verifies, and the newest private key signs', () => {
    const first = loadDigestKeyDirectory(dir, { createIfEmpty: true, now: NOW });
    const before = signDigest(HEAD, first.ring, NOW);
    const newer = createDigestKey(dir, new Date('2026-12-01T00:00:00.000Z'));
    writeFileSync(join(dir, `${first.created}.pem`), first.ring.published()[0].publicKeyPem);
    const ring = loadDigestKeyDirectory(dir, { createIfEmpty: false }).ring;
    expect(verifyDigestSignature(before, ring)).toMatchObject({ valid: true });
    expect(ring.signingKey().keyId).toBe(newer);
  });

  it('refuses a key file that is not an Ed25519 PEM key, naming it', () => {
    writeFileSync(join(dir, 'broken.pem'), 'not a key');
    expect(() => loadDigestKeyDirectory(dir, { createIfEmpty: true })).toThrow(/broken\.pem is not a PEM key/);
  });
});
