import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, Clock, ConcurrencyConflictError } from '@shoplink/command-handling';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_STATUS_COLLECTION, ShopRuleViolation, ShopStatusDocument } from '@shoplink/shops';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../storage/tokens';
import { ExecuteShopCommand } from '../command-bus/execute-shop-command.command';

/**
 * Authorizations not answered within the window expire even when nobody asks: this
 * sweeper sends ExpireLinkAuthorization as `system:link-expiry` for each one it finds.
 * The command id is derived from the request, so two sweepers (or a retry) expire it once.
 */
@Injectable()
export class LinkAuthorizationExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('LinkAuthorizationExpirySweeper');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly bus: CommandBus,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.expirySweepIntervalMs === 0) return;
    this.timer = setInterval(() => void this.sweep(), this.config.expirySweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Expires every overdue request once; answers how many it expired. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const shops = (await this.readModels.findBy(SHOP_STATUS_COLLECTION, 'hasOpenLinkRequests', true)) as ShopStatusDocument[];
    let expired = 0;
    for (const shop of shops) {
      for (const request of shop.openLinkRequests) {
        if (request.authorizationExpiresAt === null || Date.parse(request.authorizationExpiresAt) > now.getTime()) continue;
        const commandId = `expire:${shop.shopId}:${request.accountId}:${request.requestedAt}`;
        try {
          await this.bus.execute(
            new ExecuteShopCommand(shop.shopId, { type: 'ExpireLinkAuthorization', data: { accountId: request.accountId } }, {
              commandId,
              correlationId: commandId,
              causationId: commandId,
              actor: { kind: 'system', id: 'link-expiry' },
              callingService: 'shoplink',
            }),
          );
          expired++;
        } catch (error) {
          // Already answered or expired by someone else in the meantime: nothing left to do.
          if (error instanceof ShopRuleViolation || error instanceof ConcurrencyConflictError) continue;
          this.logger.error(`expiring ${shop.shopId}/${request.accountId} failed: ${String(error)}`);
        }
      }
    }
    return expired;
  }
}
