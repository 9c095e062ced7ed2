import { CommandSender, ConcurrencyConflictError } from '@shoplink/command-handling';
import { ReadModelStore } from '@shoplink/read-models';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { DecideShopCommand } from '../application/decide-shop-command';
import { SHOP_STATUS_COLLECTION, ShopStatusDocument } from '../projections/shop-status.document';
import { OverdueRequest, overdueRequests } from './overdue-requests';

export interface ExpireOverdueRequestsDeps {
  readonly readModels: ReadModelStore;
  readonly commands: CommandSender;
}

export interface ExpirySweep {
  readonly expired: number;
  /** Expiries that failed for another reason than a refusal (the next sweep tries them again). */
  readonly failed: readonly { readonly overdue: OverdueRequest; readonly error: unknown }[];
}

/**
 * Sends the expiring command, as `system:expiry` through the one command path, for each request
 * overdue at `now`. A request answered, confirmed or expired by someone else in the meantime is
 * refused by the decider and skipped.
 */
export async function expireOverdueRequests(deps: ExpireOverdueRequestsDeps, now: Date): Promise<ExpirySweep> {
  const shops = new Map<string, ShopStatusDocument>();
  for (const flag of ['hasOpenLinkRequests', 'hasOpenUnlinkRequests']) {
    for (const doc of (await deps.readModels.findBy(SHOP_STATUS_COLLECTION, flag, true)) as ShopStatusDocument[])
      shops.set(doc.shopId, doc);
  }
  let expired = 0;
  const failed: { overdue: OverdueRequest; error: unknown }[] = [];
  for (const overdue of overdueRequests([...shops.values()], now)) {
    const { shopId, command, commandId } = overdue;
    const envelope = {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { kind: 'system', id: 'expiry' },
      callingService: 'shoplink',
    };
    try {
      await deps.commands.send(new DecideShopCommand(shopId, command, envelope));
      expired += 1;
    } catch (error) {
      if (error instanceof ShopRuleViolation || error instanceof ConcurrencyConflictError) continue;
      failed.push({ overdue, error });
    }
  }
  return { expired, failed };
}
