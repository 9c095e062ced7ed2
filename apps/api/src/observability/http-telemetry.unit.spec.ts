import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import Fastify, { FastifyInstance } from 'fastify';
import { HttpTelemetry, isHealthProbe } from './http-telemetry';
import { ShoplinkMetrics } from './metrics/shoplink-metrics';
import { ShoplinkTracer } from './tracing/tracer';

describe('HttpTelemetry', () => {
  const spans = new InMemorySpanExporter();
  const tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
  let fastify: FastifyInstance;
  let metrics: ShoplinkMetrics;

  beforeEach(async () => {
    spans.reset();
    metrics = new ShoplinkMetrics();
    fastify = Fastify();
    new HttpTelemetry(metrics, new ShoplinkTracer({ tracerProvider })).install(fastify);
    for (const url of ['/health', '/health/ready', '/v1/shops/:shopId', '/healthy']) fastify.get(url, async () => ({ ok: true }));
    await fastify.ready();
  });

  afterEach(() => fastify.close());
  afterAll(() => tracerProvider.shutdown());

  it('starts no span for the health probes, but still times them', async () => {
    expect((await fastify.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200);
    expect((await fastify.inject({ method: 'GET', url: '/health?verbose=1' })).statusCode).toBe(200);
    expect(spans.getFinishedSpans()).toEqual([]);
    const timed = (await metrics.httpDuration.get()).values.filter((value) => value.metricName?.endsWith('_count'));
    expect(timed.map((value) => value.labels.route).sort()).toEqual(['/health', '/health/ready']);
  });

  it('traces every other request', async () => {
    await fastify.inject({ method: 'GET', url: '/v1/shops/a-shop' });
    await fastify.inject({ method: 'GET', url: '/healthy' });
    expect(spans.getFinishedSpans().map((span) => span.name)).toEqual(['GET /v1/shops/:shopId', 'GET /healthy']);
  });

  it('counts /health and what is under it as probes, nothing else', () => {
    expect(['/health', '/health/ready', '/health/live'].every(isHealthProbe)).toBe(true);
    expect(['/healthy', '/v1/health', '/'].some(isHealthProbe)).toBe(false);
  });
});
