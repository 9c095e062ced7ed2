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
  /**
   * Optional: `evolve`, but free to change `doc` in place and return it. A rebuild calls it on
   * documents it alone holds (nothing else sees them before they are written), which spares a
   * copy of a growing document per event; it must give the document `evolve` gives.
   */
  evolveInPlace?(doc: D | null, event: RecordedEvent, documentId: string): D | null;
  /**
   * True when no later event can change the document (a timeline block holding the last
   * revision of its range). Optional: a rebuild writes and forgets such a document at its next
   * flush instead of keeping it in memory in case another event comes.
   */
  isFinal?(doc: D): boolean;
  /**
   * False when `documentIds` and `evolve` read only the event's envelope and metadata, never its
   * data: a rebuild of such projections alone asks the store to leave the data out (default true).
   */
  readonly readsEventData?: boolean;
}
