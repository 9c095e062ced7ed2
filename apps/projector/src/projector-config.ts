import { loadTokenSecret, TOKEN_SECRET_VARIABLE, TokenSecretError } from '@shoplink/service-auth';
import { ConfigError, dataFileOf, loadStorageConfig, StorageConfig, wholeNumber } from '@shoplink/storage';
import { DAY_MS } from '@shoplink/time';

export interface ProjectorConfig {
  readonly storage: StorageConfig;
  /** The small HTTP server answering /health and /health/ready (0: any free port). */
  readonly host: string;
  readonly port: number;
  /** How often the lag is logged (0: never). */
  readonly lagLogIntervalMs: number;
  /**
   * The secret service tokens are verified with, the API's (SHOPLINK_TOKEN_SECRET, else the file
   * beside the data file): GET /metrics asks for a token with the `metrics:read` scope, as the API's does.
   */
  readonly tokenSecret: Uint8Array;
  /** Where the secret came from, for the start-up line (never the secret). */
  readonly tokenSecretSource: string;
}

/**
 * The projector process's settings, checked at start-up (each error names its variable): the
 * same storage variables as the API (EVENTSTORE_URL, MONGODB_URI, SHOPLINK_DATA_FILE), plus
 * `SHOPLINK_PROJECTOR_PORT` (default 3001), `HOST` (default localhost),
 * `SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS` (default 30000) and the API's `SHOPLINK_TOKEN_SECRET`
 * (required when NODE_ENV=production; else the file beside the data file, as for the API).
 */
export function loadProjectorConfig(env: NodeJS.ProcessEnv = process.env): ProjectorConfig {
  const storage = loadStorageConfig(env);
  const host = env.HOST ?? 'localhost';
  const port = wholeNumber(env, 'SHOPLINK_PROJECTOR_PORT', 3001, 0, 65535);
  const lagLogIntervalMs = wholeNumber(env, 'SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS', 30_000, 0, DAY_MS);
  let secret;
  try {
    secret = loadTokenSecret(env, dataFileOf(env));
  } catch (error) {
    if (error instanceof TokenSecretError) throw new ConfigError(TOKEN_SECRET_VARIABLE, error.message);
    throw error;
  }
  return { storage, host, port, lagLogIntervalMs, tokenSecret: secret.key, tokenSecretSource: secret.source };
}
