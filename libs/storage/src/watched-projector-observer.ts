import { ProjectorObserver } from '@shoplink/read-models';
import { StorageHealth } from './storage-health';

/**
 * The projector's observer with its commits watched: a batch that cannot commit because the disk
 * is full (or a page is malformed) raises the condition, so readiness says not ready while the
 * read models fall behind; the next batch that commits lifts the projector's own condition.
 * Wraps `inner` (metrics, traces) when there is one.
 */
export function watchedProjectorObserver(health: StorageHealth, inner?: ProjectorObserver): ProjectorObserver {
  return {
    batch: async (projector, events, apply) => {
      try {
        await (inner ? inner.batch(projector, events, apply) : apply());
      } catch (error) {
        health.failed(error, `projector ${projector}`);
        throw error;
      }
      health.committed(`projector ${projector}`);
    },
  };
}
