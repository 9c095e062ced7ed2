import { ConfigError, dataFileOf, loadStorageConfig, StorageConfig } from '@shoplink/storage';
import {
  ActorAssertionKeys,
  ActorAssertionKeysError,
  loadActorAssertionKeys,
  loadTokenSecret,
  TOKEN_SECRET_VARIABLE,
  TokenSecretError,
} from '@shoplink/service-auth';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shoplink/time';

export { ConfigError };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** The embedded store's one SQLite file: events, read models and idempotency records (when no server is configured for them). */
  readonly dataFile: string;
  /** How long a query with `minPosition` waits for the read model before answering 503. */
  readonly readYourWritesTimeoutMs: number;
  readonly bodyLimitBytes: number;
  /** How often open link authorizations are checked for expiry; 0 turns the sweeper off. */
  readonly expirySweepIntervalMs: number;
  /** Event feed streams (SSE): heartbeat, slow-client timeout, most open at once; defaults 15 s, 30 s, 200. */
  readonly feedStreams?: { readonly heartbeatMs?: number; readonly slowClientTimeoutMs?: number; readonly maxStreams?: number };
  /** Which adapter backs each port (EVENTSTORE_URL, MONGODB_URI); absent: everything in the SQLite file `dataFile`. */
  readonly storage?: StorageConfig;
  /**
   * Whether this process keeps the read models up to date itself (default true). False when a
   * separate projector process does (apps/projector): queries then wait for the stored checkpoint.
   */
  readonly runProjector?: boolean;
  /** The HS256 secret service tokens are signed with (SHOPLINK_TOKEN_SECRET, else a file beside the data file). */
  readonly tokenSecret: Uint8Array;
  /** Where the secret came from, for the start-up line. */
  readonly tokenSecretSource?: string;
  /**
   * What assertions about the acting person (X-Actor-Assertion) are verified with: the identity
   * provider's public keys (SHOPLINK_ACTOR_ASSERTION_JWKS, required in production), else a local
   * HS256 secret (SHOPLINK_ACTOR_ASSERTION_SECRET, else a file beside the data file).
   */
  readonly actorAssertionKeys: ActorAssertionKeys;
  /** Where they came from, for the start-up line. */
  readonly actorAssertionKeysSource?: string;
  /** Requests one calling service may make per window, across all routes; default DEFAULT_RATE_LIMIT. */
  readonly rateLimit?: { readonly limit: number; readonly windowMs: number };
}

/** Generous for an internal caller (a service with a bug in a retry loop hits it; a busy one does not). */
export const DEFAULT_RATE_LIMIT = { limit: 20_000, windowMs: 10_000 } as const;

/** Reads and checks the environment once at start-up, naming the variable at fault. */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const storage = loadStorageConfig(env);
  const dataFile = dataFileOf(env);
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST ?? 'localhost',
    dataFile,
    readYourWritesTimeoutMs: integer(env, 'SHOPLINK_READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, MINUTE_MS),
    bodyLimitBytes: integer(env, 'SHOPLINK_BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    expirySweepIntervalMs: integer(env, 'SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS', MINUTE_MS, 0, DAY_MS),
    feedStreams: {
      heartbeatMs: integer(env, 'SHOPLINK_FEED_HEARTBEAT_MS', 15_000, 100, 300_000),
      slowClientTimeoutMs: integer(env, 'SHOPLINK_FEED_SLOW_CLIENT_TIMEOUT_MS', 30_000, 100, 600_000),
      maxStreams: integer(env, 'SHOPLINK_FEED_MAX_STREAMS', 200, 1, 10_000),
    },
    storage,
    // Read models on MongoDB are shared by every API instance: one projector process keeps them (see apps/projector).
    runProjector: boolean(env, 'SHOPLINK_RUN_PROJECTOR', storage.documents.kind !== 'mongodb'),
    ...tokenSecretOf(env, dataFile),
    ...actorAssertionKeysOf(env, dataFile),
    rateLimit: {
      limit: integer(env, 'SHOPLINK_RATE_LIMIT', DEFAULT_RATE_LIMIT.limit, 1, 10_000_000),
      windowMs: integer(env, 'SHOPLINK_RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs, 100, HOUR_MS),
    },
  };
}

function tokenSecretOf(env: NodeJS.ProcessEnv, dataFile: string): { tokenSecret: Uint8Array; tokenSecretSource: string } {
  try {
    const secret = loadTokenSecret(env, dataFile);
    return { tokenSecret: secret.key, tokenSecretSource: secret.source };
  } catch (error) {
    if (error instanceof TokenSecretError) throw new ConfigError(TOKEN_SECRET_VARIABLE, error.message);
    throw error;
  }
}

function actorAssertionKeysOf(
  env: NodeJS.ProcessEnv,
  dataFile: string,
): { actorAssertionKeys: ActorAssertionKeys; actorAssertionKeysSource: string } {
  try {
    const loaded = loadActorAssertionKeys(env, dataFile);
    return { actorAssertionKeys: loaded.keys, actorAssertionKeysSource: loaded.source };
  } catch (error) {
    if (error instanceof ActorAssertionKeysError) throw new ConfigError(error.variable, error.message);
    throw error;
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}..${max}, got ${value}`);
  return value;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}
