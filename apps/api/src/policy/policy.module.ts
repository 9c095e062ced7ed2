import { Global, Module } from '@nestjs/common';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import {
  activatePolicy,
  DEFAULT_POLICY_FILE,
  GetPolicyInForce,
  GetPolicyVersion,
  PolicyInForce,
  PolicyQueriesHandler,
  PolicyVersionReusedError,
} from '@shoplink/shops';
import { ConfigError } from '@shoplink/storage';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/tokens';
import { onQueryBus } from '../messaging/bus-handlers';
import { loadPolicyFile, POLICY_FILE_VARIABLE } from './load-policy-file';
import { POLICY_IN_FORCE } from './policy-in-force.token';
import { PolicyController } from './policy.http.controller';

/**
 * The policy the service decides under: read from the file at start, checked, and its version
 * recorded in the `policy` stream when it is not the one in force already. Any problem (a bad field,
 * a version reused with other numbers) is a configuration error: the service does not start.
 */
const PolicyInForceProvider = {
  provide: POLICY_IN_FORCE,
  inject: [APP_CONFIG, EVENT_STORE, CLOCK],
  useFactory: async (config: AppConfig, eventStore: EventStore, clock: Clock): Promise<PolicyInForce> => {
    const document = loadPolicyFile(config.policyFile ?? DEFAULT_POLICY_FILE);
    try {
      await activatePolicy(eventStore, document, () => clock.now());
    } catch (error) {
      if (error instanceof PolicyVersionReusedError) throw new ConfigError(POLICY_FILE_VARIABLE, error.message);
      throw error;
    }
    return new PolicyInForce(document);
  },
};

@Global()
@Module({
  controllers: [PolicyController],
  providers: [
    PolicyInForceProvider,
    onQueryBus(
      GetPolicyInForce,
      [EVENT_STORE, POLICY_IN_FORCE],
      (events: EventStore, policy: PolicyInForce) => new PolicyQueriesHandler(events, policy),
    ),
    onQueryBus(
      GetPolicyVersion,
      [EVENT_STORE, POLICY_IN_FORCE],
      (events: EventStore, policy: PolicyInForce) => new PolicyQueriesHandler(events, policy),
    ),
  ],
  exports: [POLICY_IN_FORCE],
})
export class PolicyModule {}
