import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { LinkingPolicy, ShopCommandExecutor, ShopCommandResult } from '@shoplink/shops';
import { LINKING_POLICY } from '../../storage/tokens';
import { ReadModelAccountStanding } from './read-model-account-standing';
import { ExecuteShopCommand } from './execute-shop-command.command';

/** Every shop command goes through here: load the stream, decide, append (see ShopCommandExecutor). */
@CommandHandler(ExecuteShopCommand)
export class ExecuteShopCommandHandler implements ICommandHandler<ExecuteShopCommand, ShopCommandResult> {
  private readonly executor: ShopCommandExecutor;

  constructor(
    @Inject(EVENT_STORE) eventStore: EventStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(LINKING_POLICY) policy: LinkingPolicy,
    accounts: ReadModelAccountStanding,
  ) {
    this.executor = new ShopCommandExecutor({ eventStore, now: () => clock.now(), policy, accounts });
  }

  execute({ shopId, command, envelope }: ExecuteShopCommand): Promise<ShopCommandResult> {
    return this.executor.execute(shopId, command, envelope);
  }
}
