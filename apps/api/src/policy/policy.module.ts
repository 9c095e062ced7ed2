import { DynamicModule, Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import {
  activatePolicy,
  GetPolicyInForce,
  GetPolicyVersion,
  PolicyInForce,
  PolicyQueriesHandler,
  PolicyVersionReusedError,
} from '@shoplink/shops';
import { ConfigError } from '@shoplink/storage';
import { onQueryBus } from '../messaging/bus-handlers';
import { POLICY_FILE_VARIABLE } from './load-policy-file';
import { POLICY_IN_FORCE } from './policy-in-force.token';
import { PolicyController } from './policy.http.controller';

/**
 * The policy the service decides under, read and checked before the app is built (createApp), and
 * its version recorded in the `policy-versions` stream when the app starts, before it listens. A version
 * reused with other numbers is a configuration error: start fails (exit 78) and nothing is decided.
 * Recording in a start-up hook rather than a provider keeps the failure to the one fatal line.
 */
@Global()
@Module({})
export class PolicyModule implements OnModuleInit {
  static forRoot(policy: PolicyInForce): DynamicModule {
    const queries = (events: EventStore, inForce: PolicyInForce) => new PolicyQueriesHandler(events, inForce);
    return {
      module: PolicyModule,
      controllers: [PolicyController],
      providers: [
        { provide: POLICY_IN_FORCE, useValue: policy },
        onQueryBus(GetPolicyInForce, [EVENT_STORE, POLICY_IN_FORCE], queries),
        onQueryBus(GetPolicyVersion, [EVENT_STORE, POLICY_IN_FORCE], queries),
      ],
      exports: [POLICY_IN_FORCE],
    };
  }

  constructor(
    @Inject(POLICY_IN_FORCE) private readonly policy: PolicyInForce,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    try {
      await activatePolicy(this.eventStore, this.policy.document, () => this.clock.now());
    } catch (error) {
      if (error instanceof PolicyVersionReusedError) throw new ConfigError(POLICY_FILE_VARIABLE, error.message);
      throw error;
    }
  }
}
