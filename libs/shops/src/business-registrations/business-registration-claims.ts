import { CommandEnvelope, CommandRunner, FoldedStreamStates } from '@shoplink/command-handling';
import { BrokenStreams, EventStore } from '@shoplink/event-store';
import { ShopEvent } from '../domain/shop.events';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { businessRegistrationEventCodec } from './business-registration-event-codec';
import { BusinessRegistrationEvent, businessRegistrationStreamId } from './business-registration.events';
import { BusinessRegistrationState, evolveBusinessRegistration, initialBusinessRegistration } from './business-registration.state';
import { BusinessAlreadyRegistered, decideBusinessRegistrationClaim, HolderStanding } from './decide-business-registration-claim';

export interface BusinessRegistrationClaimsDeps {
  readonly eventStore: EventStore;
  readonly now: () => Date;
  /** How long a claim counts as live before its shop has recorded its registration. */
  readonly claimGraceSeconds: number;
  /** What the holder shop's own stream says: the truth a claim stands for. */
  readonly standingOf: (shopId: string) => Promise<HolderStanding>;
  readonly brokenStreams?: BrokenStreams;
  readonly policyVersion?: string;
}

/**
 * The business-registration claim, made before a shop's registration is appended (the same
 * technique as the account claim): the registration decided, its business's claim is appended to
 * `business-<region>-<number>` with the expected revision; a refusal refuses the registration
 * (BUSINESS_ALREADY_REGISTERED, 409). If the shop's append then fails or the process stops between
 * the two, the claim is left without its shop; it is released as abandoned by the next claimant once
 * the grace period has passed, so nothing needs to run after a restart.
 */
export class BusinessRegistrationClaims {
  private readonly runner: CommandRunner<BusinessRegistrationState, BusinessRegistrationEvent>;

  constructor(private readonly deps: BusinessRegistrationClaimsDeps) {
    const states = new FoldedStreamStates(
      deps.eventStore,
      businessRegistrationEventCodec,
      evolveBusinessRegistration,
      initialBusinessRegistration,
      { verifyChains: true, brokenStreams: deps.brokenStreams },
    );
    this.runner = new CommandRunner({
      eventStore: deps.eventStore,
      states,
      codec: businessRegistrationEventCodec,
      now: deps.now,
      maxConflictRetries: 5,
      // An abandoned claim may be claimed again by the same registration command, retried later.
      repeats: 'decided-again',
      policyVersion: deps.policyVersion,
    });
  }

  /** Claims the business of each registration the shop command decided; nothing for a shop registered without a number. */
  async decided(events: readonly ShopEvent[], envelope: CommandEnvelope): Promise<void> {
    for (const event of events) {
      if (event.type !== 'ShopRegistered' || event.data.registrationNumber === null) continue;
      const { region, registrationNumber, shopId } = event.data;
      const streamId = businessRegistrationStreamId(region, registrationNumber);
      const claimEnvelope: CommandEnvelope = {
        ...envelope,
        commandId: `${envelope.commandId}:business-claim`,
        causationId: envelope.commandId,
        expectedRevision: undefined,
      };
      try {
        await this.runner.handle(streamId, claimEnvelope, async (state, _revision, now) => {
          const holder = state.current === null ? 'not_registered' : await this.deps.standingOf(state.current.shopId);
          const withinGrace =
            state.current !== null && now.getTime() - Date.parse(state.current.claimedAt) < this.deps.claimGraceSeconds * 1000;
          return decideBusinessRegistrationClaim(state, { region, registrationNumber, shopId }, { now, holder, withinGrace });
        });
      } catch (error) {
        if (!(error instanceof BusinessAlreadyRegistered)) throw error;
        const detail = error.holderClosed ? 'BUSINESS_CLOSED_IN_MARKET' : 'BUSINESS_ALREADY_REGISTERED';
        throw new ShopRuleViolation(error.code, 'conflict', error.message, [{ code: detail, message: error.message }]);
      }
    }
  }
}
