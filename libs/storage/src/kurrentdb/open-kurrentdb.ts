import { EventStore } from '@shoplink/event-store';
import { KurrentDbEventStore } from '@shoplink/event-store/kurrentdb/kurrentdb-event-store';

export function openKurrentDbEventStore(url: string): EventStore {
  return new KurrentDbEventStore(url);
}
