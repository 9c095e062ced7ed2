import { AccountClaimsReader, AccountCommandHandler, DecideAccountCommand } from '@shoplink/accounts';
import { CommandMessage, CommandSender } from '@shoplink/command-handling';
import { EventStore, SnapshotStore } from '@shoplink/event-store';
import { AccountStreamStanding } from '../application/account-stream-standing';
import { DecideShopCommand } from '../application/decide-shop-command';
import { ShopCommandHandler } from '../application/shop-command.handler';
import { ShopStates } from '../application/shop-states';
import { BusinessRegistrationClaims } from '../business-registrations/business-registration-claims';
import { PolicyInForce } from '../domain/policy/policy-in-force';
import { DEFAULT_SHOP_POLICY, ShopPolicy } from '../domain/shop-policy';
import { defaultPolicyWith } from './default-policy-in-force';

/**
 * The shop and account handlers wired as the service wires them, without Nest: a command path for
 * integration tests of the libraries (the service's own path adds telemetry and the HTTP promises).
 * Test-only: not exported from the library's index.
 */
export interface LocalCommandPath extends CommandSender {
  readonly states: ShopStates;
  readonly shops: ShopCommandHandler;
  readonly accounts: AccountCommandHandler;
  /** Personal-data keys the path was asked to forget, by shop. */
  readonly forgotten: string[];
}

export function localCommandPath(options: {
  readonly eventStore: EventStore;
  readonly now: () => Date;
  readonly snapshots?: SnapshotStore;
  readonly snapshotEvery?: number;
  /** Numbers for every market (the shipped markets), or a whole policy with its version and markets. */
  readonly policy?: ShopPolicy | PolicyInForce;
}): LocalCommandPath {
  const { eventStore, now } = options;
  const inForce = options.policy instanceof PolicyInForce ? options.policy : defaultPolicyWith(options.policy ?? DEFAULT_SHOP_POLICY);
  const policy = inForce.defaults;
  const states = new ShopStates({ eventStore, snapshots: options.snapshots, snapshotEvery: options.snapshotEvery });
  const claims = new AccountClaimsReader({
    eventStore,
    now,
    claimGraceSeconds: policy.accountClaimGraceSeconds,
    isLinkedAtShop: (shopId, accountId) => states.isLinkedAtShop(shopId, accountId),
  });
  const forgotten: string[] = [];
  const path: LocalCommandPath = {
    states,
    forgotten,
    accounts: new AccountCommandHandler({ eventStore, now, policy, claims, policyVersion: inForce.version }),
    shops: new ShopCommandHandler({
      eventStore,
      states,
      now,
      policy: inForce,
      commands: { send: (message) => path.send(message) },
      standing: new AccountStreamStanding(claims),
      personalData: { forget: async (shopId: string) => forgotten.push(shopId) },
      spentAssertions: { spend: async () => true },
      businessRegistrations: new BusinessRegistrationClaims({
        eventStore,
        now,
        claimGraceSeconds: policy.accountClaimGraceSeconds,
        standingOf: (shopId) => states.registrationOf(shopId),
        policyVersion: inForce.version,
      }),
    }),
    send<R>(message: CommandMessage<R>): Promise<R> {
      if (message instanceof DecideShopCommand) return path.shops.execute(message) as Promise<R>;
      if (message instanceof DecideAccountCommand) return path.accounts.execute(message) as Promise<R>;
      throw new Error(`No handler for ${message.commandType}`);
    },
  };
  return path;
}
