import { RecordedEvent } from '@shoplink/event-store';
import { Document } from './read-model-store.port';

/**
 * A read model as a pure function: which document an event touches, and the document
 * after it. Nothing here knows where documents are stored, so any adapter can persist it.
 * `evolve` must use only the event (never the wall clock), so a rebuild gives the same documents.
 */
export interface Projection<D extends Document = Document> {
  readonly collection: string;
  readonly handles: readonly string[];
  /** Ids of the documents the event changes (usually one). */
  documentIds(event: RecordedEvent): readonly string[];
  /** The document after the event; null deletes it. */
  evolve(doc: D | null, event: RecordedEvent, documentId: string): D | null;
}
