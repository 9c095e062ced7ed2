import { resolve } from 'node:path';

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** The embedded store's one SQLite file: events, read models and idempotency records. */
  readonly dataFile: string;
  /** How long a query with `minPosition` waits for the read model before answering 503. */
  readonly readYourWritesTimeoutMs: number;
  readonly bodyLimitBytes: number;
  /** How often open link authorizations are checked for expiry; 0 turns the sweeper off. */
  readonly expirySweepIntervalMs: number;
  /** Event feed streams (SSE): heartbeat, slow-client timeout, most open at once; defaults 15 s, 30 s, 200. */
  readonly feedStreams?: { readonly heartbeatMs?: number; readonly slowClientTimeoutMs?: number; readonly maxStreams?: number };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment once at start-up, naming the variable at fault. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  if (env.EVENTSTORE_URL || env.MONGODB_URI) {
    const variable = env.EVENTSTORE_URL ? 'EVENTSTORE_URL' : 'MONGODB_URI';
    throw new ConfigError(variable, 'the KurrentDB and MongoDB adapters are not built yet (issue 5); unset it to run on the embedded SQLite store');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? 'localhost',
    dataFile: resolve(env.SHOPLINK_DATA_FILE ?? 'data/shoplink.db'),
    readYourWritesTimeoutMs: integer(env, 'SHOPLINK_READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, 60_000),
    bodyLimitBytes: integer(env, 'SHOPLINK_BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    expirySweepIntervalMs: integer(env, 'SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS', 60_000, 0, 86_400_000),
    feedStreams: {
      heartbeatMs: integer(env, 'SHOPLINK_FEED_HEARTBEAT_MS', 15_000, 100, 300_000),
      slowClientTimeoutMs: integer(env, 'SHOPLINK_FEED_SLOW_CLIENT_TIMEOUT_MS', 30_000, 100, 600_000),
      maxStreams: integer(env, 'SHOPLINK_FEED_MAX_STREAMS', 200, 1, 10_000),
    },
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}..${max}, got ${value}`);
  return value;
}
