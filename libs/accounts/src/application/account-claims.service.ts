import { CommandEnvelope, deterministicEventId, eventMetadata } from '@shoplink/command-handling';
import { EventStore, ExpectedRevision, StreamNotFoundError, WrongExpectedRevisionError } from '@shoplink/event-store';
import { AccountEvent, accountStreamId, ClaimRole } from '../domain/account.events';
import { AccountClaim, AccountClaimsState, evolveAccountClaims, initialAccountClaims } from '../domain/account-claims.state';
import { ClaimPolicy, decideAccountClaim, decideAccountRelease } from '../domain/decide-account-claim';

export interface AccountClaimsDeps {
  readonly eventStore: EventStore;
  readonly now: () => Date;
  readonly policy: ClaimPolicy & { readonly accountClaimGraceSeconds: number };
  /** Whether the shop's own stream shows the account linked: the truth a claim stands for. */
  readonly isLinkedAtShop: (shopId: string, accountId: string) => Promise<boolean>;
}

const MAX_CONFLICT_RETRIES = 5;

/**
 * The account side of linking: reads an account's claims and appends claims and releases
 * with the expected revision, so two shops racing for one account cannot both win.
 */
export class AccountClaims {
  constructor(private readonly deps: AccountClaimsDeps) {}

  async read(accountId: string): Promise<{ state: AccountClaimsState; revision: number }> {
    try {
      const events = await this.deps.eventStore.readStream(accountStreamId(accountId));
      const state = events.reduce((s, e) => evolveAccountClaims(s, e as unknown as AccountEvent), initialAccountClaims);
      return { state, revision: events.length - 1 };
    } catch (error) {
      if (error instanceof StreamNotFoundError) return { state: initialAccountClaims, revision: -1 };
      throw error;
    }
  }

  /** The shop that really holds the account now: a claim counts once its shop linked it, or while it may still do so. */
  async holder(accountId: string): Promise<{ claim: AccountClaim | null; history: readonly AccountClaim[] }> {
    const { state } = await this.read(accountId);
    const claim = state.current !== null && (await this.isLive(state.current, accountId)) ? state.current : null;
    return { claim, history: state.history };
  }

  /** Claims the account for a shop; throws AccountClaimRefused when another shop holds it or the allowance is used. */
  async claim(request: { accountId: string; shopId: string; role: ClaimRole }, envelope: CommandEnvelope): Promise<void> {
    await this.write(request.accountId, envelope, 'claim', async (state) => {
      const isLive = state.current !== null && (await this.isLive(state.current, request.accountId));
      return decideAccountClaim(
        state,
        { ...request, claimId: envelope.commandId },
        { now: this.deps.now(), policy: this.deps.policy, isLive },
      );
    });
  }

  /** Releases the shop's claim after an unlink, or its own claim (`claimId`) when the shop side was refused. */
  async release(
    request: { accountId: string; shopId: string; reason: 'unlinked' | 'compensated'; claimId?: string },
    envelope: CommandEnvelope,
  ): Promise<void> {
    await this.write(request.accountId, envelope, `release-${request.reason}`, async (state) =>
      decideAccountRelease(state, request, this.deps.now()),
    );
  }

  private async isLive(claim: AccountClaim, accountId: string): Promise<boolean> {
    const age = this.deps.now().getTime() - Date.parse(claim.claimedAt);
    if (age < this.deps.policy.accountClaimGraceSeconds * 1000) return true;
    return this.deps.isLinkedAtShop(claim.shopId, accountId);
  }

  private async write(
    accountId: string,
    envelope: CommandEnvelope,
    purpose: string,
    decide: (state: AccountClaimsState) => Promise<AccountEvent[]>,
  ): Promise<void> {
    const streamId = accountStreamId(accountId);
    for (let attempt = 0; ; attempt++) {
      const { state, revision } = await this.read(accountId);
      const events = await decide(state);
      if (events.length === 0) return;
      const metadata = eventMetadata(envelope, this.deps.now());
      const toAppend = events.map((event, index) => ({
        // Derived from the command, the account and the purpose, so a retried command proposes the same ids.
        id: deterministicEventId(`${envelope.commandId}/${streamId}/${purpose}/${revision}`, index),
        type: event.type,
        data: event.data,
        metadata,
      }));
      const expected: ExpectedRevision = revision < 0 ? 'no_stream' : revision;
      try {
        await this.deps.eventStore.appendToStream(streamId, toAppend, expected);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      }
    }
  }
}
