import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CLOCK, Clock, systemClock } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { AccountController } from './accounts/account.http.controller';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { RevealPersonalData } from './personal-data/reveal-personal-data';
import { FeedModule } from './feed/feed.module';
import { AppConfig } from './config/app-config';
import { HealthController } from './health/health.controller';
import { HistoryModule } from './history/history.module';
import { ShopListsModule } from './shop-lists/shop-lists.module';
import { CommandGateway } from './http/command-gateway.service';
import { ReadYourWrites } from './http/read-your-writes';
import { PROJECTION_PROGRESS } from './projections/projection-progress';
import { ShopProjectorService } from './projections/shop-projector.service';
import { StoredCheckpointProgress } from './projections/stored-checkpoint-progress';
import { ExecuteShopCommandHandler } from './shops/command-bus/execute-shop-command.handler';
import { ShopCommandExecutorProvider } from './shops/command-bus/shop-command-executor.provider';
import { CampaignsController } from './shops/campaigns/campaigns.http.controller';
import { LeavingController } from './shops/leaving/leaving.http.controller';
import { PersonalDataController } from './shops/personal-data/personal-data.http.controller';
import { MoneyController } from './shops/money/money.http.controller';
import { OrdersController } from './shops/orders/orders.http.controller';
import { SecurityIncidentsController } from './shops/security-incidents/security-incidents.http.controller';
import { UnlinkingController } from './shops/unlinking/unlinking.http.controller';
import { GraduationController } from './shops/graduation/graduation.http.controller';
import { ExpirySweeper } from './shops/expiry.sweeper';
import { LinksController } from './shops/links/links.http.controller';
import { MembersController } from './shops/members/members.http.controller';
import { RegisterShopController } from './shops/register-shop/register-shop.http.controller';
import { ShopStatusController } from './shops/status/shop-status.http.controller';
import { VerificationController } from './shops/verification/verification.http.controller';
import { StorageModule } from './storage/storage.module';
import { APP_CONFIG } from './storage/tokens';
import { ConsoleModule } from './console/console.module';
import { ObservabilityModule } from './observability/observability.module';
import { ObservabilityOptions } from './observability/observability.options';

const commandControllers = [
  RegisterShopController,
  VerificationController,
  MembersController,
  GraduationController,
  LinksController,
  UnlinkingController,
  OrdersController,
  MoneyController,
  CampaignsController,
  SecurityIncidentsController,
  LeavingController,
  PersonalDataController,
];
const queryControllers = [ShopStatusController, AccountController, HealthController];
const commandHandlers = [ExecuteShopCommandHandler];

@Module({})
export class AppModule {
  static forConfig(
    config: AppConfig,
    clock: Clock = systemClock,
    decorateEventStore?: (store: EventStore) => EventStore,
    observability: ObservabilityOptions = {},
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
        AuthModule,
        StorageModule.forRoot({ decorateEventStore }),
        CqrsModule.forRoot(),
        AuditModule,
        FeedModule,
        HistoryModule,
        ShopListsModule,
        ObservabilityModule.forRoot(observability),
        ConsoleModule,
      ],
      controllers: [...commandControllers, ...queryControllers],
      providers: [
        ...commandHandlers,
        ShopCommandExecutorProvider,
        CommandGateway,
        ReadYourWrites,
        ...projectionProviders(config),
        ExpirySweeper,
        RevealPersonalData,
      ],
    };
  }
}

/**
 * Embedded mode: this process runs the projector and read-your-writes waits on it. Otherwise
 * (SHOPLINK_RUN_PROJECTOR=false) the projector process (apps/projector) keeps the read models and
 * read-your-writes watches the checkpoint it commits.
 */
function projectionProviders(config: AppConfig) {
  return (config.runProjector ?? true)
    ? [ShopProjectorService, { provide: PROJECTION_PROGRESS, useExisting: ShopProjectorService }]
    : [StoredCheckpointProgress, { provide: PROJECTION_PROGRESS, useExisting: StoredCheckpointProgress }];
}

/** Makes the validated configuration and the clock injectable everywhere. */
@Module({})
class ConfigHolderModule {}
