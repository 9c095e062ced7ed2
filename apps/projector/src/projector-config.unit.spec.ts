import { ConfigError } from '@shoplink/storage';
import { loadProjectorConfig } from './projector-config';

describe('loadProjectorConfig', () => {
  it('defaults to the embedded file, a health server on localhost:3001 and a lag line every 30 s', () => {
    const config = loadProjectorConfig({ SHOPLINK_DATA_FILE: '/d/s.db' });
    expect(config).toEqual({
      storage: { eventStore: { kind: 'sqlite', file: '/d/s.db' }, documents: { kind: 'sqlite', file: '/d/s.db' } },
      host: 'localhost',
      port: 3001,
      lagLogIntervalMs: 30_000,
    });
  });

  it('reads the same storage variables as the API', () => {
    const config = loadProjectorConfig({
      EVENTSTORE_URL: 'kurrentdb://kurrentdb:2113?tls=false',
      MONGODB_URI: 'mongodb://mongodb:27017/?replicaSet=rs0',
    });
    expect(config.storage.eventStore.kind).toBe('kurrentdb');
    expect(config.storage.documents.kind).toBe('mongodb');
  });

  it.each([
    ['SHOPLINK_PROJECTOR_PORT', '70000'],
    ['SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS', 'often'],
    ['MONGODB_URI', 'mysql://x'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadProjectorConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadProjectorConfig({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });
});
