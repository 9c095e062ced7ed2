import { DynamicModule, Global, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { CommandTelemetry } from './command-telemetry';
import { HttpTelemetry } from './http-telemetry';
import { destinationOf, pinoParams } from './logging/pino-params';
import { LOG_DESTINATION, RequestLog } from './logging/request-log';
import { MetricsController } from './metrics/metrics.http.controller';
import { ShoplinkMetrics } from './metrics/shoplink-metrics';
import { OBSERVABILITY_OPTIONS, ObservabilityOptions } from './observability.options';
import { ProjectorTelemetryObserver } from './projector-telemetry.observer';
import { AppendTelemetryObserver } from './append-telemetry.observer';
import { ShoplinkTracer } from './tracing/tracer';

/** Logs (nestjs-pino), metrics (prom-client, GET /metrics) and traces (OpenTelemetry), for the whole service. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    // One destination for every logger (one sync stdout stream, or the test's capture).
    const destination = destinationOf(options);
    return {
      module: ObservabilityModule,
      imports: [LoggerModule.forRoot(pinoParams(options, destination))],
      controllers: [MetricsController],
      providers: [
        { provide: OBSERVABILITY_OPTIONS, useValue: options },
        { provide: LOG_DESTINATION, useValue: destination },
        RequestLog,
        { provide: ShoplinkMetrics, useFactory: () => new ShoplinkMetrics({ processMetrics: options.processMetrics }) },
        ShoplinkTracer,
        HttpTelemetry,
        CommandTelemetry,
        AppendTelemetryObserver,
        ProjectorTelemetryObserver,
      ],
      exports: [
        RequestLog,
        ShoplinkMetrics,
        ShoplinkTracer,
        HttpTelemetry,
        CommandTelemetry,
        AppendTelemetryObserver,
        ProjectorTelemetryObserver,
      ],
    };
  }
}
