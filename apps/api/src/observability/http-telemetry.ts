import { Injectable } from '@nestjs/common';
import { context, propagation, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { requestSlot } from '../http/request-slot';
import { correlationIdOf } from './correlation-id';
import { rememberRoute } from './http-route';
import { ShoplinkMetrics } from './metrics/shoplink-metrics';
import { CORRELATION_ID } from './tracing/span-names';
import { ShoplinkTracer } from './tracing/tracer';

/**
 * Fastify hooks for every request: the correlation id decided first, a server span from arrival
 * to answer (the route handler run inside it), and the latency histogram by route template. Installed by createApp before any
 * route is registered, so they apply to all of them. Health probes (`/health`, `/health/ready`),
 * which orchestrators send every few seconds, get no span: they would bury the traces worth reading.
 */
@Injectable()
export class HttpTelemetry {
  private readonly spans = requestSlot<FastifyRequest, Span>('shoplink.span');

  constructor(
    private readonly metrics: ShoplinkMetrics,
    private readonly tracing: ShoplinkTracer,
  ) {}

  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, _reply, done) => {
      const correlationId = correlationIdOf(request.raw);
      const route = request.routeOptions.url ?? 'unmatched';
      rememberRoute(request.raw, route);
      const path = request.url.split('?')[0];
      if (isHealthProbe(path)) return done();
      // A caller that traces too (W3C traceparent) gets our spans under its own.
      const parent = propagation.extract(context.active(), request.headers);
      const span = this.tracing.tracer.startSpan(
        `${request.method} ${route}`,
        {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': request.method,
            'http.route': route,
            'url.path': path,
            [CORRELATION_ID]: correlationId,
          },
        },
        parent,
      );
      this.spans.set(request, span);
      done();
    });
    // The route handler runs inside its request's span, so the command, append and read spans started
    // in it become its children. The handler is called right after the last preHandler hook, from this
    // callback, after body parsing (which the onRequest hook above cannot span). A span without a valid
    // context (tracing off: the no-op tracer's) would parent nothing, so nothing is entered then.
    fastify.addHook('preHandler', (request, _reply, done) => {
      const span = this.spans.get(request);
      if (span === undefined || !trace.isSpanContextValid(span.spanContext())) return done();
      context.with(trace.setSpan(context.active(), span), done);
    });
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      this.metrics.httpDuration.observe({ method: request.method, route, status_code: String(reply.statusCode) }, reply.elapsedTime / 1000);
      const span = this.spans.get(request);
      if (span) {
        span.setAttribute('http.response.status_code', reply.statusCode);
        if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      done();
    });
  }
}

/** `/health` and everything under it: the liveness and readiness probes. */
export function isHealthProbe(path: string): boolean {
  return path === '/health' || path.startsWith('/health/');
}
