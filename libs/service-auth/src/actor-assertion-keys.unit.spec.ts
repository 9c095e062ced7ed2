import { generateKeyPairSync, KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueActorAssertion, verifyActorAssertion } from './actor-assertion';
import { actorAssertionSecretFileOf, loadActorAssertionKeys, loadActorAssertionSecret } from './actor-assertion-key-source';
import { ActorAssertionKeys, ActorAssertionKeysError } from './actor-assertion-keys';

const ed25519 = generateKeyPairSync('ed25519');
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const jwkOf = (key: KeyObject, extra: Record<string, unknown> = {}) => ({ ...key.export({ format: 'jwk' }), ...extra });
const member = { kind: 'member', id: 'm-17' } as const;

function refusalOf(load: () => unknown): { variable: string; message: string } {
  try {
    load();
  } catch (error) {
    if (error instanceof ActorAssertionKeysError) return { variable: error.variable, message: error.message };
    throw error;
  }
  throw new Error('the keys were accepted');
}

describe('ActorAssertionKeys.fromJwks', () => {
  it('takes Ed25519 and P-256 public keys, each pinned to its algorithm', () => {
    const keys = ActorAssertionKeys.fromJwks({
      keys: [
        jwkOf(ed25519.publicKey, { kid: 'ed-1', use: 'sig', alg: 'EdDSA' }),
        jwkOf(p256.publicKey, { kid: 'ec-1', key_ops: ['verify'] }),
      ],
    });
    expect(keys.kind).toBe('jwks');
    expect(keys.algorithms).toEqual(['EdDSA', 'ES256']);
    expect(keys.describe()).toBe('ed-1 EdDSA, ec-1 ES256');
  });

  it.each([
    ['not a JWKS', [jwkOf(ed25519.publicKey)], /not a JWKS/],
    ['no keys', { keys: [] }, /no keys/],
    [
      'an RSA key',
      { keys: [jwkOf(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey, { kid: 'rsa' })] },
      /RSA\/undefined; only Ed25519/,
    ],
    ['an Ed448 key', { keys: [jwkOf(generateKeyPairSync('ed448').publicKey)] }, /OKP\/Ed448/],
    ['a P-384 key', { keys: [jwkOf(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey)] }, /EC\/P-384/],
    ['a symmetric key', { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }, /oct/],
    ['a private key', { keys: [jwkOf(ed25519.privateKey)] }, /private key material/],
    ['an alg the key does not sign', { keys: [jwkOf(ed25519.publicKey, { alg: 'HS256' })] }, /"alg" is "HS256"/],
    ['a key for encryption', { keys: [jwkOf(p256.publicKey, { use: 'enc' })] }, /"use" is "enc"/],
    ['key_ops without verify', { keys: [jwkOf(p256.publicKey, { key_ops: ['encrypt'] })] }, /key_ops/],
    ['several keys, one without kid', { keys: [jwkOf(ed25519.publicKey, { kid: 'a' }), jwkOf(p256.publicKey)] }, /key 1 has no "kid"/],
    ['two keys with one kid', { keys: [jwkOf(ed25519.publicKey, { kid: 'a' }), jwkOf(p256.publicKey, { kid: 'a' })] }, /share the kid "a"/],
    ['a point off the curve', { keys: [{ ...jwkOf(p256.publicKey), y: jwkOf(ed25519.publicKey).x }] }, /not a valid P-256 public key/],
    ['no public key', { keys: [{ kty: 'OKP', crv: 'Ed25519' }] }, /lacks its public key/],
  ])('refuses %s, naming the JWKS variable', (_case, jwks, message) => {
    expect(refusalOf(() => ActorAssertionKeys.fromJwks(jwks))).toEqual({
      variable: 'SHOPLINK_ACTOR_ASSERTION_JWKS',
      message: expect.stringMatching(message),
    });
  });
});

