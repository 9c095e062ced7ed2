import { Position } from '@shoplink/event-store';

/**
 * How far the read models have got, for read-your-writes. Provided by the in-process projector
 * (ShopProjectorService) when this process runs it, else by StoredCheckpointProgress, which
 * watches the checkpoint the separate projector process commits.
 */
export const PROJECTION_PROGRESS = Symbol('PROJECTION_PROGRESS');

export interface ProjectionProgress {
  /** True once the read models include `position`; false after `timeoutMs` without it. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean>;
}
