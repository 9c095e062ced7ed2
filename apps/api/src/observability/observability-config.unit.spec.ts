import { ConfigError } from '@shoplink/storage';
import { loadObservabilityConfig } from './observability-config';

describe('loadObservabilityConfig', () => {
  it('writes JSON at info by default, and pretty lines on a terminal outside production', () => {
    expect(loadObservabilityConfig({}, false)).toEqual({ logLevel: 'info', prettyLogs: false, processMetrics: true });
    expect(loadObservabilityConfig({}, true).prettyLogs).toBe(true);
    expect(loadObservabilityConfig({ NODE_ENV: 'production' }, true).prettyLogs).toBe(false);
    expect(loadObservabilityConfig({ SHOPLINK_LOG_FORMAT: 'pretty' }, false).prettyLogs).toBe(true);
    expect(loadObservabilityConfig({ SHOPLINK_LOG_FORMAT: 'json' }, true).prettyLogs).toBe(false);
    expect(loadObservabilityConfig({ SHOPLINK_LOG_LEVEL: 'DEBUG' }, false).logLevel).toBe('debug');
  });

  it('names the variable at fault', () => {
    expect(() => loadObservabilityConfig({ SHOPLINK_LOG_LEVEL: 'loud' }, false)).toThrow(ConfigError);
    expect(() => loadObservabilityConfig({ SHOPLINK_LOG_LEVEL: 'loud' }, false)).toThrow(/SHOPLINK_LOG_LEVEL/);
    expect(() => loadObservabilityConfig({ SHOPLINK_LOG_FORMAT: 'xml' }, false)).toThrow(/SHOPLINK_LOG_FORMAT/);
  });
});
