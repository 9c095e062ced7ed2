import type { AppConfig } from './app-config';

type Process = 'api' | 'projector' | 'cli';

/** One environment variable Shoplink reads: who reads it, its default, what it does. */
export interface ConfigurationVariable {
  readonly name: string;
  readonly readBy: readonly Process[];
  /** As an operator would write it; `(none)` when unset means off or not used. */
  readonly default: string;
  readonly meaning: string;
  /** Where the API's loaded configuration holds it, so a test can check the default written here is the code's. */
  readonly inAppConfig?: (config: AppConfig) => unknown;
}

const BOTH: readonly Process[] = ['api', 'projector'];
const ALL: readonly Process[] = ['api', 'projector', 'cli'];

/**
 * Every environment variable the processes read, in one place: docs/configuration.md is generated
 * from it, and a unit test fails when a variable read in the code is missing here (or listed here
 * but read nowhere), when an API default here is not the one the code applies, or when the page
 * differs. Each loader still checks its own values and names the variable at fault.
 */
export const CONFIGURATION: readonly ConfigurationVariable[] = [
  // Storage: which stores, where.
  {
    name: 'SHOPLINK_DATA_FILE',
    readBy: ALL,
    default: 'data/shoplink.db',
    meaning: 'the embedded SQLite file (events, read models, idempotency records, unless a server is named for them)',
  },
  {
    name: 'EVENTSTORE_URL',
    readBy: ALL,
    default: '(none)',
    meaning:
      'events on KurrentDB / EventStoreDB ≥ 22.6: a connection string (`kurrentdb://host:2113?tls=false`), checked with the client’s parser; unset: the SQLite file',
  },
  {
    name: 'MONGODB_URI',
    readBy: ALL,
    default: '(none)',
    meaning: 'read models and idempotency records on MongoDB: a replica set’s connection string; unset: the SQLite file',
  },
  {
    name: 'SHOPLINK_MONGODB_DATABASE',
    readBy: ALL,
    default: 'the one `MONGODB_URI` names, else `shoplink`',
    meaning: 'the MongoDB database; refused without `MONGODB_URI`',
  },
  {
    name: 'SHOPLINK_SQLITE_COMMIT_THREAD',
    readBy: ALL,
    default: 'main',
    meaning: '`main` or `worker`: the thread the embedded store’s group commit runs on',
  },
  {
    name: 'SHOPLINK_RUN_PROJECTOR',
    readBy: ['api'],
    default: '`true`; `false` when `MONGODB_URI` is set',
    meaning: 'whether the API runs the projector in its own process',
  },
  // Policy.
  {
    name: 'SHOPLINK_POLICY_FILE',
    readBy: ['api'],
    default: 'the shipped `libs/shops/src/policy/default-policy.json`',
    meaning:
      'the policy file: TikTok Shop’s numbers, per-market overrides and supported markets ([docs/policy.md](policy.md)); checked at start, its version recorded; a bad field or a version reused with other numbers refuses start (exit 78)',
  },
  // HTTP.
  { name: 'PORT', readBy: ['api'], default: '3000', meaning: 'the API’s port', inAppConfig: (c) => c.port },
  {
    name: 'HOST',
    readBy: BOTH,
    default: 'localhost',
    meaning: 'the address the API and the projector’s health server listen on (`0.0.0.0` in the image)',
    inAppConfig: (c) => c.host,
  },
  {
    name: 'SHOPLINK_PROJECTOR_PORT',
    readBy: ['projector'],
    default: '3001',
    meaning: 'the projector’s health and metrics server',
  },
  {
    name: 'SHOPLINK_BODY_LIMIT_BYTES',
    readBy: ['api'],
    default: '65536',
    meaning: 'largest request body (1024–10485760)',
    inAppConfig: (c) => c.bodyLimitBytes,
  },
  {
    name: 'SHOPLINK_TRUST_PROXY',
    readBy: ['api'],
    default: '(none)',
    meaning: 'proxies (addresses, CIDR ranges, `loopback`…) whose X-Forwarded-For names the client address; none: the peer is the client',
  },
  {
    name: 'SHOPLINK_READ_YOUR_WRITES_TIMEOUT_MS',
    readBy: ['api'],
    default: '2000',
    meaning: 'how long a query with `minPosition` waits for the read models before answering 503',
    inAppConfig: (c) => c.readYourWritesTimeoutMs,
  },
  {
    name: 'SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS',
    readBy: ['api'],
    default: '60000',
    meaning:
      'how often the automations run (expiries, account claims left by a crash, requests superseded by a link), and once at start; 0: never',
    inAppConfig: (c) => c.expirySweepIntervalMs,
  },
  // Who may call.
  {
    name: 'NODE_ENV',
    readBy: ALL,
    default: '(none); `production` in the image',
    meaning: '`production` refuses the local conveniences: a token secret or an HS256 assertion secret invented beside the data file',
  },
  {
    name: 'SHOPLINK_TOKEN_SECRET',
    readBy: ALL,
    default: 'a file `token-secret` beside the data file; required in production',
    meaning:
      'the HS256 secret service tokens are signed with (at least 32 characters), the same on every instance and issuer; the projector checks its `/metrics` callers with it',
  },
  {
    name: 'SHOPLINK_ACTOR_ASSERTION_JWKS',
    readBy: ['api'],
    default: '(none); required in production',
    meaning: 'path of the identity provider’s JWKS (Ed25519 / P-256 public keys) actor assertions are verified with',
  },
  {
    name: 'SHOPLINK_ACTOR_ASSERTION_SECRET',
    readBy: ['api', 'cli'],
    default: 'a file `actor-assertion-secret` beside the data file',
    meaning: 'outside production, without a JWKS: the HS256 secret of local actor assertions (at least 32 characters)',
  },
  {
    name: 'SHOPLINK_RATE_LIMIT',
    readBy: ['api'],
    default: '20000',
    meaning: 'requests per window per calling service',
    inAppConfig: (c) => c.rateLimit?.limit,
  },
  {
    name: 'SHOPLINK_RATE_LIMIT_WINDOW_MS',
    readBy: ['api'],
    default: '10000',
    meaning: 'that window',
    inAppConfig: (c) => c.rateLimit?.windowMs,
  },
  {
    name: 'SHOPLINK_UNAUTHENTICATED_LIMIT',
    readBy: ['api'],
    default: '100',
    meaning: 'requests without a valid token per window per client address before it is answered 429 on arrival',
    inAppConfig: (c) => c.unauthenticatedLimit?.limit,
  },
  {
    name: 'SHOPLINK_UNAUTHENTICATED_WINDOW_MS',
    readBy: ['api'],
    default: '10000',
    meaning: 'that window',
    inAppConfig: (c) => c.unauthenticatedLimit?.windowMs,
  },
  {
    name: 'SHOPLINK_UNAUTHENTICATED_DELAY_MS',
    readBy: ['api'],
    default: '100',
    meaning: 'after such a 429, how long its connection reads nothing (drawn between half and one and a half times this; 0: not slowed)',
    inAppConfig: (c) => c.unauthenticatedLimit?.delayMs,
  },
  // Tamper evidence beyond the data file.
  {
    name: 'SHOPLINK_DIGEST_KEY_DIR',
    readBy: ['api', 'cli'],
    default: '`digest-keys` beside the data file (a key is made there on first start); required in production',
    meaning:
      'directory of the Ed25519 keys log digests are signed with, one `<keyId>.pem` each (the last id in sort order signs, all verify); keep it off the data file’s storage',
  },
  {
    name: 'SHOPLINK_DIGEST_ANCHOR_DIR',
    readBy: ['api'],
    default: '`digest-anchors` beside the data file',
    meaning: 'where signed digests are written periodically and at shutdown (`digests-YYYY-MM-DD.jsonl`); point it at other storage',
  },
  {
    name: 'SHOPLINK_DIGEST_ANCHOR_INTERVAL_SECONDS',
    readBy: ['api'],
    default: '60',
    meaning: 'how often an anchor is written, when the log moved (0–86400; 0: never, not even at shutdown)',
    inAppConfig: (c) => c.digests?.anchorIntervalSeconds,
  },
  // The event feed.
  {
    name: 'SHOPLINK_FEED_HEARTBEAT_MS',
    readBy: ['api'],
    default: '15000',
    meaning: 'heartbeat of the feed’s streams',
    inAppConfig: (c) => c.feedStreams?.heartbeatMs,
  },
  {
    name: 'SHOPLINK_FEED_SLOW_CLIENT_TIMEOUT_MS',
    readBy: ['api'],
    default: '30000',
    meaning: 'how long a stream’s client may stop reading before it is disconnected',
    inAppConfig: (c) => c.feedStreams?.slowClientTimeoutMs,
  },
  {
    name: 'SHOPLINK_FEED_MAX_STREAMS',
    readBy: ['api'],
    default: '200',
    meaning: 'streams open at once, over all services',
    inAppConfig: (c) => c.feedStreams?.maxStreams,
  },
  {
    name: 'SHOPLINK_FEED_MAX_STREAMS_PER_SERVICE',
    readBy: ['api'],
    default: '50',
    meaning: 'streams open at once per calling service',
    inAppConfig: (c) => c.feedStreams?.maxStreamsPerService,
  },
  // Push delivery (webhooks): docs/webhooks.md.
  {
    name: 'SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS',
    readBy: ['api'],
    default: '(none)',
    meaning:
      'hosts (`hooks.example.com`, `*.partner.io`) and CIDR networks (`10.1.0.0/16`) webhooks may be delivered to, comma-separated; unset: any public address. Loopback, private and link-local addresses only when a listed network covers them',
  },
  {
    name: 'SHOPLINK_WEBHOOK_TIMEOUT_MS',
    readBy: ['api'],
    default: '10000',
    meaning: 'how long a delivery may take before it counts as failed',
    inAppConfig: (c) => c.webhooks?.timeoutMs,
  },
  {
    name: 'SHOPLINK_WEBHOOK_MAX_ATTEMPTS',
    readBy: ['api'],
    default: '10',
    meaning: 'attempts of one event before it is parked as a dead letter',
    inAppConfig: (c) => c.webhooks?.maxAttempts,
  },
  {
    name: 'SHOPLINK_WEBHOOK_BACKOFF_BASE_MS',
    readBy: ['api'],
    default: '1000',
    meaning: 'the wait ceiling before the first retry; it doubles per failed attempt (half of it random)',
    inAppConfig: (c) => c.webhooks?.backoffBaseMs,
  },
  {
    name: 'SHOPLINK_WEBHOOK_BACKOFF_MAX_MS',
    readBy: ['api'],
    default: '600000',
    meaning: 'the longest wait between two attempts',
    inAppConfig: (c) => c.webhooks?.backoffMaxMs,
  },
  {
    name: 'SHOPLINK_WEBHOOK_SECRET_GRACE_SECONDS',
    readBy: ['api'],
    default: '86400',
    meaning: 'how long a rotated-out secret still signs deliveries beside the new one',
    inAppConfig: (c) => c.webhooks?.secretGraceSeconds,
  },
  {
    name: 'SHOPLINK_WEBHOOK_POLL_INTERVAL_MS',
    readBy: ['api'],
    default: '500',
    meaning: 'how often an idle subscription looks for new events in the log',
    inAppConfig: (c) => c.webhooks?.pollIntervalMs,
  },
  // Operations.
  {
    name: 'SHOPLINK_PROJECTOR_LAG_LOG_INTERVAL_MS',
    readBy: ['projector'],
    default: '30000',
    meaning: 'how often the projector process logs its lag; 0: never',
  },
  {
    name: 'SHOPLINK_REBUILD_THREADS',
    readBy: ['cli'],
    default: '(none)',
    meaning: '`0`: a rebuild of the embedded file’s read models uses one thread, not two',
  },
  { name: 'SHOPLINK_LOG_LEVEL', readBy: BOTH, default: 'info', meaning: '`silent`, `fatal`, `error`, `warn`, `info`, `debug` or `trace`' },
  {
    name: 'SHOPLINK_LOG_FORMAT',
    readBy: BOTH,
    default: '`pretty` on a terminal outside production, else `json`',
    meaning: '`json` or `pretty`',
  },
  {
    name: 'OTEL_TRACES_EXPORTER',
    readBy: BOTH,
    default: '(none)',
    meaning:
      '`otlp` or `console` turns tracing on, `none` keeps it off; the other standard OTEL_* variables (sampler, headers, batch) apply as usual',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    readBy: BOTH,
    default: '(none)',
    meaning: 'where spans go over OTLP/HTTP; setting it turns tracing on',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    readBy: BOTH,
    default: '(none)',
    meaning: 'the same, for traces only',
  },
  { name: 'OTEL_SDK_DISABLED', readBy: BOTH, default: '(none)', meaning: '`true` keeps tracing off whatever else is set' },
  { name: 'OTEL_SERVICE_NAME', readBy: BOTH, default: '`shoplink-api`, `shoplink-projector`', meaning: 'the service name on spans' },
];

/** docs/configuration.md's table, as generated from the catalog. */
export function configurationTable(): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| variable | read by | default | meaning |',
    '| --- | --- | --- | --- |',
    ...CONFIGURATION.map((v) => `| \`${v.name}\` | ${v.readBy.join(', ')} | ${cell(v.default)} | ${cell(v.meaning)} |`),
  ].join('\n');
}
