import { Position } from '@shoplink/event-store';

export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');

export type Document = { [key: string]: unknown };

/** One document to write (or delete, when `doc` is null) as part of a checkpointed batch. */
export interface DocumentWrite {
  readonly collection: string;
  readonly id: string;
  readonly doc: Document | null;
}

export interface Checkpoint {
  readonly position: Position;
  /** When the checkpointed event was created; lets health answers state lag in seconds. */
  readonly eventCreatedAt: Date;
}

/**
 * Where projections keep their documents. Every batch writes its documents and the
 * projector's checkpoint atomically, so a crash can neither skip nor double-apply an event.
 */
export interface ReadModelStore {
  /** The projector's checkpoint, or null when it has never run (or its tables were dropped). */
  getCheckpoint(projector: string): Promise<Checkpoint | null>;
  /** Writes the documents and moves the checkpoint in one transaction. */
  commitBatch(projector: string, checkpoint: Checkpoint, writes: readonly DocumentWrite[]): Promise<void>;
  get(collection: string, id: string): Promise<Document | null>;
  /** Documents of a collection whose top-level `field` equals `value`, ordered by id. */
  findBy(collection: string, field: string, value: string | number | boolean, limit?: number): Promise<Document[]>;
  /** Every document of a collection ordered by id (for rebuild comparisons and small operational lists). */
  all(collection: string): Promise<Document[]>;
  /** Drops the projector's documents and checkpoint so it rebuilds from the start of the log. */
  reset(projector: string, collections: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
