import { encodePosition, RecordedEvent } from '@shoplink/event-store';
import { IndexDeclaration, Projection } from '@shoplink/read-models';
import { SHOP_EVENT_TYPES, ShopEvent, ShopEventType } from '../domain/shop.events';
import { describeEvent, reasonOf } from './timeline-summary';

export { describeEvent, reasonOf } from './timeline-summary';

/**
 * One line of a shop's history, as an auditor reads it: when, what, who (and through which
 * service), why, and the ids that tie it to its command and its position in the log.
 */
export interface TimelineEntry {
  readonly [key: string]: unknown;
  readonly shopId: string;
  /** The event's revision in the shop stream: the history's order and its cursor. */
  readonly revision: number;
  /** The event's place in `$all`, in its wire form (`"42"`). */
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  /** metadata.occurredAt: the service's clock when the command was decided. */
  readonly occurredAt: string;
  /** `kind:id`, e.g. `member:m-17`. */
  readonly actor: string | null;
  readonly callingService: string | null;
  readonly reason: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
  readonly commandId: string | null;
  readonly summary: string;
}

/** The entry fields in the order exports write them. */
export const TIMELINE_FIELDS = [
  'occurredAt',
  'revision',
  'position',
  'type',
  'actor',
  'callingService',
  'reason',
  'summary',
  'correlationId',
  'causationId',
  'commandId',
  'eventId',
  'shopId',
] as const satisfies readonly (keyof TimelineEntry)[];

export const TIMELINE_COLLECTION = 'shop_timeline';

const SHOP_STREAM_PREFIX = 'shop-';
const KNOWN_TYPES: ReadonlySet<string> = new Set(SHOP_EVENT_TYPES);

export const isShopEventType = (type: string): type is ShopEventType => KNOWN_TYPES.has(type);

/** Revision zero-padded, so a shop's entries also sort by revision when sorted by id. */
export const timelineEntryId = (shopId: string, revision: number): string => `${shopId}/${String(revision).padStart(12, '0')}`;

/**
 * The timeline entry of one recorded event. Pure: it reads the event and nothing else, so the
 * read model, a rebuild and the auditor CLI (replaying the raw stream) give the same entry.
 * An event type this version does not know still gets an entry, summarised by its type.
 */
export function timelineEntryOf(event: RecordedEvent): TimelineEntry {
  const metadata = event.metadata;
  const actor = actorOf(metadata.actor);
  const known = isShopEventType(event.type);
  const shopEvent = event as unknown as ShopEvent;
  return {
    shopId: shopIdOf(event),
    revision: event.revision,
    position: encodePosition(event.position),
    eventId: event.id,
    type: event.type,
    occurredAt: typeof metadata.occurredAt === 'string' ? metadata.occurredAt : event.createdAt.toISOString(),
    actor,
    callingService: textOrNull(metadata.callingService),
    reason: known ? reasonOf(shopEvent) : null,
    correlationId: textOrNull(metadata.correlationId),
    causationId: textOrNull(metadata.causationId),
    commandId: textOrNull(metadata.commandId),
    summary: known ? describeEvent(shopEvent, actor) : `${event.type} recorded`,
  };
}

/**
 * The timeline read model: one document per event of every `shop-*` stream, id
 * `<shopId>/<revision>`. Entries are never changed once written (an event never changes),
 * so replaying an event writes the same document again.
 */
export const TimelineProjection: Projection<TimelineEntry> = {
  collection: TIMELINE_COLLECTION,
  handles: SHOP_EVENT_TYPES,
  documentIds: (event) => (event.streamId.startsWith(SHOP_STREAM_PREFIX) ? [timelineEntryId(shopIdOf(event), event.revision)] : []),
  evolve: (_doc, event) => timelineEntryOf(event),
};

/**
 * What the history queries need indexed: a shop's entries in revision order, alone or
 * narrowed to event types or one actor, and a time window (SQLite would otherwise scan the
 * collection for a range on an unindexed field). See timeline-query.ts for the queries.
 */
export const TIMELINE_INDEXES: readonly IndexDeclaration[] = [
  { collection: TIMELINE_COLLECTION, fields: ['shopId', 'revision'] },
  { collection: TIMELINE_COLLECTION, fields: ['shopId', 'type', 'revision'] },
  { collection: TIMELINE_COLLECTION, fields: ['shopId', 'actor', 'revision'] },
  { collection: TIMELINE_COLLECTION, fields: ['shopId', 'occurredAt'] },
];

function shopIdOf(event: RecordedEvent): string {
  return event.streamId.startsWith(SHOP_STREAM_PREFIX) ? event.streamId.slice(SHOP_STREAM_PREFIX.length) : String(event.data.shopId ?? event.streamId);
}

function actorOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  return typeof kind === 'string' && typeof id === 'string' ? `${kind}:${id}` : null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
