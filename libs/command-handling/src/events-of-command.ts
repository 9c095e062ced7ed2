import { EventStore, RecordedEvent } from '@shoplink/event-store';
import { deterministicEventId } from './deterministic-event-id';
import { readStreamOrEmpty } from './stream-states';

/** A command writes few events; reading this many after its first is always enough to find them all. */
const MOST_EVENTS_OF_ONE_COMMAND = 64;

/**
 * The events a command already wrote to this stream (a retry whose answer was lost), or none.
 * Its event ids derive from the command id, so with a store that looks ids up this is one lookup
 * plus a short read; other stores are read whole.
 */
export async function eventsOfCommand(eventStore: EventStore, streamId: string, commandId: string): Promise<RecordedEvent[]> {
  if (eventStore.readEventById === undefined) {
    return (await readStreamOrEmpty(eventStore, streamId, 0)).filter((e) => e.metadata.commandId === commandId);
  }
  const first = await eventStore.readEventById(streamId, deterministicEventId(commandId, 0));
  if (first === null) return [];
  const following = await readStreamOrEmpty(eventStore, streamId, first.revision, MOST_EVENTS_OF_ONE_COMMAND);
  const own: RecordedEvent[] = [];
  for (const event of following) {
    if (event.metadata.commandId !== commandId) break;
    own.push(event);
  }
  return own;
}
