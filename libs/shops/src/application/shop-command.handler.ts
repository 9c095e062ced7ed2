import { CommandEnvelope, CommandObserver, CommandRunner, CommandSender, SingleUseLedger } from '@shoplink/command-handling';
import { EventStore } from '@shoplink/event-store';
import { shopEventCodec } from '../codec/shop-event-codec';
import { Actor } from '../domain/actor';
import { AccountStanding } from '../domain/account-standing';
import { decideShop } from '../domain/decide-shop';
import { recordedRefusalOf } from '../domain/shop-command-outcome';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { sensitiveStep } from '../domain/step-up';
import { ShopCommand } from '../domain/shop.commands';
import { ShopEvent } from '../domain/shop.events';
import { PolicyInForce } from '../domain/policy/policy-in-force';
import { ShopState } from '../domain/shop.state';
import { ShopDecisionContext } from '../domain/shop-decision-context';
import { UnlinkCodeVerifier } from '../domain/unlink-code';
import { AccountClaimSteps } from '../workflows/account-claim-steps';
import { BusinessRegistrationClaims } from '../business-registrations/business-registration-claims';
import { AccountStandingReader } from './account-standing.reader';
import { DecideShopCommand, ShopCommandIntent, ShopCommandResult } from './decide-shop-command';
import { ShopStates } from './shop-states';
import { issueUnlinkCode, presentedUnlinkCode, unlinkRequestIdFor } from './unlink-codes';
import { entryOf } from '../domain/id-table';

export interface ShopCommandHandlerDeps {
  readonly eventStore: EventStore;
  readonly states: ShopStates;
  readonly now: () => Date;
  /** The policy the service started with: each decision gets its shop's market numbers, each event its version. */
  readonly policy: PolicyInForce;
  /** Where the account commands of the claim workflow are sent: the one command path. */
  readonly commands: CommandSender;
  /** What other shops know of an account, for link decisions. */
  readonly standing: AccountStandingReader;
  /** Where the sign-in behind each sensitive step is spent: one assertion (jti), one sensitive command. */
  readonly spentAssertions: SingleUseLedger;
  /** Destroys a shop's personal-data keys once its PersonalDataForgotten is recorded. */
  readonly personalData: { forget(shopId: string): Promise<unknown> };
  readonly observer?: CommandObserver;
  /** Claims a registering business in its market before the registration is appended; absent: registration numbers are not claimed. */
  readonly businessRegistrations?: BusinessRegistrationClaims;
  /** Re-reads and re-decides this many times when another writer got in first (default 3). */
  readonly maxConflictRetries?: number;
}

/**
 * Decides shop commands: the generic runner (load through the state cache and snapshots, decide,
 * append with the expected revision, retry on conflict, recognise a command already applied) with
 * the shop's decider, the facts a decision needs from outside the stream (an account's standing,
 * the unlink code's hash), and the account-claim workflow around the append.
 */
export class ShopCommandHandler {
  private readonly runner: CommandRunner<ShopState, ShopEvent>;

  constructor(private readonly deps: ShopCommandHandlerDeps) {
    this.runner = new CommandRunner({
      eventStore: deps.eventStore,
      states: deps.states,
      codec: shopEventCodec,
      now: deps.now,
      observer: deps.observer,
      maxConflictRetries: deps.maxConflictRetries,
      policyVersion: deps.policy.version,
    });
  }

  async execute(message: DecideShopCommand): Promise<ShopCommandResult> {
    const { shopId, envelope } = message;
    const command = new CompletedCommand(message.command, envelope.commandId);
    const claims = new AccountClaimSteps(this.deps.commands, shopId, envelope, {
      claimGraceSeconds: this.deps.policy.defaults.accountClaimGraceSeconds,
    });
    try {
      const handled = await this.runner.handle(message.streamId, envelope, async (state, _revision, now) => {
        const decided = await command.get();
        const ctx: ShopDecisionContext = {
          now,
          actor: envelope.actor as Actor,
          policy: this.deps.policy.forRegion(regionOf(state, decided)),
          supportedMarkets: this.deps.policy.supportedMarkets,
          account: await this.standingFor(decided),
          codes: await codesFor(decided, state),
          actorProof: envelope.actorProof,
        };
        const events = decideShop(state, decided, ctx);
        await this.spendAssertion(state, decided, envelope);
        try {
          await claims.decided(events);
        } catch (error) {
          // Another shop won the account between the standing read and the claim: decided again with
          // the standing the claim met, the grant closes this request as superseded (recorded, 409).
          if (!(error instanceof ShopRuleViolation) || error.code !== 'ACCOUNT_LINKED_ELSEWHERE') throw error;
          if (decided.type !== 'AnswerLinkAuthorization') throw error;
          const again = decideShop(state, decided, { ...ctx, account: await this.deps.standing.standingOf(decided.data.accountId) });
          if (!again.some((event) => event.type === 'LinkRequestSuperseded')) throw error;
          return again;
        }
        await this.deps.businessRegistrations?.decided(events, envelope);
        return events;
      });
      await claims.recorded(handled.decided);
      await this.afterRecorded(shopId, handled.decided);
      return {
        ...handled,
        refusal: recordedRefusalOf(message.command.type, handled.decided),
        answer: command.answer(),
        answeredOnce: handled.replayed ? {} : command.answeredOnce(),
      };
    } finally {
      await claims.settle();
    }
  }

