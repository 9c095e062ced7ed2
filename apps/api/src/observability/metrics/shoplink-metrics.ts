import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LATENCY_BUCKETS, projectionMetrics } from './projection-metrics';

/**
 * Every metric the service publishes at GET /metrics, in a registry of its own per app (tests run
 * several apps in one process). Names follow Prometheus conventions: `_total` counters, `_seconds`
 * histograms; labels hold types, outcomes and route templates, never ids.
 */
export class ShoplinkMetrics {
  readonly registry = new Registry();

  readonly commands = new Counter({
    name: 'shoplink_commands_total',
    help: 'Commands answered, by command type and outcome (accepted, refused, conflict, replayed, failed)',
    labelNames: ['type', 'outcome'],
    registers: [this.registry],
  });

  readonly commandDuration = new Histogram({
    name: 'shoplink_command_duration_seconds',
    help: 'Time from the command reaching the gateway to its answer, by command type',
    labelNames: ['type'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly idempotentReplays = new Counter({
    name: 'shoplink_idempotent_replays_total',
    help: 'Commands answered again from their first answer (same Idempotency-Key), appending nothing',
    labelNames: ['type'],
    registers: [this.registry],
  });

  readonly appendDuration = new Histogram({
    name: 'shoplink_event_store_append_duration_seconds',
    help: "Time to append a command's events to its stream",
    labelNames: ['category'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly conflicts = new Counter({
    name: 'shoplink_concurrency_conflicts_total',
    help: 'Appends refused because another writer changed the stream first',
    labelNames: ['category'],
    registers: [this.registry],
  });

  readonly retries = new Counter({
    name: 'shoplink_command_retries_total',
    help: 'Commands read and decided again after a conflict',
    labelNames: ['category'],
    registers: [this.registry],
  });

  /** The projection's metrics, which the projector process publishes too (projection-metrics.ts). */
  private readonly projection = projectionMetrics(this.registry);
  readonly projectionBatchDuration = this.projection.projectionBatchDuration;
  readonly projectedEvents = this.projection.projectedEvents;
  readonly headPosition = this.projection.headPosition;
  readonly checkpoint = this.projection.checkpoint;
  readonly lagPositions = this.projection.lagPositions;
  readonly lagSeconds = this.projection.lagSeconds;

  readonly httpDuration = new Histogram({
    name: 'shoplink_http_request_duration_seconds',
    help: 'HTTP requests by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly tokenVerifications = new Counter({
    name: 'shoplink_token_verifications_total',
    help: 'Service tokens checked (signature and claims) because they were not among those already verified, by outcome (valid, invalid)',
    labelNames: ['outcome'],
    registers: [this.registry],
  });

  readonly unauthenticatedRequests = new Counter({
    name: 'shoplink_unauthenticated_requests_total',
    help: "Requests answered 401 for want of a valid service token, each spending from its client address's budget, by reason",
    labelNames: ['reason'],
    registers: [this.registry],
  });

  readonly unauthenticatedThrottled = new Counter({
    name: 'shoplink_unauthenticated_throttled_total',
    help: 'Requests answered 429 on arrival, before any token work, because their client address spent its budget of requests without a valid token',
    registers: [this.registry],
  });

  readonly throttledAddresses = new Counter({
    name: 'shoplink_throttled_addresses_total',
    help: 'Times a client address started being throttled for requests without a valid token (once per address and window)',
    registers: [this.registry],
  });

  readonly feedStreamsRefused = new Counter({
    name: 'shoplink_feed_streams_refused_total',
    help: 'Feed streams refused: service-share (429, the calling service holds its most) or pool (503, the most for everyone are open)',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'shoplink_webhook_deliveries_total',
    help: 'Webhook delivery attempts by outcome: delivered (2xx), failed (retried later) or dead_lettered (the last attempt failed)',
    labelNames: ['status'],
    registers: [this.registry],
  });

  readonly webhookLag = new Gauge({
    name: 'shoplink_webhook_lag_seconds',
    help: 'Per subscription: the age of the event it is delivering (0 when caught up with the log)',
    labelNames: ['subscription'],
    registers: [this.registry],
  });

  readonly brokenStreams = new Gauge({
    name: 'shoplink_broken_streams',
    help: 'Streams whose hash chain failed its check when this process loaded them, and have not verified since: their commands are refused',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics) collectProcessMetrics(this.registry);
  }
}

/** Node's own metrics (heap, event loop lag, GC, CPU), as shoplink_process_* and shoplink_nodejs_*. */
export function collectProcessMetrics(registry: Registry): void {
  collectDefaultMetrics({ register: registry, prefix: 'shoplink_' });
}

/** `shop-brand` → `shop`: the label says which kind of stream, not which one. */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : streamId;
}
