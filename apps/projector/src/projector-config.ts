import { ConfigError, loadStorageConfig, StorageConfig } from '@shoplink/storage';
import { DAY_MS } from '@shoplink/time';

export interface ProjectorConfig {
  readonly storage: StorageConfig;
  /** The small HTTP server answering /health and /health/ready (0: any free port). */
  readonly host: string;
  readonly port: number;
  /** How often the lag is logged (0: never). */
  readonly lagLogIntervalMs: number;
}

/**
 * The projector process's settings, checked at start-up (each error names its variable): the
 * same storage variables as the API (EVENTSTORE_URL, MONGODB_URI, SHOPLINK_DATA_FILE), plus
 * `SHOPLINK_PROJECTOR_PORT` (default 3001), `HOST` (default localhost) and
 * `SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS` (default 30000).
 */
export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  return {
    storage: loadStorageConfig(env),
    host: env.HOST ?? 'localhost',
    port: integer(env, 'SHOPLINK_PROJECTOR_PORT', 3001, 0, 65535),
    lagLogIntervalMs: integer(env, 'SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS', 30_000, 0, DAY_MS),
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
