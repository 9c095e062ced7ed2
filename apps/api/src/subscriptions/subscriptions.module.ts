import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { SubscriptionStore } from './subscription-store';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookDeliverer } from './webhook-deliverer.service';
import { WEBHOOK_SETTINGS, webhookSettingsOf } from './webhook-settings';

/** Push delivery to other services: subscriptions over HTTP, and the deliverer following the log in this process. */
@Module({
  controllers: [SubscriptionsController],
  providers: [
    { provide: WEBHOOK_SETTINGS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => webhookSettingsOf(config) },
    SubscriptionStore,
    WebhookDeliverer,
    SubscriptionsService,
  ],
})
export class SubscriptionsModule {}
