import { EventStore, START } from '@shoplink/event-store';
import { projectorLag, ReadModelStore } from '@shoplink/read-models';
import { ProjectionMetrics } from './projection-metrics';

/**
 * Reads the head of the log and each projection's checkpoint and lag from the stores at scrape
 * time, through the ports: right whether this process runs the projector or a separate one does.
 */
export async function refreshStoreGauges(
  metrics: Pick<ProjectionMetrics, 'headPosition' | 'checkpoint' | 'lagPositions' | 'lagSeconds'>,
  stores: { eventStore: EventStore; readModels: ReadModelStore },
  projections: readonly string[],
): Promise<void> {
  const head = await stores.eventStore.headPosition();
  metrics.headPosition.set(Number(head.commit));
  for (const name of projections) {
    const lag = await projectorLag({ name, eventStore: stores.eventStore, store: stores.readModels });
    const checkpoint = lag.checkpoint ?? START;
    metrics.checkpoint.set({ projection: name }, Number(checkpoint.commit));
    metrics.lagPositions.set({ projection: name }, lag.behind ? Number(head.commit - (lag.checkpoint?.commit ?? 0n)) : 0);
    metrics.lagSeconds.set({ projection: name }, lag.seconds);
  }
}
