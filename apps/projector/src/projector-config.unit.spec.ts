import { ConfigError } from '@shoplink/storage';
import { loadProjectorConfig } from './projector-config';

const SECRET = 'projector-test-secret-0123456789abcdef-0123';

describe('loadProjectorConfig', () => {
  it('defaults to the embedded file, a health server on localhost:3001 and a lag line every 30 s', () => {
    const config = loadProjectorConfig({ SHOPLINK_DATA_FILE: '/d/s.db', SHOPLINK_TOKEN_SECRET: SECRET });
    expect(config).toEqual({
      storage: { eventStore: { kind: 'sqlite', file: '/d/s.db' }, documents: { kind: 'sqlite', file: '/d/s.db' } },
      host: 'localhost',
      port: 3001,
      lagLogIntervalMs: 30_000,
      tokenSecret: new TextEncoder().encode(SECRET),
      tokenSecretSource: 'SHOPLINK_TOKEN_SECRET',
    });
  });

  it('reads the same storage variables as the API', () => {
    const config = loadProjectorConfig({
      EVENTSTORE_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      MONGODB_URI: 'mongodb://mongodb:27017/?replicaSet=rs0',
      SHOPLINK_TOKEN_SECRET: SECRET,
    });
    expect(config.storage.eventStore.kind).toBe('kurrentdb');
    expect(config.storage.documents.kind).toBe('mongodb');
  });

  it.each([
    ['SHOPLINK_PROJECTOR_PORT', '70000'],
    ['SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS', 'often'],
    ['MONGODB_URI', 'mysql://x'],
    ['SHOPLINK_TOKEN_SECRET', 'too-short'],
  ])('names the bad variable %s=%s', (name, value) => {
    const env = { SHOPLINK_TOKEN_SECRET: SECRET, [name]: value };
    expect(() => loadProjectorConfig(env)).toThrow(ConfigError);
    expect(() => loadProjectorConfig(env)).toThrow(new RegExp(`^${name}: `));
  });

  it('requires the token secret in production, where a secret of its own would refuse every scraper', () => {
    expect(() => loadProjectorConfig({ NODE_ENV: 'production', SHOPLINK_DATA_FILE: '/d/s.db' })).toThrow(
      /^SHOPLINK_TOKEN_SECRET: required/,
    );
  });
});
