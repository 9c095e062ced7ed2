import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDigestKey } from '@shoplink/event-store';
import { ConfigError, ConfigErrors, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('runs on the embedded defaults with no environment at all', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: 'localhost',
      readYourWritesTimeoutMs: 2000,
      bodyLimitBytes: 65536,
      expirySweepIntervalMs: 60000,
    });
    expect(config.dataFile.endsWith('data/shoplink.db')).toBe(true);
  });

  it('protects against abuse by default: a budget for callers without a valid token, a share of the feed per service, no proxy trusted', () => {
    const config = loadAppConfig({});
    expect(config.unauthenticatedLimit).toEqual({ limit: 100, windowMs: 10_000, delayMs: 100 });
    expect(config.feedStreams).toMatchObject({ maxStreams: 200, maxStreamsPerService: 50 });
    expect(config.trustedProxies).toEqual([]);
    const tuned = loadAppConfig({
      SHOPLINK_UNAUTHENTICATED_LIMIT: '20',
      SHOPLINK_UNAUTHENTICATED_WINDOW_MS: '60000',
      SHOPLINK_UNAUTHENTICATED_DELAY_MS: '0',
      SHOPLINK_FEED_MAX_STREAMS_PER_SERVICE: '10',
      SHOPLINK_TRUST_PROXY: ' 10.0.0.0/8, ::1 ,192.168.1.7,fd00::/8,loopback',
    });
    expect(tuned.unauthenticatedLimit).toEqual({ limit: 20, windowMs: 60_000, delayMs: 0 });
    expect(tuned.feedStreams?.maxStreamsPerService).toBe(10);
    expect(tuned.trustedProxies).toEqual(['10.0.0.0/8', '::1', '192.168.1.7', 'fd00::/8', 'loopback']);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['SHOPLINK_READ_YOUR_WRITES_TIMEOUT_MS', '-1'],
    ['SHOPLINK_BODY_LIMIT_BYTES', '10'],
    ['SHOPLINK_UNAUTHENTICATED_LIMIT', '0'],
    ['SHOPLINK_UNAUTHENTICATED_WINDOW_MS', '10'],
    ['SHOPLINK_UNAUTHENTICATED_DELAY_MS', '60000'],
    ['SHOPLINK_FEED_MAX_STREAMS_PER_SERVICE', 'fifty'],
    ['SHOPLINK_TRUST_PROXY', 'true'],
    ['SHOPLINK_TRUST_PROXY', '10.0.0.0/33'],
    ['SHOPLINK_TRUST_PROXY', '10.0.0.1,proxy.internal'],
    ['SHOPLINK_TRUST_PROXY', '1'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });

  it('reports every bad setting at once, one line each, naming the first', () => {
    const load = () =>
      loadAppConfig({ PORT: '99999', SHOPLINK_TRUST_PROXY: 'true', SHOPLINK_RUN_PROJECTOR: 'maybe', SHOPLINK_MONGODB_DATABASE: 'reads' });
    expect(load).toThrow(ConfigErrors);
    let error: ConfigErrors | undefined;
    try {
      load();
    } catch (thrown) {
      error = thrown as ConfigErrors;
    }
    expect(error!.variable).toBe('SHOPLINK_MONGODB_DATABASE');
    expect(error!.problems.map((problem) => problem.variable)).toEqual([
      'SHOPLINK_MONGODB_DATABASE',
      'PORT',
      'SHOPLINK_RUN_PROJECTOR',
      'SHOPLINK_TRUST_PROXY',
    ]);
    expect(error!.message.split('\n')).toHaveLength(4);
  });

  it('runs everything on the embedded SQLite file, with the projector in-process, when no server is named', () => {
    const config = loadAppConfig({ SHOPLINK_DATA_FILE: '/tmp/x/shoplink.db' });
    expect(config.storage).toEqual({
      eventStore: { kind: 'sqlite', file: '/tmp/x/shoplink.db' },
      documents: { kind: 'sqlite', file: '/tmp/x/shoplink.db' },
    });
    expect(config.runProjector).toBe(true);
  });

  it('selects KurrentDB and MongoDB from EVENTSTORE_URL and MONGODB_URI, and leaves the projector to its own process', () => {
    const config = loadAppConfig({
      EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false',
      MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0',
    });
    expect(config.storage).toEqual({
      eventStore: { kind: 'kurrentdb', url: 'kurrentdb://localhost:2113?tls=false' },
      documents: { kind: 'mongodb', uri: 'mongodb://localhost:27017/?replicaSet=rs0', database: 'shoplink' },
    });
    expect(config.runProjector).toBe(false);
  });

  it('lets SHOPLINK_RUN_PROJECTOR decide either way', () => {
    expect(loadAppConfig({ SHOPLINK_RUN_PROJECTOR: 'false' }).runProjector).toBe(false);
    expect(loadAppConfig({ MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0', SHOPLINK_RUN_PROJECTOR: 'TRUE' }).runProjector).toBe(
      true,
    );
  });

  it.each([
    ['EVENTSTORE_URL', 'http://localhost:2113', /^EVENTSTORE_URL: not a KurrentDB connection string/],
    ['EVENTSTORE_URL', 'kurrentdb://localhost:2113?tls=maybe', /^EVENTSTORE_URL: .*expected true or false/],
    ['MONGODB_URI', 'postgres://localhost', /^MONGODB_URI: not a MongoDB connection string/],
    ['MONGODB_URI', 'mongodb://localhost:27017/?bogus=1', /^MONGODB_URI: .*bogus/],
    ['SHOPLINK_RUN_PROJECTOR', 'yes', /^SHOPLINK_RUN_PROJECTOR: expected true or false/],
  ])('names the bad variable %s=%s', (name, value, message) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ [name]: value })).toThrow(message);
  });

  describe('actor assertion keys', () => {
    let dir: string;
    let jwksFile: string;
    const publicJwk = { ...generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }), kid: 'idp-2026' };

    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'shoplink-config-'));
      jwksFile = join(dir, 'idp.jwks.json');
      writeFileSync(jwksFile, JSON.stringify({ keys: [publicJwk] }));
    });

    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('in production, verifies with the JWKS SHOPLINK_ACTOR_ASSERTION_JWKS names', () => {
      const config = loadAppConfig({
        NODE_ENV: 'production',
        SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile,
        SHOPLINK_DATA_FILE: join(dir, 'shoplink.db'),
        SHOPLINK_TOKEN_SECRET: 'p'.repeat(40),
        SHOPLINK_DIGEST_KEY_DIR: (createDigestKey(join(dir, 'digest-keys'), new Date()), join(dir, 'digest-keys')),
      });
      expect(config.actorAssertionKeys.kind).toBe('jwks');
      expect(config.actorAssertionKeys.algorithms).toEqual(['EdDSA']);
      expect(config.actorAssertionKeysSource).toBe(`the JWKS at ${jwksFile} (idp-2026 EdDSA)`);
    });

    it('refuses production without a JWKS, naming the variable, even with a secret configured', () => {
      for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'production', SHOPLINK_ACTOR_ASSERTION_SECRET: 's'.repeat(40) }]) {
        const load = () => loadAppConfig({ ...env, SHOPLINK_DATA_FILE: join(dir, 'shoplink.db'), SHOPLINK_TOKEN_SECRET: 'p'.repeat(40) });
        expect(load).toThrow(ConfigError);
        expect(load).toThrow(/^SHOPLINK_ACTOR_ASSERTION_JWKS: required when NODE_ENV=production/);
      }
    });

    it('refuses production without SHOPLINK_TOKEN_SECRET rather than invent a secret for this host', () => {
      const jwksFile = join(dir, 'for-the-token-secret-test.jwks.json');
      writeFileSync(
        jwksFile,
        JSON.stringify({ keys: [{ ...generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }), kid: 'k' }] }),
      );
      const dataFile = join(dir, 'no-token-secret', 'shoplink.db');
      const load = () => loadAppConfig({ NODE_ENV: 'production', SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile, SHOPLINK_DATA_FILE: dataFile });
      expect(load).toThrow(/^SHOPLINK_TOKEN_SECRET: required when NODE_ENV=production/);
      expect(existsSync(join(dir, 'no-token-secret'))).toBe(false);
    });

    it.each([
      ['a missing file', () => join(dir, 'absent.json'), /^SHOPLINK_ACTOR_ASSERTION_JWKS: no file at /],
      ['a file that is not JSON', () => (writeFileSync(jwksFile, 'keys:'), jwksFile), /is not JSON$/],
      [
        'an unusable key',
        () => (writeFileSync(jwksFile, JSON.stringify({ keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'old' }] })), jwksFile),
        /^SHOPLINK_ACTOR_ASSERTION_JWKS: .*key "old" is RSA/,
      ],
    ])('refuses %s as SHOPLINK_ACTOR_ASSERTION_JWKS', (_case, path, message) => {
      const load = () => loadAppConfig({ SHOPLINK_ACTOR_ASSERTION_JWKS: path(), SHOPLINK_DATA_FILE: join(dir, 'shoplink.db') });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(message);
    });

    it('refuses SHOPLINK_ACTOR_ASSERTION_SECRET beside a JWKS, and a short one, naming it', () => {
      const dataFile = join(dir, 'shoplink.db');
      for (const env of [
        { SHOPLINK_ACTOR_ASSERTION_JWKS: jwksFile, SHOPLINK_ACTOR_ASSERTION_SECRET: 's'.repeat(40) },
        { SHOPLINK_ACTOR_ASSERTION_SECRET: 'short' },
      ])
        expect(() => loadAppConfig({ ...env, SHOPLINK_DATA_FILE: dataFile })).toThrow(/^SHOPLINK_ACTOR_ASSERTION_SECRET: /);
    });

    it('elsewhere, without a JWKS, uses a local HS256 secret: the variable, else a file beside the data file', () => {
      const fromVariable = loadAppConfig({ SHOPLINK_ACTOR_ASSERTION_SECRET: 's'.repeat(40), SHOPLINK_DATA_FILE: join(dir, 'shoplink.db') });
      expect(fromVariable.actorAssertionKeys.kind).toBe('secret');
      expect(fromVariable.actorAssertionKeysSource).toBe('the HS256 secret from SHOPLINK_ACTOR_ASSERTION_SECRET (local use only)');
      const fromFile = loadAppConfig({ SHOPLINK_DATA_FILE: join(dir, 'shoplink.db') });
      expect(fromFile.actorAssertionKeys.algorithms).toEqual(['HS256']);
      expect(fromFile.actorAssertionKeysSource).toBe(`the HS256 secret from ${join(dir, 'actor-assertion-secret')} (local use only)`);
      expect(statSync(join(dir, 'actor-assertion-secret')).mode & 0o777).toBe(0o600);
    });
  });

  describe('digest keys', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'shoplink-digest-config-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('outside production, makes a key beside the data file on first start (0600) and anchors every 60 s beside it', () => {
      const config = loadAppConfig({ SHOPLINK_DATA_FILE: join(dir, 'shoplink.db') });
      expect(config.digests).toMatchObject({
        keyDirectory: join(dir, 'digest-keys'),
        anchorDirectory: join(dir, 'digest-anchors'),
        anchorIntervalSeconds: 60,
      });
      const keyId = config.digests!.keys.signingKey().keyId;
      expect(statSync(join(dir, 'digest-keys', `${keyId}.pem`)).mode & 0o777).toBe(0o600);
      expect(config.digests!.keysSource).toContain('made on this start');
    });

    it('in production, refuses to start without SHOPLINK_DIGEST_KEY_DIR, or with one that holds no key, and makes none', () => {
      const production = { NODE_ENV: 'production', SHOPLINK_DATA_FILE: join(dir, 'shoplink.db') };
      expect(() => loadAppConfig(production)).toThrow(/SHOPLINK_DIGEST_KEY_DIR: required when NODE_ENV=production/);
      expect(() => loadAppConfig({ ...production, SHOPLINK_DIGEST_KEY_DIR: join(dir, 'empty') })).toThrow(
        /SHOPLINK_DIGEST_KEY_DIR: no digest key/,
      );
      expect(existsSync(join(dir, 'digest-keys'))).toBe(false);
      expect(existsSync(join(dir, 'empty'))).toBe(false);
    });

    it('names a bad anchor interval', () => {
      expect(() =>
        loadAppConfig({ SHOPLINK_DATA_FILE: join(dir, 'shoplink.db'), SHOPLINK_DIGEST_ANCHOR_INTERVAL_SECONDS: 'hourly' }),
      ).toThrow(/^SHOPLINK_DIGEST_ANCHOR_INTERVAL_SECONDS: expected a whole number/);
    });
  });
});
