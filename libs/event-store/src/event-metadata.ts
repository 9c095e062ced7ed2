import { RecordedEvent } from './event-store.port';

/** The shape `Date.prototype.toISOString()` gives for years 0 to 9999, which is what the service writes. */
const CANONICAL_INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/**
 * An event's business time: `metadata.occurredAt`, the service's clock when the command was
 * decided, in the `toISOString()` form so that instants compare as text. Any other parseable
 * text is brought to that form; without one, the store's `createdAt` stands in. Runs for every
 * event of a rebuild, so the form the service writes is recognised by its shape alone, unparsed.
 */
export function occurredAtOf(event: RecordedEvent): string {
  const occurredAt = event.metadata.occurredAt;
  if (typeof occurredAt === 'string') {
    if (occurredAt.length === 24 && CANONICAL_INSTANT.test(occurredAt)) return occurredAt;
    const parsed = Date.parse(occurredAt);
    if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  }
  return event.createdAt.toISOString();
}

/** Who acted, as `kind:id` (e.g. `member:m-17`), from `metadata.actor`; null when the event names no actor. */
export function actorOf(event: RecordedEvent): string | null {
  const actor = event.metadata.actor;
  if (typeof actor !== 'object' || actor === null) return null;
  const { kind, id } = actor as { kind?: unknown; id?: unknown };
  return typeof kind === 'string' && typeof id === 'string' ? `${kind}:${id}` : null;
}
