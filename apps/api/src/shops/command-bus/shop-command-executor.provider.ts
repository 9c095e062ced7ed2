import { Provider } from '@nestjs/common';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore, SNAPSHOT_STORE, SnapshotStore } from '@shoplink/event-store';
import { scryptUnlinkCodeVerifier, ShopCommandExecutor, ShopPolicy } from '@shoplink/shops';
import { ShopCommandTelemetryObserver } from '../../observability/shop-command-telemetry.observer';
import { SHOP_POLICY } from '../../storage/tokens';

/** One executor for the command handler and for queries that replay a shop (live blockers). */
export const ShopCommandExecutorProvider: Provider = {
  provide: ShopCommandExecutor,
  inject: [EVENT_STORE, CLOCK, SHOP_POLICY, SNAPSHOT_STORE, ShopCommandTelemetryObserver],
  useFactory: (
    eventStore: EventStore,
    clock: Clock,
    policy: ShopPolicy,
    snapshots: SnapshotStore,
    observer: ShopCommandTelemetryObserver,
  ) => new ShopCommandExecutor({ eventStore, now: () => clock.now(), policy, codes: scryptUnlinkCodeVerifier, snapshots, observer }),
};
