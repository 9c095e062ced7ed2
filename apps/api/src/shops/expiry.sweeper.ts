import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CLOCK, Clock, ConcurrencyConflictError } from '@shoplink/command-handling';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_STATUS_COLLECTION, ShopCommand, ShopRuleViolation, ShopStatusDocument } from '@shoplink/shops';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../storage/tokens';
import { ExecuteShopCommand } from './command-bus/execute-shop-command.command';

interface Overdue {
  readonly shopId: string;
  readonly command: ShopCommand;
  /** Names the thing that expires, so two sweepers (or a retry) expire it once. */
  readonly commandId: string;
}

/**
 * Windows close even when nobody asks: link authorizations after 48 hours, unlink
 * confirmation codes after 15 minutes. This sweeper sends the expiring command as
 * `system:expiry` for each overdue one it finds in the status read model.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ExpirySweeper');
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

  /** Expires everything overdue once; answers how many it expired. */
  async sweep(): Promise<number> {
    let expired = 0;
    for (const overdue of await this.findOverdue()) {
      const { shopId, command, commandId } = overdue;
      const envelope = {
        commandId,
        correlationId: commandId,
        causationId: commandId,
        actor: { kind: 'system', id: 'expiry' },
        callingService: 'shoplink',
      };
      try {
        await this.bus.execute(new ExecuteShopCommand(shopId, command, envelope));
        expired++;
      } catch (error) {
        // Answered, confirmed or expired by someone else in the meantime: nothing left to do.
        if (error instanceof ShopRuleViolation || error instanceof ConcurrencyConflictError) continue;
        this.logger.error(`${command.type} on ${shopId} failed: ${String(error)}`);
      }
    }
    return expired;
  }

  private async findOverdue(): Promise<Overdue[]> {
    const now = this.clock.now().getTime();
    const withLinks = (await this.readModels.findBy(SHOP_STATUS_COLLECTION, 'hasOpenLinkRequests', true)) as ShopStatusDocument[];
    const withUnlinks = (await this.readModels.findBy(SHOP_STATUS_COLLECTION, 'hasOpenUnlinkRequests', true)) as ShopStatusDocument[];
    const links = withLinks.flatMap((shop) =>
      shop.openLinkRequests
        .filter((r) => r.authorizationExpiresAt !== null && Date.parse(r.authorizationExpiresAt) <= now)
        .map((r) => ({
          shopId: shop.shopId,
          command: { type: 'ExpireLinkAuthorization', data: { accountId: r.accountId } } satisfies ShopCommand,
          commandId: `expire-link:${shop.shopId}:${r.accountId}:${r.requestedAt}`,
        })),
    );
    const unlinks = withUnlinks.flatMap((shop) =>
      shop.openUnlinkRequests
        .filter((r) => Date.parse(r.expiresAt) <= now)
        .map((r) => ({
          shopId: shop.shopId,
          command: { type: 'ExpireUnlinkRequest', data: { accountId: r.accountId, requestId: r.requestId } } satisfies ShopCommand,
          commandId: `expire-unlink:${shop.shopId}:${r.requestId}`,
        })),
    );
    return [...links, ...unlinks];
  }
}
