import { Actor } from './actor';
import { ActorProof } from './actor-proof';
import { AccountStanding } from './account-standing';
import { ShopPolicy } from './shop-policy';
import { UnlinkCodeVerifier } from './unlink-code';

/** Everything a decision needs besides the state and the command; injected so decisions stay pure. */
export interface ShopDecisionContext {
  readonly now: Date;
  readonly actor: Actor;
  /** The numbers of the shop's market: the policy's defaults merged with that market's overrides. */
  readonly policy: ShopPolicy;
  /** Needed by RegisterShop only: region → currency of every market the policy in force supports. */
  readonly supportedMarkets?: Readonly<Record<string, string>>;
  /** Needed by link commands only: facts about the account from outside this shop's stream. */
  readonly account?: AccountStanding;
  /** Needed by ConfirmUnlink only. */
  readonly codes?: UnlinkCodeVerifier;
  /** What the acting person's assertion proved (members and support agents); sensitive steps need a recent second factor. */
  readonly actorProof?: ActorProof;
}
