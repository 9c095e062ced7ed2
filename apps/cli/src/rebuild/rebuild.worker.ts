import { encodePosition, parsePosition, START } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { CheckpointMovedError, replayProjections } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite';
import { SHOP_READ_MODELS } from '@shoplink/shops';
import { parentPort, workerData } from 'node:worker_threads';
import { RebuildWorkerData, RebuildWorkerMessage } from './rebuild-job';

/**
 * The other thread of `rebuild-projections` (see rebuild-threads.ts): replays the projections
 * of its collections from the embedded file, with its own connections, up to the position the
 * rebuild fixed, under its own shadow checkpoint; then answers its figures and ends.
 */
async function replayOnThisThread(job: RebuildWorkerData): Promise<RebuildWorkerMessage> {
  const started = performance.now();
  const eventStore = new SqliteEventStore(job.dataFile);
  const store = new SqliteReadModelStore(job.dataFile, { synchronous: 'NORMAL' });
  try {
    const outcome = await replayProjections({
      eventStore,
      store,
      projections: SHOP_READ_MODELS.projections.filter((p) => job.liveCollections.includes(p.collection)),
      tables: { projector: job.projector, collections: job.collections },
      until: (job.until === null ? null : parsePosition(job.until)) ?? START,
    });
    return { kind: 'done', events: outcome.events, documents: outcome.documents, seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    if (error instanceof CheckpointMovedError) {
      const text = (p: typeof error.expected) => (p === null ? null : encodePosition(p));
      return {
        kind: 'failed',
        name: error.name,
        message: error.message,
        projector: error.projector,
        expected: text(error.expected),
        actual: text(error.actual),
      };
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    return { kind: 'failed', name: failure.name, message: failure.stack ?? failure.message };
  } finally {
    await store.close();
    await eventStore.close();
  }
}

if (parentPort !== null) {
  const port = parentPort;
  void replayOnThisThread(workerData as RebuildWorkerData).then((message) => port.postMessage(message));
}
