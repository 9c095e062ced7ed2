import type { TracerProvider } from '@opentelemetry/api';
import type { DestinationStream } from 'pino';

/** How this process logs, measures and traces; main.ts reads it from the environment, tests pass their own. */
export interface ObservabilityOptions {
  /** The `service` field of every log line (default shoplink-api; the projector process says shoplink-projector). */
  readonly service?: string;
  /** pino level: silent, error, warn, info (default), debug, trace. */
  readonly logLevel?: string;
  /** Human-readable lines (pino-pretty) instead of JSON, for development. */
  readonly prettyLogs?: boolean;
  /** Where the JSON lines go (default stdout); tests capture lines here. */
  readonly logDestination?: DestinationStream;
  /** Node's own metrics (heap, event loop lag, GC) on /metrics too; off in tests, which start many apps in one process. */
  readonly processMetrics?: boolean;
  /** Spans go here; absent, OpenTelemetry's global provider (a no-op unless tracing was started, see start-tracing.ts). */
  readonly tracerProvider?: TracerProvider & { forceFlush?(): Promise<void> };
}

export const OBSERVABILITY_OPTIONS = Symbol('OBSERVABILITY_OPTIONS');
