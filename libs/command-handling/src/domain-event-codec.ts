import { JsonObject, RecordedEvent } from '@shoplink/event-store';

/** What the command runner needs of a bounded context's event codec: stored events in, typed events out, and back. */
export interface DomainEventCodec<E> {
  decode(recorded: RecordedEvent): E;
  encode(event: E): { readonly type: string; readonly data: JsonObject; readonly schemaVersion: number };
}
