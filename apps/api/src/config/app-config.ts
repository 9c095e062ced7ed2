import { ConfigError, ConfigErrors, ConfigProblems, dataFileOf, loadStorageConfig, StorageConfig, wholeNumber } from '@shoplink/storage';
import {
  ActorAssertionKeys,
  ActorAssertionKeysError,
  loadActorAssertionKeys,
  loadTokenSecret,
  TOKEN_SECRET_VARIABLE,
  TokenSecretError,
} from '@shoplink/service-auth';
import { isIP } from 'node:net';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shoplink/time';
import { DigestConfig, loadDigestConfig } from './digest-config';
import { AllowListError, parseAllowList } from '@shoplink/subscriptions';

export { ConfigError, ConfigErrors };

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
  /** Event feed streams (SSE): heartbeat, slow-client timeout, most open at once, most per calling service (15 s, 30 s, 200, 50). */
  readonly feedStreams?: {
    readonly heartbeatMs?: number;
    readonly slowClientTimeoutMs?: number;
    readonly maxStreams?: number;
    readonly maxStreamsPerService?: number;
  };
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
  /**
   * Requests without a valid token one client address may make per window; beyond, its requests
   * are answered 429 on arrival unless their token was verified already, each connection refused then
   * reading its next request only after about `delayMs`.
   * Default DEFAULT_UNAUTHENTICATED_LIMIT.
   */
  readonly unauthenticatedLimit?: { readonly limit: number; readonly windowMs: number; readonly delayMs?: number };
  /**
   * Proxies (addresses, CIDR ranges, or `loopback`, `linklocal`, `uniquelocal`) whose
   * X-Forwarded-For names the client address; absent or empty: none, the client is the connection's peer.
   */
  readonly trustedProxies?: readonly string[];
  /**
   * Signed digests of the log (SHOPLINK_DIGEST_*): the key ring, the anchor directory and interval.
   * Absent (as tests build it): keys and anchors beside the data file, a key made on first start.
   */
  readonly digests?: DigestConfig;
  /** The policy file (SHOPLINK_POLICY_FILE): TikTok Shop's numbers and markets; absent: the one shipped (docs/policy.md). */
  readonly policyFile?: string;
  /** Push delivery to subscribed services (SHOPLINK_WEBHOOK_*); absent: DEFAULT_WEBHOOKS, no private destination allowed. */
  readonly webhooks?: Partial<WebhookConfig>;
}

/** docs/webhooks.md (Configuration). */
export interface WebhookConfig {
  /** SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS as written: hosts and CIDR networks, comma-separated. */
  readonly allowedDestinations: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** How long a rotated-out secret still signs deliveries. */
  readonly secretGraceSeconds: number;
  /** How often an idle subscription looks for new events. */
  readonly pollIntervalMs: number;
}

export const DEFAULT_WEBHOOKS: WebhookConfig = {
  allowedDestinations: '',
  timeoutMs: 10_000,
  maxAttempts: 10,
  backoffBaseMs: 1_000,
  backoffMaxMs: 10 * MINUTE_MS,
  secretGraceSeconds: 86_400,
  pollIntervalMs: 500,
};

/** Generous for an internal caller (a service with a bug in a retry loop hits it; a busy one does not). */
export const DEFAULT_RATE_LIMIT = { limit: 20_000, windowMs: 10_000 } as const;

/**
 * An honest caller whose token is missing, expired or wrongly signed learns it from its first 401s;
 * 100 per 10 s still lets a person debug with curl, and holds a flood from one address to 100 token
 * checks per 10 s. Beyond, a refusal waits about 100 ms: a sender that waits for its answers (a retry
 * loop, most flood tools) then sends 10 requests a second per connection, not thousands, and a
 * client that honours Retry-After hardly notices.
 */
export const DEFAULT_UNAUTHENTICATED_LIMIT = { limit: 100, windowMs: 10_000, delayMs: 100 } as const;

/** A quarter of the default pool of feed streams: one runaway service leaves three quarters to the others. */
export const DEFAULT_FEED_MAX_STREAMS_PER_SERVICE = 50;

/**
 * Reads and checks the environment once at start-up, naming the variable at fault: every bad
 * setting at once (ConfigErrors), not only the first.
 */
