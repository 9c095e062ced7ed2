import { Command } from '@nestjs/cqrs';
import { CommandEnvelope } from '@shoplink/command-handling';
import { ShopCommand, ShopCommandResult } from '@shoplink/shops';

/** The bus message for any shop command: which shop, the domain command, and its envelope. */
export class ExecuteShopCommand extends Command<ShopCommandResult> {
  constructor(
    readonly shopId: string,
    readonly command: ShopCommand,
    readonly envelope: CommandEnvelope,
  ) {
    super();
  }
}
