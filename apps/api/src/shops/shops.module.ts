import { Module, OnModuleInit, Inject } from '@nestjs/common';
import { AccountClaimsReader } from '@shoplink/accounts';
import { CLOCK, Clock, IDEMPOTENCY_STORE, IdempotencyStore, singleUseLedgerOn } from '@shoplink/command-handling';
import { BROKEN_STREAMS, BrokenStreams, EVENT_STORE, EventStore, SNAPSHOT_STORE, SnapshotStore } from '@shoplink/event-store';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@shoplink/personal-data';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import {
  AccountStreamStanding,
  BusinessRegistrationClaims,
  DecideShopCommand,
  GetShopStatus,
  GetShopStatusHandler,
  GetWithdrawals,
  GetWithdrawalsHandler,
  ListShops,
  ListShopsHandler,
  PolicyInForce,
  ListPastLinks,
  ListPastLinksHandler,
  SHOP_READ_MODELS,
  SHOP_LIST_INDEXES,
  ShopCommandHandler,
  ShopPolicy,
  ShopStates,
} from '@shoplink/shops';
import { onCommandBus, onQueryBus } from '../messaging/bus-handlers';
import { CommandGateway } from '../messaging/command-gateway';
import { AppendTelemetryObserver } from '../observability/append-telemetry.observer';
import { ShopAutomations } from './automations/shop-automations';
import { LinkSupersessionRunner } from './automations/link-supersession.runner';
import { CampaignsController } from './campaigns/campaigns.http.controller';
import { AfterSalesController } from './after-sales/after-sales.http.controller';
import { EnforcementController } from './enforcement/enforcement.http.controller';
import { GraduationController } from './graduation/graduation.http.controller';
import { LeavingController } from './leaving/leaving.http.controller';
import { LinksController } from './links/links.http.controller';
import { ShopListsController } from './lists/shop-lists.http.controller';
import { MembersController } from './members/members.http.controller';
import { MoneyController } from './money/money.http.controller';
import { OrdersController } from './orders/orders.http.controller';
import { PersonalDataController } from './personal-data/personal-data.http.controller';
import { RegisterShopController } from './register-shop/register-shop.http.controller';
import { SecurityIncidentsController } from './security-incidents/security-incidents.http.controller';
import { ShopCommands } from './shop-commands';
import { SHOP_POLICY } from './shop-policy';
import { POLICY_IN_FORCE } from '../policy/policy-in-force.token';
import { ShopStatusController } from './status/shop-status.http.controller';
import { UnlinkingController } from './unlinking/unlinking.http.controller';
import { VerificationController } from './verification/verification.http.controller';

const commandControllers = [
  RegisterShopController,
  VerificationController,
  MembersController,
  GraduationController,
  LinksController,
  UnlinkingController,
  OrdersController,
  MoneyController,
  CampaignsController,
  SecurityIncidentsController,
  LeavingController,
  EnforcementController,
  AfterSalesController,
  PersonalDataController,
];
const queryControllers = [ShopStatusController, ShopListsController];

/** A shop's state, folded through the cache and snapshots: what shop commands decide on and the status answer's blockers read. */
const ShopStatesProvider = {
  provide: ShopStates,
  inject: [EVENT_STORE, SNAPSHOT_STORE, BROKEN_STREAMS],
  useFactory: (eventStore: EventStore, snapshots: SnapshotStore, brokenStreams: BrokenStreams) =>
    new ShopStates({ eventStore, snapshots, brokenStreams }),
};

/** An account's claims; a claim is live while its shop's stream shows the link (or it is young). */
const AccountClaimsReaderProvider = {
  provide: AccountClaimsReader,
  inject: [EVENT_STORE, CLOCK, SHOP_POLICY, ShopStates, BROKEN_STREAMS],
  useFactory: (eventStore: EventStore, clock: Clock, policy: ShopPolicy, states: ShopStates, brokenStreams: BrokenStreams) =>
    new AccountClaimsReader({
      eventStore,
      brokenStreams,
      now: () => clock.now(),
      claimGraceSeconds: policy.accountClaimGraceSeconds,
      isLinkedAtShop: (shopId, accountId) => states.isLinkedAtShop(shopId, accountId),
    }),
};

const handlers = [
  onCommandBus(
    DecideShopCommand,
    [
      EVENT_STORE,
      ShopStates,
      CLOCK,
      POLICY_IN_FORCE,
      CommandGateway,
      AccountClaimsReader,
      PERSONAL_DATA_VAULT,
      IDEMPOTENCY_STORE,
      AppendTelemetryObserver,
    ],
    (
      eventStore: EventStore,
      states: ShopStates,
      clock: Clock,
      policy: PolicyInForce,
      commands: CommandGateway,
      claims: AccountClaimsReader,
      personalData: PersonalDataVault,
      idempotency: IdempotencyStore,
      observer: AppendTelemetryObserver,
    ) =>
      new ShopCommandHandler({
        eventStore,
        states,
        now: () => clock.now(),
        policy,
        commands,
        standing: new AccountStreamStanding(claims),
        personalData,
        spentAssertions: singleUseLedgerOn(idempotency),
        observer,
        businessRegistrations: new BusinessRegistrationClaims({
          eventStore,
          now: () => clock.now(),
          claimGraceSeconds: policy.defaults.accountClaimGraceSeconds,
          standingOf: (shopId) => states.registrationOf(shopId),
          policyVersion: policy.version,
        }),
      }),
  ),
  onQueryBus(
    GetShopStatus,
    [READ_MODEL_STORE, ShopStates, CLOCK, POLICY_IN_FORCE],
    (readModels: ReadModelStore, states: ShopStates, clock: Clock, policy: PolicyInForce) =>
      new GetShopStatusHandler({
        readModels,
        states,
        now: () => clock.now(),
        policy: policy.defaults,
        policyOf: (region) => policy.forRegion(region),
      }),
  ),
  onQueryBus(GetWithdrawals, [READ_MODEL_STORE], (readModels: ReadModelStore) => new GetWithdrawalsHandler(readModels)),
  onQueryBus(ListPastLinks, [READ_MODEL_STORE], (readModels: ReadModelStore) => new ListPastLinksHandler(readModels)),
  onQueryBus(
    ListShops,
    [READ_MODEL_STORE, CLOCK, SHOP_POLICY],
    (readModels: ReadModelStore, clock: Clock, policy: ShopPolicy) => new ListShopsHandler({ readModels, now: () => clock.now(), policy }),
  ),
];

/**
 * The shops bounded context over HTTP: its command routes and queries, its handlers on the buses,
 * the policy its rules are decided with, and its automations.
 */
@Module({
  controllers: [...commandControllers, ...queryControllers],
  providers: [
    // Queries, automations and account claims use the global numbers; shop decisions their market's.
    { provide: SHOP_POLICY, inject: [POLICY_IN_FORCE], useFactory: (policy: PolicyInForce): ShopPolicy => policy.defaults },
    ShopStatesProvider,
    AccountClaimsReaderProvider,
    ShopCommands,
    ...handlers,
    ShopAutomations,
    LinkSupersessionRunner,
  ],
  exports: [SHOP_POLICY, ShopStates, AccountClaimsReader, ShopCommands],
})
export class ShopsModule implements OnModuleInit {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  /** Each operational list's filter, and the paging of past links, is served by an index declared here at start-up. */
  async onModuleInit(): Promise<void> {
    await this.readModels.ensureIndexes([...SHOP_LIST_INDEXES, ...SHOP_READ_MODELS.indexes]);
  }
}
