import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
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
import { ConfigError, STORAGE_CONDITIONS, STORAGE_HEALTH, StorageConditions, StorageHealth } from '@shoplink/storage';
import { onQueryBus } from '../messaging/bus-handlers';
import { POLICY_FILE_VARIABLE } from './load-policy-file';
import { POLICY_IN_FORCE } from './policy-in-force.token';
import { PolicyController } from './policy.http.controller';

/** Between attempts to record the policy in force while the store refuses writes. */
const RECORD_RETRY_MS = 5_000;
const POLICY_NOT_RECORDED = 'policy-not-recorded';

/**
 * The policy the service decides under, read and checked before the app is built (createApp), and
 * its version recorded in the `policy-versions` stream when the app starts, before it listens. A version
 * reused with other numbers is a configuration error: start fails (exit 78) and nothing is decided.
 * Recording in a start-up hook rather than a provider keeps the failure to the one fatal line.
 *
 * A store that cannot take the write at start (a full disk, a malformed page, a page check still
 * running) does not stop the process: it starts not ready, and no command is decided until the
 * version is recorded (a condition that refuses writes), tried again every few seconds.
 */
@Global()
@Module({})
export class PolicyModule implements OnModuleInit, OnApplicationShutdown {
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

  private readonly logger = new Logger('PolicyModule');
  private retry: NodeJS.Timeout | undefined;

  constructor(
    @Inject(POLICY_IN_FORCE) private readonly policy: PolicyInForce,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(STORAGE_CONDITIONS) private readonly conditions: StorageConditions,
    @Inject(STORAGE_HEALTH) private readonly health: StorageHealth,
  ) {}

  async onModuleInit(): Promise<void> {
    if (await this.record()) return;
    this.conditions.raise(POLICY_NOT_RECORDED, {
      code: 'POLICY_NOT_RECORDED',
      message: `policy version ${this.policy.document.version} is not recorded yet: the store refuses writes; nothing is decided until it is`,
      refusesWrites: true,
      makesNotReady: true,
    });
    this.retry = setInterval(() => void this.recordAgain(), RECORD_RETRY_MS).unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.retry);
  }

  /** Records the version in force; false when the store cannot take the write now (it says why in its own condition). */
  private async record(): Promise<boolean> {
    if (this.conditions.refusingWrites(POLICY_NOT_RECORDED) !== null) return false;
    try {
      await activatePolicy(this.eventStore, this.policy.document, () => this.clock.now());
      return true;
    } catch (error) {
      if (error instanceof PolicyVersionReusedError) throw new ConfigError(POLICY_FILE_VARIABLE, error.message);
      if (this.health.failed(error) === null) throw error;
      this.logger.warn(
        `policy version ${this.policy.document.version} not recorded: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  }

  private async recordAgain(): Promise<void> {
    try {
      if (!(await this.record())) return;
    } catch (error) {
      this.logger.error(`recording policy version ${this.policy.document.version} failed: ${String(error)}`);
      return;
    }
    clearInterval(this.retry);
    this.conditions.clear(POLICY_NOT_RECORDED);
    this.logger.log(`policy version ${this.policy.document.version} recorded: commands are taken`);
  }
}
