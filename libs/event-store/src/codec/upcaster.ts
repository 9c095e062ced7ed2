import { JsonObject } from '../event-store.port';

/**
 * One step of an event type's schema history: turns the data of version `fromVersion` into the
 * data of version `fromVersion + 1`. Pure, and it returns a new object: its argument is the
 * event as read from the store, which other readers may hold too.
 */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: JsonObject): JsonObject;
}
