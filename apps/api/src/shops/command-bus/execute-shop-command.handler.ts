import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ShopCommandExecutor, ShopCommandResult } from '@shoplink/shops';
import { ExecuteShopCommand } from './execute-shop-command.command';

/** Every shop command goes through here: load the stream, decide, append (see ShopCommandExecutor). */
@CommandHandler(ExecuteShopCommand)
export class ExecuteShopCommandHandler implements ICommandHandler<ExecuteShopCommand, ShopCommandResult> {
  constructor(private readonly executor: ShopCommandExecutor) {}

  execute({ shopId, command, envelope }: ExecuteShopCommand): Promise<ShopCommandResult> {
    return this.executor.execute(shopId, command, envelope);
  }
}
