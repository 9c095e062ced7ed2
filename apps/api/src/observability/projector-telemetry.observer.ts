import { Injectable } from '@nestjs/common';
import { SpanStatusCode, Tracer } from '@opentelemetry/api';
import { RecordedEvent } from '@shoplink/event-store';
import { ProjectorObserver } from '@shoplink/read-models';
import { ProjectionMetrics } from './metrics/projection-metrics';
import { ShoplinkMetrics } from './metrics/shoplink-metrics';
import { CORRELATION_IDS, EVENT_COUNT, PROJECTION } from './tracing/span-names';
import { ShoplinkTracer } from './tracing/tracer';

/**
 * The projector's port (libs/read-models): a span per batch, which names the correlation ids of
 * its events (the projection runs after the request's trace has ended, so the ids are what join
 * them), and the batch's duration and size.
 */
@Injectable()
export class ProjectorTelemetryObserver implements ProjectorObserver {
  constructor(
    private readonly metrics: ShoplinkMetrics,
    private readonly tracing: ShoplinkTracer,
  ) {}

  batch(projector: string, events: readonly RecordedEvent[], apply: () => Promise<void>): Promise<void> {
    return observeProjectionBatch({ metrics: this.metrics, tracer: this.tracing.tracer }, projector, events, apply);
  }
}

/**
 * One batch in a root span of its own (`project <projector>`), timed and counted; `apply` runs
 * inside the span, so what it logs carries the span's trace id. Framework-free: the projector
 * process (apps/projector) observes its batches with it too.
 */
export function observeProjectionBatch(
  telemetry: { metrics: Pick<ProjectionMetrics, 'projectionBatchDuration' | 'projectedEvents'>; tracer: Tracer },
  projector: string,
  events: readonly RecordedEvent[],
  apply: () => Promise<void>,
): Promise<void> {
  const correlationIds = [
    ...new Set(events.map((event) => event.metadata.correlationId).filter((id): id is string => typeof id === 'string')),
  ];
  const attributes = { [PROJECTION]: projector, [EVENT_COUNT]: events.length, [CORRELATION_IDS]: correlationIds };
  return telemetry.tracer.startActiveSpan(`project ${projector}`, { attributes, root: true }, async (span) => {
    const stop = telemetry.metrics.projectionBatchDuration.startTimer({ projection: projector });
    try {
      await apply();
      telemetry.metrics.projectedEvents.inc({ projection: projector }, events.length);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      stop();
      span.end();
    }
  });
}
