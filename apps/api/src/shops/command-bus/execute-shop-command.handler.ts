import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { scryptUnlinkCodeVerifier, ShopCommandExecutor, ShopCommandResult, ShopPolicy } from '@shoplink/shops';
import { SHOP_POLICY } from '../../storage/tokens';
import { ExecuteShopCommand } from './execute-shop-command.command';

/** Every shop command goes through here: load the stream, decide, append (see ShopCommandExecutor). */
@CommandHandler(ExecuteShopCommand)
export class ExecuteShopCommandHandler implements ICommandHandler<ExecuteShopCommand, ShopCommandResult> {
  readonly executor: ShopCommandExecutor;

  constructor(@Inject(EVENT_STORE) eventStore: EventStore, @Inject(CLOCK) clock: Clock, @Inject(SHOP_POLICY) policy: ShopPolicy) {
    this.executor = new ShopCommandExecutor({ eventStore, now: () => clock.now(), policy, codes: scryptUnlinkCodeVerifier });
  }

  execute({ shopId, command, envelope }: ExecuteShopCommand): Promise<ShopCommandResult> {
    return this.executor.execute(shopId, command, envelope);
  }
}
