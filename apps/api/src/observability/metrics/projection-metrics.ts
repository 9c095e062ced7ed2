import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Seconds: commands and appends take milliseconds on the embedded store, more on a server. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * The projection's metrics, in `registry`: published by the API (ShoplinkMetrics) and by the
 * projector process (apps/projector), under the same names. The batch duration and event count
 * are this process's own work; the gauges are read from the stores on each scrape (store-gauges.ts).
 */
export function projectionMetrics(registry: Registry) {
  return {
    projectionBatchDuration: new Histogram({
      name: 'shoplink_projection_batch_duration_seconds',
      help: 'Time to fold a batch of events into the read models and commit it with the checkpoint',
      labelNames: ['projection'],
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    }),
    projectedEvents: new Counter({
      name: 'shoplink_projection_events_total',
      help: 'Events applied by a projection in this process',
      labelNames: ['projection'],
      registers: [registry],
    }),
    /** Filled on each scrape from the stores (see store-gauges.ts). */
    headPosition: new Gauge({
      name: 'shoplink_event_store_head_position',
      help: 'Position of the last event in the log (commit part)',
      registers: [registry],
    }),
    checkpoint: new Gauge({
      name: 'shoplink_projection_checkpoint_position',
      help: "Position of a projection's last committed batch; -1 before its first",
      labelNames: ['projection'],
      registers: [registry],
    }),
    lagPositions: new Gauge({
      name: 'shoplink_projection_lag_positions',
      help: "Head position minus the projection's checkpoint, in the store's units (events on SQLite)",
      labelNames: ['projection'],
      registers: [registry],
    }),
    lagSeconds: new Gauge({
      name: 'shoplink_projection_lag_seconds',
      help: 'Age of the oldest event the projection has not applied yet; 0 when caught up',
      labelNames: ['projection'],
      registers: [registry],
    }),
  };
}

export type ProjectionMetrics = ReturnType<typeof projectionMetrics>;