  private standingFor(command: ShopCommand): Promise<AccountStanding> | undefined {
    const needsStanding =
      command.type === 'RequestLink' ||
      command.type === 'AnswerLinkAuthorization' ||
      command.type === 'SwitchOfficialAccount' ||
      command.type === 'SupersedeLinkRequest';
    return needsStanding ? this.deps.standing.standingOf(command.data.accountId) : undefined;
  }

  /**
   * A sensitive step spends the sign-in its assertion vouches for: the same assertion (jti) cannot
   * back another sensitive command within its lifetime (a retry of the same command may reuse it).
   */
  private async spendAssertion(state: ShopState, command: ShopCommand, envelope: CommandEnvelope): Promise<void> {
    const proof = envelope.actorProof;
    if (proof === undefined || !state.registered || envelope.actor.kind === 'system' || sensitiveStep(state, command) === null) return;
    if (await this.deps.spentAssertions.spend(`actor-assertion/${proof.jti}`, envelope.commandId)) return;
    const message = `The actor assertion ${proof.jti} already backed another sensitive step; sign in with a second factor again for this one`;
    throw new ShopRuleViolation('STEP_UP_REQUIRED', 'step_up', message, [{ code: 'ASSERTION_ALREADY_USED', message }]);
  }

  /** Effects that must have happened before a success is answered; run again on a replay, so they must be idempotent. */
  private async afterRecorded(shopId: string, events: readonly ShopEvent[]): Promise<void> {
    if (events.some((event) => event.type === 'PersonalDataForgotten')) await this.deps.personalData.forget(shopId);
  }
}

/**
 * The caller's intent made a domain command, once and only when it is decided: an unlink request
 * gets its request id (derived from the command id) and the hash of a newly issued code, so neither
 * an invalid request nor a retry pays for hashing one.
 */
class CompletedCommand {
  private completed: Promise<ShopCommand> | null = null;
  private code: string | null = null;

  constructor(
    private readonly intent: ShopCommandIntent,
    private readonly commandId: string,
  ) {}

  get(): Promise<ShopCommand> {
    this.completed ??= this.complete();
    return this.completed;
  }

  answer(): Record<string, unknown> {
    return this.intent.type === 'RequestUnlink' ? { requestId: unlinkRequestIdFor(this.commandId) } : {};
  }

  answeredOnce(): Record<string, unknown> {
    return this.code === null ? {} : { confirmationCode: this.code };
  }

  private async complete(): Promise<ShopCommand> {
    if (this.intent.type !== 'RequestUnlink') return this.intent;
    const issued = await issueUnlinkCode();
    this.code = issued.code;
    return {
      type: 'RequestUnlink',
      data: { ...this.intent.data, requestId: unlinkRequestIdFor(this.commandId), codeHash: issued.hash, codeSalt: issued.salt },
    };
  }
}

/** The market a command is decided in: the shop's, or for a registration the one it asks for. */
function regionOf(state: ShopState, command: ShopCommand): string | null {
  if (state.registered) return state.region;
  return command.type === 'RegisterShop' ? command.data.region : null;
}

/** A confirmation is decided with the presented code hashed (off the event loop) with its request's salt. */
async function codesFor(command: ShopCommand, state: ShopState): Promise<UnlinkCodeVerifier | undefined> {
  if (command.type !== 'ConfirmUnlink' || !state.registered) return undefined;
  const request = entryOf(state.unlinkRequests, command.data.requestId);
  if (request === undefined) return undefined;
  return presentedUnlinkCode(command.data.code, request.codeSalt);
}