describe('loadActorAssertionKeys', () => {
  let dir: string;
  let dataFile: string;
  let jwksFile: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-assertion-keys-'));
    dataFile = join(dir, 'data', 'shoplink.db');
    jwksFile = join(dir, 'idp.jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [jwkOf(ed25519.publicKey, { kid: 'ed-1' })] }));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the JWKS the variable names, in production or not, and accepts only assertions its keys signed', async () => {
    for (const env of [{ NODE_ENV: 'production' }, {}]) {
      const loaded = loadActorAssertionKeys({ ...env, SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile }, dataFile);
      expect(loaded.source).toBe(`the JWKS at ${jwksFile} (ed-1 EdDSA)`);
      expect(loaded.keys.kind).toBe('jwks');
      const token = await issueActorAssertion(ed25519.privateKey, { ...member, amr: ['pwd'], ttlSeconds: 60, kid: 'ed-1' });
      expect((await verifyActorAssertion(loaded.keys, token, member)).subject).toBe('m-17');
    }
    // Nothing was created beside the data file: no secret exists to be stolen.
    expect(() => statSync(actorAssertionSecretFileOf(dataFile))).toThrow();
  });

  it('refuses to run in production without a JWKS', () => {
    for (const env of [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', SHOPLINK_ACTOR_ASSERTION_JWKS: ' ' },
      { NODE_ENV: 'Production' },
    ])
      expect(refusalOf(() => loadActorAssertionKeys(env, dataFile))).toEqual({
        variable: 'SHOPLINK_ACTOR_ASSERTION_JWKS',
        message: expect.stringMatching(/^required when NODE_ENV=production/),
      });
    const withSecret = { NODE_ENV: 'production', SHOPLINK_ACTOR_ASSERTION_SECRET: 'x'.repeat(40) };
    expect(refusalOf(() => loadActorAssertionKeys(withSecret, dataFile)).variable).toBe('SHOPLINK_ACTOR_ASSERTION_JWKS');
  });

  it('refuses a missing JWKS file, one that is not JSON, or holds an unusable key, naming the file', () => {
    const refusal = (path: string) => refusalOf(() => loadActorAssertionKeys({ SHOPLINK_ACTOR_ASSERTION_JWKS: path }, dataFile));
    expect(refusal(join(dir, 'absent.json'))).toEqual({
      variable: 'SHOPLINK_ACTOR_ASSERTION_JWKS',
      message: `no file at ${join(dir, 'absent.json')}`,
    });
    writeFileSync(jwksFile, '{"keys": [');
    expect(refusal(jwksFile).message).toBe(`${jwksFile} is not JSON`);
    writeFileSync(jwksFile, JSON.stringify({ keys: [jwkOf(ed25519.privateKey, { kid: 'leaked' })] }));
    expect(refusal(jwksFile).message).toBe(
      `${jwksFile}: key "leaked" holds private key material ("d"); the JWKS must hold public keys only`,
    );
  });

  it('refuses a secret beside a JWKS rather than ignore it', () => {
    const env = { SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile, SHOPLINK_ACTOR_ASSERTION_SECRET: 'x'.repeat(40) };
    expect(refusalOf(() => loadActorAssertionKeys(env, dataFile))).toEqual({
      variable: 'SHOPLINK_ACTOR_ASSERTION_SECRET',
      message: expect.stringMatching(/^not used when SHOPLINK_ACTOR_ASSERTION_JWKS is set/),
    });
  });

  it('outside production, without a JWKS, uses SHOPLINK_ACTOR_ASSERTION_SECRET', async () => {
    const text = 'configured-assertion-secret-0123456789abcdef';
    const loaded = loadActorAssertionKeys({ SHOPLINK_ACTOR_ASSERTION_SECRET: text }, dataFile);
    expect(loaded).toMatchObject({ source: 'the HS256 secret from SHOPLINK_ACTOR_ASSERTION_SECRET (local use only)' });
    const token = await issueActorAssertion(new TextEncoder().encode(text), { ...member, amr: ['pwd'], ttlSeconds: 60 });
    expect((await verifyActorAssertion(loaded.keys, token, member)).subject).toBe('m-17');
    expect(refusalOf(() => loadActorAssertionKeys({ SHOPLINK_ACTOR_ASSERTION_SECRET: 'short' }, dataFile)).variable).toBe(
      'SHOPLINK_ACTOR_ASSERTION_SECRET',
    );
  });

  it('else creates a secret once beside the data file, readable by its owner only, that later loads and the signer share', async () => {
    const first = loadActorAssertionKeys({}, dataFile);
    const file = join(dir, 'data', 'actor-assertion-secret');
    expect(first.source).toBe(`the HS256 secret from ${file} (local use only)`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const text = readFileSync(file, 'utf8');
    const second = loadActorAssertionKeys({ NODE_ENV: 'development' }, dataFile);
    expect(readFileSync(file, 'utf8')).toBe(text);
    const token = await issueActorAssertion(loadActorAssertionSecret({}, dataFile).key, { ...member, amr: ['pwd'], ttlSeconds: 60 });
    expect((await verifyActorAssertion(second.keys, token, member)).subject).toBe('m-17');
    expect((await verifyActorAssertion(first.keys, token, member)).subject).toBe('m-17');
  });
});
