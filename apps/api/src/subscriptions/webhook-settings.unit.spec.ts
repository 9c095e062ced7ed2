import { loadAppConfig } from '../config/app-config';
import { webhookSettingsOf } from './webhook-settings';

describe('webhook settings', () => {
  it('refuses a bad SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS at start-up, naming it', () => {
    expect(() => loadAppConfig({ SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS: 'hooks.example.com,10.0.0.0/40' })).toThrow(
      /SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS/,
    );
  });

  it('parses the allow-list once, and delivers in process only where the projector runs', () => {
    const settings = webhookSettingsOf(
      loadAppConfig({ SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS: '10.1.0.0/16', SHOPLINK_WEBHOOK_MAX_ATTEMPTS: '4' }),
    );
    expect(settings.allowList.networks.check('10.1.2.3', 'ipv4')).toBe(true);
    expect(settings.maxAttempts).toBe(4);
    expect(settings.deliverInProcess).toBe(true);
    expect(webhookSettingsOf(loadAppConfig({ SHOPLINK_RUN_PROJECTOR: 'false' })).deliverInProcess).toBe(false);
  });
});
