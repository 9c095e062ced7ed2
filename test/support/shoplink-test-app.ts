import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createApp } from '../../apps/api/src/app.factory';
import { AppConfig } from '../../apps/api/src/config/app-config';
import { TestClock } from './test-clock';
import { steppedUpAssertionFor, TEST_ACTOR_ASSERTION_SECRET, TEST_TOKEN_SECRET, testToken } from './service-tokens';

export { steppedUpAssertionFor };
import { ActorAssertionKeys } from '@shoplink/service-auth';
import { EventStore } from '@shoplink/event-store';
import { JitteryEventStore } from '@shoplink/event-store/testing/jittery-event-store';
import { ObservabilityOptions } from '../../apps/api/src/observability/observability.options';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: any;
}

export interface CommandOptions {
  readonly actor?: string;
  readonly key?: string;
  /**
   * X-Actor-Assertion for a member or support actor. Default: a fresh one signed with the test
   * secret, a password and a one-time code just used (enough for any sensitive step); null sends none.
   */
  readonly assertion?: string | null;
  readonly headers?: Record<string, string>;
}

/**
 * The real service (Nest on Fastify, SQLite adapters) on a temporary data file, listening
 * on a free localhost port; scenarios talk to it over real HTTP.
 */
export class ShoplinkTestApp {
  private app: NestFastifyApplication | null = null;
  baseUrl = '';
  /** Sent on every request that does not bring its own `authorization` header: a service holding every scope. */
  private serviceToken = '';
  readonly clock: TestClock;

  private constructor(
    readonly dataDir: string,
    readonly config: AppConfig,
    clock: TestClock,
    private readonly jitter: boolean,
    private readonly observability: ObservabilityOptions | undefined,
  ) {
    this.clock = clock;
  }

  /** `runProjector: false` starts the API as in production, without its projector (a separate process keeps the read models). */
  /** `observability` captures log lines (`logDestination`) or spans (`tracerProvider`); logs are silent otherwise. */
  static async start(
    options: {
      dataDir?: string;
      clock?: TestClock;
      jitter?: boolean;
      runProjector?: boolean;
      observability?: ObservabilityOptions;
      rateLimit?: AppConfig['rateLimit'];
      /** Requests without a valid token one address may make per window; the service's default when absent. */
      unauthenticatedLimit?: AppConfig['unauthenticatedLimit'];
      /** Proxies whose X-Forwarded-For names the client (SHOPLINK_TRUST_PROXY); none when absent. */
      trustedProxies?: AppConfig['trustedProxies'];
      readYourWritesTimeoutMs?: number;
      /** Default: the HS256 secret testAssertion() signs with. */
      actorAssertionKeys?: ActorAssertionKeys;
      /** The policy file (SHOPLINK_POLICY_FILE), read at every boot: a test may change it between restarts. Default: the shipped one. */
      policyFile?: string;
      /** Push delivery settings (SHOPLINK_WEBHOOK_*); the service's defaults when absent. */
      webhooks?: AppConfig['webhooks'];
    } = {},
  ): Promise<ShoplinkTestApp> {
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'shoplink-e2e-'));
    const config: AppConfig = {
      port: 0,
      host: '127.0.0.1',
      dataFile: join(dataDir, 'shoplink.db'),
      readYourWritesTimeoutMs: options.readYourWritesTimeoutMs ?? 2000,
      bodyLimitBytes: 64 * 1024,
      expirySweepIntervalMs: 0,
      runProjector: options.runProjector ?? true,
      tokenSecret: TEST_TOKEN_SECRET,
      actorAssertionKeys: options.actorAssertionKeys ?? ActorAssertionKeys.fromSecret(TEST_ACTOR_ASSERTION_SECRET),
      rateLimit: options.rateLimit,
      unauthenticatedLimit: options.unauthenticatedLimit,
      trustedProxies: options.trustedProxies,
      policyFile: options.policyFile,
      webhooks: options.webhooks,
    };
    const testApp = new ShoplinkTestApp(dataDir, config, options.clock ?? new TestClock(), options.jitter ?? false, options.observability);
    await testApp.boot();
    return testApp;
  }

  get nest(): NestFastifyApplication {
    if (!this.app) throw new Error('not started');
    return this.app;
  }

  async boot(): Promise<void> {
    this.serviceToken ||= await testToken();
    const decorateEventStore = this.jitter ? (store: EventStore) => new JitteryEventStore(store) : undefined;
    this.app = await createApp(this.config, { logger: false, clock: this.clock, decorateEventStore, observability: this.observability });
    await this.app.listen(0, '127.0.0.1');
    const address = this.app.getHttpServer().address();
    this.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  }

  /** The service token every request of this helper carries (every scope); for clients of their own (createShoplinkClient). */
  get token(): string {
    return this.serviceToken;
  }

  /** The header every request of this helper carries; for tests that open their own connections. */
  get authorization(): Record<string, string> {
    return { authorization: `Bearer ${this.serviceToken}` };
  }

  /** Stops the service, keeping the data file (for restart scenarios). */
  async stop(): Promise<void> {
    await this.app?.close();
    this.app = null;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.boot();
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    // `authorization: ''` sends none, to test the refusal.
    const withToken: Record<string, string> = { authorization: `Bearer ${this.serviceToken}`, ...headers };
    if (withToken.authorization === '') delete withToken.authorization;
    const init: RequestInit = { method, headers: withToken };
    if (body !== undefined) {
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
      (init.headers as Record<string, string>)['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${this.baseUrl}${path}`, init);
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      // Not JSON (e.g. the OpenAPI page): keep the text.
    }
    return { status: response.status, headers: response.headers, body: parsed };
  }

  /** Sends a command with a fresh Idempotency-Key and the given actor (default: the owner member m-owner), proven by default. */
  async command(method: string, path: string, body?: unknown, options: CommandOptions = {}): Promise<HttpAnswer> {
    const actor = options.actor ?? 'member:m-owner';
    const assertion = options.assertion === undefined ? await steppedUpAssertionFor(actor) : options.assertion;
    return this.request(method, path, body, {
      'idempotency-key': options.key ?? randomUUID(),
      'x-actor': actor,
      ...(assertion === null ? {} : { 'x-actor-assertion': assertion }),
      ...options.headers,
    });
  }

  /** GET with read-your-writes on the position of a command answer. */
  query(path: string, after?: HttpAnswer): Promise<HttpAnswer> {
    const position = after?.body?.position;
    const separator = path.includes('?') ? '&' : '?';
    return this.request('GET', position ? `${path}${separator}minPosition=${position}` : path);
  }
}
