import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { trace, Tracer } from '@opentelemetry/api';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from '../observability.options';
import { TRACER_NAME } from './span-names';

/** The tracer every span of the service comes from; flushed when the app closes so no span is lost. */
@Injectable()
export class ShoplinkTracer implements OnApplicationShutdown {
  readonly tracer: Tracer;

  constructor(@Inject(OBSERVABILITY_OPTIONS) private readonly options: ObservabilityOptions) {
    this.tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(TRACER_NAME);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.options.tracerProvider?.forceFlush?.();
  }
}
