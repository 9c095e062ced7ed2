import { Injectable } from '@nestjs/common';
import { SpanKind } from '@opentelemetry/api';
import { CommandObserver } from '@shoplink/command-handling';
import { ShoplinkMetrics, streamCategory } from './metrics/shoplink-metrics';
import { EVENT_COUNT, STREAM } from './tracing/span-names';
import { ShoplinkTracer } from './tracing/tracer';

/** The command runner's port (libs/command-handling), implemented with our metrics and spans: append latency, conflicts, retries. */
@Injectable()
export class AppendTelemetryObserver implements CommandObserver {
  constructor(
    private readonly metrics: ShoplinkMetrics,
    private readonly tracing: ShoplinkTracer,
  ) {}

  appending<T>(streamId: string, eventCount: number, append: () => Promise<T>): Promise<T> {
    const attributes = { [STREAM]: streamId, [EVENT_COUNT]: eventCount };
    return this.tracing.tracer.startActiveSpan('append', { kind: SpanKind.CLIENT, attributes }, async (span) => {
      const stop = this.metrics.appendDuration.startTimer({ category: streamCategory(streamId) });
      try {
        return await append();
      } finally {
        stop();
        span.end();
      }
    });
  }

  conflicted(streamId: string, _attempt: number, willRetry: boolean): void {
    const category = streamCategory(streamId);
    this.metrics.conflicts.inc({ category });
    if (willRetry) this.metrics.retries.inc({ category });
  }
}
