import { CommandEnvelope, CommandMessage, HandledCommand } from '@shoplink/command-handling';
import { RecordedRefusal } from '../domain/shop-command-outcome';
import { RequestUnlink, ShopCommand } from '../domain/shop.commands';
import { ShopEvent, shopStreamId } from '../domain/shop.events';

/**
 * What a caller asks of a shop: a domain command, except that an unlink request names no code. The
 * application supplies the request id and the salted hash of the one-time code it will answer once
 * the command is known to be new (see ShopCommandHandler).
 */
export type ShopCommandIntent =
  | Exclude<ShopCommand, RequestUnlink>
  | { readonly type: 'RequestUnlink'; readonly data: Omit<RequestUnlink['data'], 'requestId' | 'codeHash' | 'codeSalt'> };

export interface ShopCommandResult extends HandledCommand<ShopEvent> {
  /** Set when the events record a refusal (e.g. AccountLinkRejected): the caller is answered "refused". */
  readonly refusal: RecordedRefusal | null;
  /** What the answer carries besides the events, again on every replay (the unlink request id). */
  readonly answer: Readonly<Record<string, unknown>>;
  /** What only the first answer carries, never stored or replayed (the one-time unlink code). */
  readonly answeredOnce: Readonly<Record<string, unknown>>;
}

/** A shop command on the bus: decided against the shop's stream by ShopCommandHandler. */
export class DecideShopCommand implements CommandMessage<ShopCommandResult> {
  declare readonly resultType?: ShopCommandResult;
  readonly streamId: string;
  readonly commandType: ShopCommand['type'];

  constructor(
    readonly shopId: string,
    readonly command: ShopCommandIntent,
    readonly envelope: CommandEnvelope,
  ) {
    this.streamId = shopStreamId(shopId);
    this.commandType = command.type;
  }
}
