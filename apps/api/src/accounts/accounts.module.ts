import { Module } from '@nestjs/common';
import { AccountClaimsReader, AccountCommandHandler, DecideAccountCommand } from '@shoplink/accounts';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { GetAccount, GetAccountHandler, PolicyInForce, ShopPolicy } from '@shoplink/shops';
import { POLICY_IN_FORCE } from '../policy/policy-in-force.token';
import { onCommandBus, onQueryBus } from '../messaging/bus-handlers';
import { AppendTelemetryObserver } from '../observability/append-telemetry.observer';
import { ShopsModule } from '../shops/shops.module';
import { SHOP_POLICY } from '../shops/shop-policy';
import { AccountController } from './account.http.controller';

/**
 * TikTok accounts: the claims on an account's own stream (what makes one of two racing shops win),
 * and where an account is linked. A claim's liveness is the shops' knowledge, hence the import.
 */
@Module({
  imports: [ShopsModule],
  controllers: [AccountController],
  providers: [
    onCommandBus(
      DecideAccountCommand,
      [EVENT_STORE, CLOCK, POLICY_IN_FORCE, AccountClaimsReader, AppendTelemetryObserver],
      (eventStore: EventStore, clock: Clock, policy: PolicyInForce, claims: AccountClaimsReader, observer: AppendTelemetryObserver) =>
        new AccountCommandHandler({
          eventStore,
          now: () => clock.now(),
          // A claim counts links across shops and markets: the global numbers.
          policy: policy.defaults,
          claims,
          observer,
          policyVersion: policy.version,
        }),
    ),
    onQueryBus(
      GetAccount,
      [READ_MODEL_STORE, CLOCK, SHOP_POLICY, AccountClaimsReader],
      (readModels: ReadModelStore, clock: Clock, policy: ShopPolicy, claims: AccountClaimsReader) =>
        new GetAccountHandler({
          readModels,
          now: () => clock.now(),
          policy,
          claimHistory: async (accountId) => (await claims.holder(accountId)).history,
        }),
    ),
  ],
})
export class AccountsModule {}
