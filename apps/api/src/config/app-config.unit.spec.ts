import { ConfigError, loadAppConfig } from './app-config';

describe('loadAppConfig', () => {
  it('runs on the embedded defaults with no environment at all', () => {
    const config = loadAppConfig({});
    expect(config).toMatchObject({ port: 3000, host: 'localhost', readYourWritesTimeoutMs: 2000, bodyLimitBytes: 65536, expirySweepIntervalMs: 60000 });
    expect(config.dataFile.endsWith('data/shoplink.db')).toBe(true);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['SHOPLINK_READ_YOUR_WRITES_TIMEOUT_MS', '-1'],
    ['SHOPLINK_BODY_LIMIT_BYTES', '10'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => loadAppConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadAppConfig({ [name]: value })).toThrow(new RegExp(`^${name}: `));
  });

  it('refuses EVENTSTORE_URL and MONGODB_URI until their adapters exist, rather than silently using SQLite', () => {
    expect(() => loadAppConfig({ EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false' })).toThrow(/^EVENTSTORE_URL: /);
    expect(() => loadAppConfig({ MONGODB_URI: 'mongodb://localhost:27017' })).toThrow(/^MONGODB_URI: /);
  });
});
