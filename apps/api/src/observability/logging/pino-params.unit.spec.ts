import { context, propagation, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import pino from 'pino';
import { Writable } from 'node:stream';
import { pinoOptions } from './pino-params';

describe('pinoOptions', () => {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString('utf8')));
      done();
    },
  });

  // register() installs the AsyncLocalStorage context, as startTracing does.
  const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())] });
  beforeAll(() => provider.register());
  afterAll(async () => {
    await provider.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
  });
  beforeEach(() => lines.splice(0));

  it('names the service (shoplink-api unless told) and writes no trace fields outside a span', async () => {
    pino(pinoOptions({}), destination).info('plain');
    pino(pinoOptions({ service: 'shoplink-projector' }), destination).info('other');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toMatchObject([
      { service: 'shoplink-api', msg: 'plain' },
      { service: 'shoplink-projector', msg: 'other' },
    ]);
    expect(lines[0]).not.toHaveProperty('trace_id');
  });

  it("puts the active span's trace and span ids on the lines written inside it", async () => {
    const logger = pino(pinoOptions({}), destination);
    const span = provider.getTracer('test').startSpan('work');
    context.with(trace.setSpan(context.active(), span), () => logger.info('inside'));
    span.end();
    // The no-op tracer's spans (tracing off) are not valid: no fields.
    const noop = trace.wrapSpanContext({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 0 });
    context.with(trace.setSpan(context.active(), noop), () => logger.info('untraced'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatchObject({
      msg: 'inside',
      trace_id: span.spanContext().traceId,
      span_id: span.spanContext().spanId,
      trace_flags: '01',
    });
    expect(lines[1]).not.toHaveProperty('trace_id');
  });
});
