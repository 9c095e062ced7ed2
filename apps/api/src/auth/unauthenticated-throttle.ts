import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { AppConfig, DEFAULT_UNAUTHENTICATED_LIMIT } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { errorBody } from '../http/error-body';
import { ShoplinkMetrics } from '../observability/metrics/shoplink-metrics';
import { bearerTokenOf } from './bearer-token';
import { FixedWindowBudgets } from './fixed-window-budgets';
import { HeldRefusals } from './held-refusals';
import { VERIFIED_TOKENS, VerifiedTokens } from './verified-tokens';

/** About 200 bytes each: at most a few megabytes, however many addresses a flood comes from. */
const MAX_ADDRESSES = 20_000;

/** A few kilobytes each (the request and its reply): at most a few megabytes, however many connections a flood opens. */
const MAX_HELD_REFUSALS = 1_000;

/** Probes must answer whoever asks, or an orchestrator would restart a service that is only being attacked. */
const PROBE = /^\/health(?:[/?]|$)/;

/**
 * Requests that fail authentication (no token, a malformed, forged or expired one) spend from
 * their client address's budget. Once an address has spent it, its requests are answered 429 on
 * arrival, from a Fastify onRequest hook: before routing to Nest, before the body is read, before
 * any signature is checked; each refusal is held back a moment (HeldRefusals) so that a sender
 * waiting for its answers slows down. A request whose token was verified already still goes
 * through, so a service behind the same address (a NAT, a gateway) keeps working while an
 * attacker there is throttled; only a token not yet verified waits for the window to end.
 */
@Injectable()
export class UnauthenticatedThrottle {
  private readonly logger = new Logger('UnauthenticatedThrottle');
  private readonly budgets: FixedWindowBudgets;
  private readonly held: HeldRefusals;
  private readonly limit: { readonly limit: number; readonly windowMs: number };
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(VERIFIED_TOKENS) private readonly tokens: VerifiedTokens,
    private readonly metrics: ShoplinkMetrics,
  ) {
    const { limit, windowMs, delayMs } = { ...DEFAULT_UNAUTHENTICATED_LIMIT, ...config.unauthenticatedLimit };
    this.limit = { limit, windowMs };
    this.budgets = new FixedWindowBudgets({ limit, windowMs, maxKeys: MAX_ADDRESSES });
    this.held = new HeldRefusals(delayMs, MAX_HELD_REFUSALS);
  }

  /** A request from `address` was refused for want of a valid token. */
  failed(address: string, reason: string): void {
    this.budgets.spend(address);
    this.metrics.unauthenticatedRequests.inc({ reason });
  }

  /** Installed first, so a throttled request costs no span, no request log line and no body parsing. */
  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      const address = request.ip;
      if (!this.budgets.isOver(address) || PROBE.test(request.url)) return done();
      const token = bearerTokenOf(request.headers.authorization);
      if (token !== undefined && this.tokens.isKnown(token)) return done();
      const refusal = this.budgets.refuse(address)!;
      this.metrics.unauthenticatedThrottled.inc();
      if (refusal.first) {
        this.metrics.throttledAddresses.inc();
        this.logger.warn(
          `throttling ${address}: ${this.limit.limit} requests without a valid service token within ${this.limit.windowMs} ms; ` +
            `its requests without an already verified token are answered 429 for the next ${refusal.retryAfterSeconds} s`,
        );
      }
      const message = `Too many requests without a valid service token from this address; retry after ${refusal.retryAfterSeconds} s`;
      // Answering from the hook ends the request here: the remaining hooks and the route are skipped.
      const answer = (): void => {
        // Once stopping, the connection closes with the answer: the server waits for open connections before it stops.
        if (this.stopping) void reply.header('connection', 'close');
        void reply
          .code(429)
          .header('retry-after', String(refusal.retryAfterSeconds))
          .send(errorBody(429, 'RATE_LIMITED', message));
      };
      const drop = this.held.hold(answer);
      reply.raw.once('close', drop);
    });
    // A stopping service answers the refusals it holds rather than wait for them.
    fastify.addHook('preClose', (done) => {
      this.stopping = true;
      this.held.releaseAll();
      done();
    });
  }
}
