import { CommandEnvelope, CommandMessage, HandledCommand } from '@shoplink/command-handling';
import { AccountCommand } from '../domain/account.commands';
import { AccountEvent, accountStreamId } from '../domain/account.events';

export type AccountCommandResult = HandledCommand<AccountEvent>;

/** An account command on the bus: decided against the account's own stream by AccountCommandHandler. */
export class DecideAccountCommand implements CommandMessage<AccountCommandResult> {
  declare readonly resultType?: AccountCommandResult;
  readonly streamId: string;
  readonly commandType: AccountCommand['type'];

  constructor(
    readonly command: AccountCommand,
    readonly envelope: CommandEnvelope,
  ) {
    this.streamId = accountStreamId(command.data.accountId);
    this.commandType = command.type;
  }
}
