import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Clock } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { HttpErrorFilter } from './http/http-error.filter';

/** Builds the HTTP service; main.ts and the end-to-end tests start the very same app. */
export interface CreateAppOptions {
  readonly logger?: false;
  readonly clock?: Clock;
  readonly decorateEventStore?: (store: EventStore) => EventStore;
}

export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes });
  // Commands are JSON only; without this, Fastify would hand text/plain bodies through as strings.
  adapter.getInstance().removeContentTypeParser('text/plain');
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forConfig(config, options.clock, options.decorateEventStore), adapter, {
    logger: options.logger === false ? false : ['log', 'warn', 'error'],
  });
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();
  const openApi = new DocumentBuilder()
    .setTitle('Shoplink')
    .setDescription('System of record for TikTok Shop seller accounts: linking, unlinking, money, leaving TikTok Shop')
    .setVersion('0.1.0')
    .addBearerAuth(
      { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A service token (HS256) naming the calling service and its scopes; each route lists the scope it needs (x-required-scope)' },
      'service-token',
    )
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs-json' });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
