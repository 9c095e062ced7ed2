import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * Starts OpenTelemetry tracing when the standard variables ask for it, and only then: tracing is
 * off by default (every span is then a no-op). On with `OTEL_TRACES_EXPORTER=otlp` (or `console`),
 * or with an OTLP endpoint (`OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`);
 * `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` keep it off. The exporter, the batch
 * processor and the sampler read their own OTEL_* variables (headers, timeouts, OTEL_TRACES_SAMPLER);
 * the service is named by `OTEL_SERVICE_NAME` (default `serviceName`: shoplink-api, or shoplink-projector for the
 * projector process) and `OTEL_RESOURCE_ATTRIBUTES`.
 */
export function startTracing(env: NodeJS.ProcessEnv = process.env, serviceName = 'shoplink-api'): NodeTracerProvider | null {
  const exporter = exporterOf(env);
  if (exporter === null) return null;
  const resource = resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }).merge(
    detectResources({ detectors: [envDetector] }),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  // Registers the AsyncLocalStorage context (a command's spans find their HTTP parent) and W3C propagation.
  provider.register();
  return provider;
}

function exporterOf(env: NodeJS.ProcessEnv): SpanExporter | null {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return null;
  const named = env.OTEL_TRACES_EXPORTER?.trim().toLowerCase();
  if (named === 'none') return null;
  if (named === 'console') return new ConsoleSpanExporter();
  if (named === 'otlp' || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return new OTLPTraceExporter();
  return null;
}
