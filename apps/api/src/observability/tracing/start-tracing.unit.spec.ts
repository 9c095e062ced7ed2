import { context, propagation, trace } from '@opentelemetry/api';
import { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from './start-tracing';

describe('startTracing', () => {
  it('is off unless the standard variables ask for an exporter', () => {
    expect(startTracing({})).toBeNull();
    expect(startTracing({ OTEL_TRACES_EXPORTER: 'none', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' })).toBeNull();
    expect(startTracing({ OTEL_SDK_DISABLED: 'true', OTEL_TRACES_EXPORTER: 'otlp' })).toBeNull();
  });

  it('starts with an OTLP endpoint, named by OTEL_SERVICE_NAME', async () => {
    const provider = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1', OTEL_SERVICE_NAME: 'shoplink-test' });
    expect(provider).not.toBeNull();
    const span = trace.getTracer('test').startSpan('probe') as unknown as ReadableSpan;
    expect(span.resource.attributes['service.name']).toBe('shoplink-test');
    // Not ended, so nothing is exported: the exporter loads its HTTP agent with a dynamic import that Jest cannot run
    // (test/graceful-shutdown.e2e.spec.ts sees the real service export over OTLP).
    await provider!.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
});
