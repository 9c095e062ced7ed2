import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig, DEFAULT_UNAUTHENTICATED_LIMIT } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { errorBody } from '../http/error-body';
import { requestSlot } from '../http/request-slot';
import { ShoplinkMetrics } from '../observability/metrics/shoplink-metrics';
import { bearerTokenOf } from './bearer-token';
import { clientAddressOf } from './client-address';
import { correlationIdOf } from '../observability/correlation-id';
import { FixedWindowBudgets, Refusal } from './fixed-window-budgets';
import { Leave, SingleFileByAddress } from './single-file-by-address';
import { SlowedConnections } from './slowed-connections';
import { VERIFIED_TOKENS, VerifiedTokens } from './verified-tokens';

/** About 200 bytes each: at most a few megabytes, however many addresses a flood comes from. */
const MAX_ADDRESSES = 20_000;

/** Connections slowed at once (a socket each, alive anyway): beyond, a connection is not slowed. */
const MAX_SLOWED_CONNECTIONS = 1_000;

/** Requests without a verified token waiting their address's turn (each a few kilobytes): beyond, they are answered 429 at once. */
const MAX_WAITING_PER_ADDRESS = 256;
const MAX_WAITING = 2_000;

const PROBE = /^\/health(?:[/?]|$)/;

/**
 * Requests that fail authentication (no token, a malformed, forged or expired one) spend from
 * their client address's budget. Once an address has spent it, its requests are answered 429 on
 * arrival by a gate in front of Fastify, on the HTTP server itself: before Fastify builds its
 * request and reply, before routing, hooks, spans, request log lines, body parsing or any
 * signature check, so a refusal allocates little more than Node's own request and response (a
 * flood's refusals otherwise fill the young heap twice a second, and each scavenge stalls every
 * caller). After each refusal its connection reads nothing for a moment (SlowedConnections), so
 * that a sender waiting for its answers slows down. A request whose token was verified already always goes through, so a service
 * behind the same address (a NAT, a gateway) keeps working while an attacker there is throttled;
 * the other requests of one address go single file (SingleFileByAddress), so a burst of them cannot
 * queue everyone else's requests behind its signature checks.
 */
@Injectable()
export class UnauthenticatedThrottle {
  private readonly logger = new Logger('UnauthenticatedThrottle');
  private readonly budgets: FixedWindowBudgets;
  private readonly slowed: SlowedConnections;
  private readonly singleFile = new SingleFileByAddress({ maxWaitingPerKey: MAX_WAITING_PER_ADDRESS, maxWaiting: MAX_WAITING });
  private readonly limit: { readonly limit: number; readonly windowMs: number };
  /** The end of each request's turn in its address's lane, until the request is collected. */
  private readonly turns = requestSlot<IncomingMessage, Leave>('shoplink.unauthenticatedTurn');
  private readonly addressOf: (request: IncomingMessage) => string;
  private stopping = false;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(VERIFIED_TOKENS) private readonly tokens: VerifiedTokens,
    private readonly metrics: ShoplinkMetrics,
  ) {
    const { limit, windowMs, delayMs } = { ...DEFAULT_UNAUTHENTICATED_LIMIT, ...config.unauthenticatedLimit };
    this.limit = { limit, windowMs };
    this.budgets = new FixedWindowBudgets({ limit, windowMs, maxKeys: MAX_ADDRESSES });
    this.slowed = new SlowedConnections(delayMs, MAX_SLOWED_CONNECTIONS);
    this.addressOf = clientAddressOf(config.trustedProxies);
  }

  /** A request was refused for want of a valid token: its address spends from its budget. */
  failed(request: FastifyRequest, reason: string): void {
    this.budgets.spend(this.addressOf(request.raw));
    this.metrics.unauthenticatedRequests.inc({ reason });
  }

  /** The request's token was checked, whatever the outcome: the next request of its address may go. */
  checked(request: FastifyRequest): void {
    this.turns.get(request.raw)?.();
  }

  /**
   * Puts the gate in front of Fastify's request listener on its HTTP server. Before app.init(), so
   * no request reaches Fastify without passing it.
   */
  install(fastify: FastifyInstance): void {
    const server = fastify.server;
    const fastifyListeners = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
    server.removeAllListeners('request');
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      let passed = false;
      const pass = (): void => {
        if (passed) return;
        passed = true;
        for (const listener of fastifyListeners) listener.call(server, request, response);
      };
      try {
        this.admit(request, response, pass);
      } catch (error) {
        // A fault in the gate must not take the server down with it (a throw here is uncaught):
        // the request goes on to Fastify, whose guard still checks its token.
        this.logger.error(`the throttle failed on a request, let through to authentication: ${String(error)}`);
        pass();
      }
    });
    // A stopping service closes the connections it slowed rather than wait for them.
    fastify.addHook('preClose', (done) => {
      this.stopping = true;
      this.slowed.closeAll();
      done();
    });
  }

  private admit(request: IncomingMessage, response: ServerResponse, pass: () => void): void {
    // Probes must answer whoever asks, or an orchestrator would restart a service that is only being attacked.
    if (PROBE.test(request.url ?? '')) return pass();
    const token = bearerTokenOf(request.headers.authorization);
    if (token !== undefined && this.tokens.isKnown(token)) return pass();
    const address = this.addressOf(request);
    const leave = this.singleFile.enter(address, (leaveTurn) => {
      const refusal = this.budgets.refuse(address);
      if (refusal === undefined) return pass();
      leaveTurn();
      this.refuse(address, request, response, refusal);
    });
    if (leave === undefined) return this.refuse(address, request, response, { retryAfterSeconds: 1, first: false });
    this.turns.set(request, leave);
    // Its token checked (ServiceAuthGuard ends the turn then), or else answered, refused or gone.
    response.once('close', leave);
  }

  /** Answers 429 on the raw response, at once, then slows its connection; Fastify never sees the request. */
  private refuse(address: string, request: IncomingMessage, response: ServerResponse, refusal: Refusal): void {
    this.metrics.unauthenticatedThrottled.inc();
    if (refusal.first) {
      this.metrics.throttledAddresses.inc();
      this.logger.warn(
        `throttling ${address}: ${this.limit.limit} requests without a valid service token within ${this.limit.windowMs} ms; ` +
          `its requests without an already verified token are answered 429 for the next ${refusal.retryAfterSeconds} s`,
      );
    }
    if (response.writableEnded || response.destroyed) return;
    const body = JSON.stringify(
      errorBody(
        429,
        'RATE_LIMITED',
        `Too many requests without a valid service token from this address; retry after ${refusal.retryAfterSeconds} s`,
      ),
    );
    response.writeHead(429, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': String(refusal.retryAfterSeconds),
      'x-correlation-id': correlationIdOf(request),
      // Once stopping, the connection closes with the answer: the server waits for open connections before it stops.
      ...(this.stopping ? { connection: 'close' } : {}),
    });
    response.end(body);
    if (!this.stopping) this.slowed.slowAfter(response, request.socket);
  }
}
