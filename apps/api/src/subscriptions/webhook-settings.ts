import { DestinationAllowList, parseAllowList } from '@shoplink/subscriptions';
import { AppConfig, DEFAULT_WEBHOOKS, WebhookConfig } from '../config/app-config';

export interface WebhookSettings extends WebhookConfig {
  readonly allowList: DestinationAllowList;
  /** False when a separate projector process keeps the read models: docs/webhooks.md (Where deliveries run). */
  readonly deliverInProcess: boolean;
}

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export function webhookSettingsOf(config: AppConfig): WebhookSettings {
  const merged: WebhookConfig = { ...DEFAULT_WEBHOOKS, ...config.webhooks };
  return { ...merged, allowList: parseAllowList(merged.allowedDestinations), deliverInProcess: config.runProjector ?? true };
}
