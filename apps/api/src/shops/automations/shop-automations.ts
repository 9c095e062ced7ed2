import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { expireOverdueRequests, resumeAccountClaims, ShopPolicy } from '@shoplink/shops';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/tokens';
import { CommandGateway } from '../../messaging/command-gateway';
import { SHOP_POLICY } from '../shop-policy';
import { LinkSupersessionRunner } from './link-supersession.runner';

/**
 * Runs the shops' automations on start and on a timer (SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS; 0 turns
 * both off): the expiry of overdue link authorizations and unlink codes, the account-claim steps a
 * crash left undone, and the pending requests of accounts linked elsewhere left open (superseded).
 * Each is a library function deciding from the read models; their commands take the one command
 * path like any other.
 */
@Injectable()
export class ShopAutomations implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('ShopAutomations');
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly commands: CommandGateway,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SHOP_POLICY) private readonly policy: ShopPolicy,
    private readonly supersession: LinkSupersessionRunner,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.expirySweepIntervalMs === 0) return;
    // On start: finish what a crash left (claims to release, requests of accounts linked elsewhere).
    void this.runAll();
    this.timer = setInterval(() => void this.runAll(), this.config.expirySweepIntervalMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Expires everything overdue once; answers how many it expired. */
  async expireOverdue(): Promise<number> {
    const { expired, failed } = await expireOverdueRequests({ readModels: this.readModels, commands: this.commands }, this.clock.now());
    for (const { overdue, error } of failed) this.logger.error(`${overdue.command.type} on ${overdue.shopId} failed: ${String(error)}`);
    return expired;
  }

  /** Finishes the account-claim steps a crash left undone; answers how many commands it sent. */
  resumeAccountClaims(): Promise<number> {
    const deps = { readModels: this.readModels, commands: this.commands, claimGraceSeconds: this.policy.accountClaimGraceSeconds };
    return resumeAccountClaims(deps, this.clock.now());
  }

  /** Closes the pending requests of accounts linked elsewhere that a crash left open; answers how many. */
  supersedeLinkRequests(): Promise<number> {
    return this.supersession.run();
  }

  private async runAll(): Promise<void> {
    for (const [name, run] of [
      ['expiry', () => this.expireOverdue()],
      ['account claims', () => this.resumeAccountClaims()],
      ['link supersession', () => this.supersedeLinkRequests()],
    ] as const) {
      await run().catch((error: unknown) => this.logger.error(`${name} automation failed: ${String(error)}`));
    }
  }
}
