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

/**
 * The timeline is stored as blocks of consecutive revisions of a shop (see TimelineBlock).
 * Named apart from the per-event collection `shop_timeline` of earlier versions, whose
 * documents have another shape: see SHOP_READ_MODELS for how a data file written before is rebuilt.
 */
export const TIMELINE_COLLECTION = 'shop_timeline_blocks';

/** Entries per block: revisions [block * size, (block + 1) * size) of a shop. */
export const TIMELINE_BLOCK_SIZE = 64;

const SHOP_STREAM_PREFIX = 'shop-';
const KNOWN_TYPES: ReadonlySet<string> = new Set(SHOP_EVENT_TYPES);

export const isShopEventType = (type: string): type is ShopEventType => KNOWN_TYPES.has(type);

/** The block holding a revision. */
export const timelineBlockOf = (revision: number): number => Math.floor(revision / TIMELINE_BLOCK_SIZE);

/** Block number zero-padded, so a shop's blocks also sort by block when sorted by id. */
export const timelineBlockId = (shopId: string, block: number): string => `${shopId}/${String(block).padStart(10, '0')}`;

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
 * One timeline document: the entries of a block of consecutive revisions of one shop, in
 * revision order. A shop's history is its blocks in block order. Writing a block per 64 events
 * rather than a document per event is what keeps a rebuild cheap (one row, one index entry and
 * one JSON check per block); readers filter the entries in memory (apps/api TimelineReader).
 */
export interface TimelineBlock {
  readonly [key: string]: unknown;
  readonly shopId: string;
  readonly block: number;
  readonly firstRevision: number;
  readonly lastRevision: number;
  /** Entries as the history route answers them, oldest first. */
  readonly entries: readonly TimelineEntry[];
}

/**
 * The timeline read model: a document per block of TIMELINE_BLOCK_SIZE revisions of every
 * `shop-*` stream, id `<shopId>/<block>`. An event appends its entry to its block; an entry is
 * never changed once written (an event never changes), so replaying an event the block already
 * holds leaves it as it is.
 */
export const TimelineProjection: Projection<TimelineBlock> = {
  collection: TIMELINE_COLLECTION,
  handles: SHOP_EVENT_TYPES,
  documentIds: (event) =>
    event.streamId.startsWith(SHOP_STREAM_PREFIX) ? [timelineBlockId(shopIdOf(event), timelineBlockOf(event.revision))] : [],
  evolve: (doc, event) => {
    if (doc === null) {
      const entry = timelineEntryOf(event);
      return { shopId: entry.shopId, block: timelineBlockOf(event.revision), firstRevision: event.revision, lastRevision: event.revision, entries: [entry] };
    }
    if (event.revision <= doc.lastRevision) return doc;
    return { ...doc, lastRevision: event.revision, entries: [...doc.entries, timelineEntryOf(event)] };
  },
};

/**
 * What the history queries need indexed: a shop's blocks in block order. Every filter (types,
 * time window, actor) is applied to the entries in memory, as the blocks are read.
 */
export const TIMELINE_INDEXES: readonly IndexDeclaration[] = [{ collection: TIMELINE_COLLECTION, fields: ['shopId', 'block'] }];

function shopIdOf(event: RecordedEvent): string {
  return event.streamId.startsWith(SHOP_STREAM_PREFIX) ? event.streamId.slice(SHOP_STREAM_PREFIX.length) : String(event.data.shopId ?? event.streamId);
}

function actorOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  return typeof kind === 'string' && typeof id === 'string' ? `${kind}:${id}` : null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
