import { DynamicModule, Module } from '@nestjs/common';
import { CLOCK, Clock, systemClock } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { AccountsModule } from './accounts/accounts.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { APP_CONFIG } from './config/tokens';
import { ConsoleModule } from './console/console.module';
import { FeedModule } from './feed/feed.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';
import { HealthModule } from './health/health.module';
import { MessagingModule } from './messaging/messaging.module';
import { ObservabilityModule } from './observability/observability.module';
import { ObservabilityOptions } from './observability/observability.options';
import { RevealPersonalData } from './personal-data/reveal-personal-data';
import { PolicyModule } from './policy/policy.module';
import { loadPolicyFile } from './policy/load-policy-file';
import { DEFAULT_POLICY_FILE, PolicyInForce } from '@shoplink/shops';
import { ProjectionsModule } from './projections/projections.module';
import { ShopsModule } from './shops/shops.module';
import { StorageModule } from './storage/storage.module';

/**
 * The service: one module per bounded context (shops, accounts, audit, feed, console, health), on
 * the shared infrastructure (configuration and clock, storage ports, the buses and their gateways,
 * the projector, authentication, observability).
 */
@Module({})
export class AppModule {
  static forConfig(
    config: AppConfig,
    clock: Clock = systemClock,
    decorateEventStore?: (store: EventStore) => EventStore,
    observability: ObservabilityOptions = {},
    policy: PolicyInForce = new PolicyInForce(loadPolicyFile(config.policyFile ?? DEFAULT_POLICY_FILE)),
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        {
          module: ConfigHolderModule,
          global: true,
          providers: [
            { provide: APP_CONFIG, useValue: config },
            { provide: CLOCK, useValue: clock },
          ],
          exports: [APP_CONFIG, CLOCK],
        },
        ObservabilityModule.forRoot(observability),
        AuthModule,
        StorageModule.forRoot({ decorateEventStore }),
        ProjectionsModule.forRoot(config.runProjector ?? true),
        MessagingModule,
        PolicyModule.forRoot(policy),
        ShopsModule,
        AccountsModule,
        AuditModule,
        FeedModule,
        SubscriptionsModule,
        ConsoleModule,
        HealthModule,
      ],
      providers: [RevealPersonalData],
    };
  }
}

/** Makes the validated configuration and the clock injectable everywhere. */
@Module({})
class ConfigHolderModule {}
