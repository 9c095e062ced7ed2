import { encodePosition, RecordedEvent } from '@shoplink/event-store';
import { Projection } from '@shoplink/read-models';
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
 * The timeline is stored as blocks of consecutive revisions of a shop (see TimelineBlock), each
 * entry a compact row. v3 (`shop_timeline_rows`): rows instead of entry objects, so a rebuild
 * writes about half the bytes; earlier files' `shop_timeline_blocks` and `shop_timeline` are left
 * unread (see SHOP_READ_MODELS).
 */
export const TIMELINE_COLLECTION = 'shop_timeline_rows';

/** Entries per block: revisions [block * size, (block + 1) * size) of a shop. */
export const TIMELINE_BLOCK_SIZE = 64;

const SHOP_STREAM_PREFIX = 'shop-';
const KNOWN_TYPES: ReadonlySet<string> = new Set(SHOP_EVENT_TYPES);

export const isShopEventType = (type: string): type is ShopEventType => KNOWN_TYPES.has(type);

/** The block holding a revision. */
export const timelineBlockOf = (revision: number): number => Math.floor(revision / TIMELINE_BLOCK_SIZE);

/**
 * Block number zero-padded, so a shop's blocks also sort by block when sorted by id. Readers
 * fetch a shop's blocks by these ids (its last revision says how many there are), so the
 * timeline needs no secondary index, which would parse every block again on every write.
 */
export const timelineBlockId = (shopId: string, block: number): string => `${shopId}/${String(block).padStart(10, '0')}`;

/**
 * One entry as stored: its fields in this order, without the shop id and revision (the block
 * has them), causationId null when it is the command id (as the command path writes it).
 * Arrays rather than objects: no field name is repeated a million times in a rebuild.
 */
export type TimelineRow = readonly [
  position: string,
  eventId: string,
  type: string,
  occurredAt: string,
  actor: string | null,
  callingService: string | null,
  reason: string | null,
  correlationId: string | null,
  causationId: string | null,
  commandId: string | null,
  summary: string,
];

/**
 * The timeline row of one recorded event. Pure: it reads the event and nothing else, so the
 * read model, a rebuild and the auditor CLI (replaying the raw stream) give the same entry.
 * An event type this version does not know still gets an entry, summarised by its type.
 */
export function timelineRowOf(event: RecordedEvent): TimelineRow {
  const metadata = event.metadata;
  const actor = actorOf(metadata.actor);
  const known = isShopEventType(event.type);
  const shopEvent = event as unknown as ShopEvent;
  const commandId = textOrNull(metadata.commandId);
  const causationId = textOrNull(metadata.causationId);
  return [
    encodePosition(event.position),
    event.id,
    event.type,
    typeof metadata.occurredAt === 'string' ? metadata.occurredAt : event.createdAt.toISOString(),
    actor,
    textOrNull(metadata.callingService),
    known ? reasonOf(shopEvent) : null,
    textOrNull(metadata.correlationId),
    causationId !== null && causationId === commandId ? null : causationId,
    commandId,
    known ? describeEvent(shopEvent, actor) : `${event.type} recorded`,
  ];
}

/** The entry a row stands for, as the history route answers it. */
export function timelineEntryOfRow(shopId: string, revision: number, row: TimelineRow): TimelineEntry {
  const [position, eventId, type, occurredAt, actor, callingService, reason, correlationId, causationId, commandId, summary] = row;
  return { shopId, revision, position, eventId, type, occurredAt, actor, callingService, reason, correlationId, causationId: causationId ?? commandId, commandId, summary };
}

/** The timeline entry of one recorded event. */
export function timelineEntryOf(event: RecordedEvent): TimelineEntry {
  return timelineEntryOfRow(shopIdOf(event), event.revision, timelineRowOf(event));
}

/**
 * One timeline document: the rows of a block of consecutive revisions of one shop, in
 * revision order (row i is revision firstRevision + i). A shop's history is its blocks in block
 * order. Writing a block per 64 events rather than a document per event is what keeps a rebuild
 * cheap (one row, one JSON check per block); readers filter the entries in memory (apps/api
 * TimelineReader).
 */
export interface TimelineBlock {
  readonly [key: string]: unknown;
  readonly shopId: string;
  readonly block: number;
  readonly firstRevision: number;
  readonly lastRevision: number;
  readonly rows: readonly TimelineRow[];
}

/** A block's entries, oldest first. */
export function timelineEntriesOf(block: TimelineBlock): TimelineEntry[] {
  return block.rows.map((row, i) => timelineEntryOfRow(block.shopId, block.firstRevision + i, row));
}

/**
 * The timeline read model: a document per block of TIMELINE_BLOCK_SIZE revisions of every
 * `shop-*` stream, id `<shopId>/<block>`. An event appends its row to its block; a row is
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
      return { shopId: shopIdOf(event), block: timelineBlockOf(event.revision), firstRevision: event.revision, lastRevision: event.revision, rows: [timelineRowOf(event)] };
    }
    if (event.revision <= doc.lastRevision) return doc;
    return { ...doc, lastRevision: event.revision, rows: [...doc.rows, timelineRowOf(event)] };
  },
};

function shopIdOf(event: RecordedEvent): string {
  return event.streamId.startsWith(SHOP_STREAM_PREFIX) ? event.streamId.slice(SHOP_STREAM_PREFIX.length) : String(event.data.shopId ?? event.streamId);
}

function actorOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const { kind, id } = value as { kind?: unknown; id?: unknown };
  return typeof kind === 'string' && typeof id === 'string' ? `${kind}:${id}` : null;
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
