import { NestFactory } from '@nestjs/core';
import type { IncomingMessage } from 'node:http';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Clock } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { STORAGE_HEALTH, StorageHealth } from '@shoplink/storage';
import { AppModule } from './app.module';
import { DEFAULT_POLICY_FILE, PolicyInForce } from '@shoplink/shops';
import { loadPolicyFile } from './policy/load-policy-file';
import { AppConfig } from './config/app-config';
import { HttpErrorFilter } from './http/http-error.filter';
import { completeOpenApiDocument } from './http/openapi-document';
import { UnauthenticatedThrottle } from './auth/unauthenticated-throttle';
import { Logger } from 'nestjs-pino';
import { correlationIdOf, echoCorrelationId } from './observability/correlation-id';
import { HttpTelemetry } from './observability/http-telemetry';
import { RequestLog } from './observability/logging/request-log';
import { RevealPersonalData } from './personal-data/reveal-personal-data';
import { observabilityFor } from './observability/observability-for';
import { ObservabilityOptions } from './observability/observability.options';

/** Builds the HTTP service; main.ts and the end-to-end tests start the very same app. */
export interface CreateAppOptions {
  readonly logger?: false;
  readonly clock?: Clock;
  readonly decorateEventStore?: (store: EventStore) => EventStore;
  /** Logs, metrics, traces (see apps/api/src/observability); with `logger: false`, logs only go to a `logDestination` given here. */
  readonly observability?: ObservabilityOptions;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  // The request id is the correlation id, so every log line of a request names it (see correlation-id.ts).
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    genReqId: (request: IncomingMessage) => correlationIdOf(request),
    // The client address (request.ip) is the connection's peer unless it is a proxy the configuration names.
    trustProxy: config.trustedProxies !== undefined && config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
  });
  // Commands are JSON only; without this, Fastify would hand text/plain bodies through as strings.
  adapter.getInstance().removeContentTypeParser('text/plain');
  const observability = observabilityFor(options.logger, options.observability);
  // Read and checked before Nest builds anything: a bad policy file is reported once, as the fatal line, not by Nest too.
  const policy = new PolicyInForce(loadPolicyFile(config.policyFile ?? DEFAULT_POLICY_FILE));
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forConfig(config, options.clock, options.decorateEventStore, observability.options, policy),
    adapter,
    {
      logger: observability.logsOn ? undefined : false,
      bufferLogs: observability.logsOn,
      // A failure while building the app is thrown to the caller (main.ts turns it into one fatal line and an exit code), not exit(1) here.
      abortOnError: false,
    },
  );
  // Nest's own messages as JSON lines too, through the same pino logger as the requests.
  if (observability.logsOn) app.useLogger(app.get(Logger));
  // Before app.init() registers the routes, so the hooks apply to every one of them. The throttle
  // gates the HTTP server in front of Fastify, so a request it turns away costs nothing of the others.
  app.get(UnauthenticatedThrottle).install(adapter.getInstance());
  echoCorrelationId(adapter.getInstance());
  app.get(HttpTelemetry).install(adapter.getInstance());
  app.get(RequestLog).install(adapter.getInstance());
  app.get(RevealPersonalData).install(adapter.getInstance());
  app.useGlobalFilters(new HttpErrorFilter(app.get<StorageHealth>(STORAGE_HEALTH)));
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Shoplink')
    .setDescription('System of record for TikTok Shop seller accounts: linking, unlinking, money, leaving TikTok Shop')
    .setVersion('0.1.0')
    .addServer('/', 'This service')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description:
          'A service token (HS256) naming the calling service and its scopes; each route lists the scope it needs (x-required-scope)',
      },
      'service-token',
    )
    .build();
  // Private: a license name and no URL (DocumentBuilder.setLicense would write an empty one).
  openApi.info.license = { name: 'UNLICENSED' };
  SwaggerModule.setup('docs', app, () => completeOpenApiDocument(SwaggerModule.createDocument(app, openApi)), {
    jsonDocumentUrl: 'docs-json',
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