export function loadAppConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // A refused setting reads as its fallback so the others are still checked; check() then throws
  // them all, so no fallback of a refused setting is ever used.
  const problems = new ConfigProblems();
  const dataFile = dataFileOf(env);
  const storage = problems.read(() => loadStorageConfig(env), {
    eventStore: { kind: 'sqlite', file: dataFile },
    documents: { kind: 'sqlite', file: dataFile },
  });
  const integer = (name: string, fallback: number, min: number, max: number): number =>
    problems.read(() => wholeNumber(env, name, fallback, min, max), fallback);
  const config: AppConfig = {
    port: integer('PORT', 3000, 0, 65535),
    host: env.HOST ?? 'localhost',
    dataFile,
    readYourWritesTimeoutMs: integer('SHOPLINK_READ_YOUR_WRITES_TIMEOUT_MS', 2000, 0, MINUTE_MS),
    bodyLimitBytes: integer('SHOPLINK_BODY_LIMIT_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    expirySweepIntervalMs: integer('SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS', MINUTE_MS, 0, DAY_MS),
    feedStreams: {
      heartbeatMs: integer('SHOPLINK_FEED_HEARTBEAT_MS', 15_000, 100, 300_000),
      slowClientTimeoutMs: integer('SHOPLINK_FEED_SLOW_CLIENT_TIMEOUT_MS', 30_000, 100, 600_000),
      maxStreams: integer('SHOPLINK_FEED_MAX_STREAMS', 200, 1, 10_000),
      maxStreamsPerService: integer('SHOPLINK_FEED_MAX_STREAMS_PER_SERVICE', DEFAULT_FEED_MAX_STREAMS_PER_SERVICE, 1, 10_000),
    },
    storage,
    // Read models on MongoDB are shared by every API instance: one projector process keeps them (see apps/projector).
    runProjector: problems.read(() => boolean(env, 'SHOPLINK_RUN_PROJECTOR', storage.documents.kind !== 'mongodb'), true),
    ...problems.read(() => tokenSecretOf(env, dataFile), { tokenSecret: new Uint8Array(), tokenSecretSource: '' }),
    ...problems.read(() => actorAssertionKeysOf(env, dataFile), { actorAssertionKeys: undefined!, actorAssertionKeysSource: '' }),
    digests: problems.read(() => loadDigestConfig(env, dataFile), undefined),
    rateLimit: {
      limit: integer('SHOPLINK_RATE_LIMIT', DEFAULT_RATE_LIMIT.limit, 1, 10_000_000),
      windowMs: integer('SHOPLINK_RATE_LIMIT_WINDOW_MS', DEFAULT_RATE_LIMIT.windowMs, 100, HOUR_MS),
    },
    unauthenticatedLimit: {
      limit: integer('SHOPLINK_UNAUTHENTICATED_LIMIT', DEFAULT_UNAUTHENTICATED_LIMIT.limit, 1, 10_000_000),
      windowMs: integer('SHOPLINK_UNAUTHENTICATED_WINDOW_MS', DEFAULT_UNAUTHENTICATED_LIMIT.windowMs, 100, HOUR_MS),
      delayMs: integer('SHOPLINK_UNAUTHENTICATED_DELAY_MS', DEFAULT_UNAUTHENTICATED_LIMIT.delayMs, 0, 5_000),
    },
    trustedProxies: problems.read(() => proxies(env, 'SHOPLINK_TRUST_PROXY'), []),
    // Read and checked when the service starts (PolicyModule), where its version is also recorded.
    policyFile: env.SHOPLINK_POLICY_FILE?.trim() || undefined,
    webhooks: {
      allowedDestinations: problems.read(() => allowedDestinations(env, 'SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS'), ''),
      timeoutMs: integer('SHOPLINK_WEBHOOK_TIMEOUT_MS', DEFAULT_WEBHOOKS.timeoutMs, 100, MINUTE_MS),
      maxAttempts: integer('SHOPLINK_WEBHOOK_MAX_ATTEMPTS', DEFAULT_WEBHOOKS.maxAttempts, 1, 100),
      backoffBaseMs: integer('SHOPLINK_WEBHOOK_BACKOFF_BASE_MS', DEFAULT_WEBHOOKS.backoffBaseMs, 10, HOUR_MS),
      backoffMaxMs: integer('SHOPLINK_WEBHOOK_BACKOFF_MAX_MS', DEFAULT_WEBHOOKS.backoffMaxMs, 10, DAY_MS),
      secretGraceSeconds: integer('SHOPLINK_WEBHOOK_SECRET_GRACE_SECONDS', DEFAULT_WEBHOOKS.secretGraceSeconds, 0, 30 * 86_400),
      pollIntervalMs: integer('SHOPLINK_WEBHOOK_POLL_INTERVAL_MS', DEFAULT_WEBHOOKS.pollIntervalMs, 10, MINUTE_MS),
    },
  };
  problems.check();
  return config;
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

/** Comma-separated addresses or CIDR ranges; never `true` (every peer), which would let any caller choose its own address. */
function proxies(env: NodeJS.ProcessEnv, name: string): string[] {
  const entries = (env[name] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new ConfigError(name, `expected addresses or CIDR ranges separated by commas (e.g. 10.0.0.0/8,::1), got "${entry}"`);
  }
  return entries;
}

function allowedDestinations(env: NodeJS.ProcessEnv, name: string): string {
  const text = env[name] ?? '';
  try {
    parseAllowList(text);
  } catch (error) {
    if (error instanceof AllowListError) throw new ConfigError(name, error.message);
    throw error;
  }
  return text;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}
