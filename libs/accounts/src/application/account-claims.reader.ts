import { FoldedStreamStates, StreamStates } from '@shoplink/command-handling';
import { BrokenStreams, EventStore } from '@shoplink/event-store';
import { accountEventCodec } from '../codec/account-event-codec';
import { AccountEvent, accountStreamId } from '../domain/account.events';
import { AccountClaim, AccountClaimsState, evolveAccountClaims, initialAccountClaims } from '../domain/account-claims.state';
import { claimGraceEnded } from '../domain/claim-grace';

export interface AccountClaimsReaderDeps {
  readonly eventStore: EventStore;
  readonly now: () => Date;
  /** How long a claim counts as live before its shop has recorded the link. */
  readonly claimGraceSeconds: number;
  /** Whether the shop's own stream shows the account linked: the truth a claim stands for. */
  readonly isLinkedAtShop: (shopId: string, accountId: string) => Promise<boolean>;
  /** Told which account streams a load found broken (their chain is checked on every load), and which intact again. */
  readonly brokenStreams?: BrokenStreams;
}

/** An account's claims as its stream holds them, and whether the current one is live. */
export class AccountClaimsReader {
  readonly states: StreamStates<AccountClaimsState, AccountEvent>;

  constructor(private readonly deps: AccountClaimsReaderDeps) {
    this.states = new FoldedStreamStates(deps.eventStore, accountEventCodec, evolveAccountClaims, initialAccountClaims, {
      verifyChains: true,
      brokenStreams: deps.brokenStreams,
    });
  }

  /** The claim that really holds the account now (once its shop linked it, or while it may still do so), and every claim ever made. */
  async holder(accountId: string): Promise<{ claim: AccountClaim | null; history: readonly AccountClaim[] }> {
    const { state } = await this.states.load(accountStreamId(accountId));
    const claim = state.current !== null && (await this.isLive(state.current, accountId)) ? state.current : null;
    return { claim, history: state.history };
  }

  async isLive(claim: AccountClaim, accountId: string): Promise<boolean> {
    if (!claimGraceEnded(claim.claimedAt, this.deps.now(), this.deps.claimGraceSeconds)) return true;
    return this.deps.isLinkedAtShop(claim.shopId, accountId);
  }
}
