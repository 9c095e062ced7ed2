import { actorOf, encodePosition, occurredAtOf, RecordedEvent } from '@shoplink/event-store';
import { Projection } from '@shoplink/read-models';
import { shopEventCodec } from '../codec/shop-event-codec';
import { SHOP_EVENT_TYPES, ShopEventType } from '../domain/shop.events';
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
  /**
   * How the person acting was proven (a member's or support agent's verified assertion; null for
   * a service): the methods (RFC 8176 amr, space-separated, e.g. `pwd otp` for a second factor),
   * when they signed in, the identity provider, and the assertion's id (jti).
   */
  readonly authMethods: string | null;
  readonly authTime: string | null;
  readonly authIssuer: string | null;
  readonly assertionId: string | null;
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
  'authMethods',
  'authTime',
  'authIssuer',
  'assertionId',
  'reason',
  'summary',
  'correlationId',
  'causationId',
  'commandId',
  'eventId',
  'shopId',
] as const satisfies readonly (keyof TimelineEntry)[];

/**
 * The timeline read model is an index of every shop's history: per event, what a history filter
 * asks (type, time, actor), in blocks of consecutive revisions (see TimelineBlock). A history
 * page or an export filters the index, then renders the entries it keeps from their events in
 * the shop stream (timelineEntryOf, read by revision), so what an auditor sees is always the
 * recorded event's own words. v4 (`shop_timeline_index`): an index row instead of the whole
 * entry, a quarter of the bytes, which is what makes a rebuild of a million events fit the
 * rebuild target; earlier files' `shop_timeline_rows`, `shop_timeline_blocks` and
 * `shop_timeline` are left unread (see SHOP_READ_MODELS).
 */
export const TIMELINE_COLLECTION = 'shop_timeline_index';

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

/** One event as the index stores it: the fields history filters on. Arrays, so no field name is stored a million times. */
export type TimelineRow = readonly [type: string, occurredAt: string, actor: string | null];

/** One event of the index, with its revision: what a filter is matched against. */
export interface TimelineIndexEntry {
  readonly revision: number;
  readonly type: string;
  readonly occurredAt: string;
  readonly actor: string | null;
}

/**
 * The index row of one recorded event. Pure, and the same fields as its entry (timelineEntryOf),
 * so a filter on the index keeps exactly the entries a filter on the entries would.
 */
export function timelineRowOf(event: RecordedEvent): TimelineRow {
  return [event.type, occurredAtOf(event), actorOf(event)];
}

/**
 * The timeline entry of one recorded event. Pure: it reads the event and nothing else, so the
 * history route, an export and the auditor CLI (replaying the raw stream) give the same entry.
 * An event this version cannot read (a type it does not know, a schema version newer than it
 * knows) still gets an entry, summarised by its type.
 */
export function timelineEntryOf(event: RecordedEvent): TimelineEntry {
  const metadata = event.metadata;
  const actor = actorOf(event);
  const shopEvent = shopEventCodec.tryDecode(event);
  const commandId = textOrNull(metadata.commandId);
  return {
    shopId: shopIdOf(event),
    revision: event.revision,
    position: encodePosition(event.position),
    eventId: event.id,
    type: event.type,
    occurredAt: occurredAtOf(event),
    actor,
    callingService: textOrNull(metadata.callingService),
    ...authenticationOf(metadata.actorProof),
    reason: shopEvent === null ? null : reasonOf(shopEvent),
    correlationId: textOrNull(metadata.correlationId),
    causationId: textOrNull(metadata.causationId) ?? commandId,
    commandId,
    summary: shopEvent === null ? `${event.type} recorded` : describeEvent(shopEvent, actor),
  };
}

/** The proof recorded with the event (see CommandEnvelope.actorProof), as the entry's flat fields. */
function authenticationOf(proof: unknown): Pick<TimelineEntry, 'authMethods' | 'authTime' | 'authIssuer' | 'assertionId'> {
  const p =
    typeof proof === 'object' && proof !== null ? (proof as { amr?: unknown; authTime?: unknown; issuer?: unknown; jti?: unknown }) : {};
  const methods = Array.isArray(p.amr) ? p.amr.filter((m): m is string => typeof m === 'string') : null;
  return {
    authMethods: methods === null ? null : methods.join(' '),
    authTime: textOrNull(p.authTime),
    authIssuer: textOrNull(p.issuer),
    assertionId: textOrNull(p.jti),
  };
}

/**
 * One timeline document: the index rows of a block of consecutive revisions of one shop, in
 * revision order (row i is revision firstRevision + i). A shop's history is its blocks in block
 * order. A block per 64 events rather than a document per event is what keeps a rebuild cheap
 * (one row, one serialisation per block); readers filter the rows in memory (apps/api TimelineReader).
 */
export interface TimelineBlock {
  readonly [key: string]: unknown;
  readonly shopId: string;
  readonly block: number;
  readonly firstRevision: number;
  readonly lastRevision: number;
  readonly rows: readonly TimelineRow[];
}

/** A block's index entries, oldest first. */
export function timelineIndexOf(block: TimelineBlock): TimelineIndexEntry[] {
  return block.rows.map(([type, occurredAt, actor], i) => ({ revision: block.firstRevision + i, type, occurredAt, actor }));
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
      return {
        shopId: shopIdOf(event),
        block: timelineBlockOf(event.revision),
        firstRevision: event.revision,
        lastRevision: event.revision,
        rows: [timelineRowOf(event)],
      };
    }
    if (event.revision <= doc.lastRevision) return doc;
    return { ...doc, lastRevision: event.revision, rows: [...doc.rows, timelineRowOf(event)] };
  },
  // A rebuild's own block: the row is appended to it rather than the rows copied for each event.
  evolveInPlace: (doc, event, id) => {
    if (doc === null || event.revision <= doc.lastRevision) return TimelineProjection.evolve(doc, event, id);
    const block = doc as unknown as { lastRevision: number; rows: TimelineRow[] };
    block.rows.push(timelineRowOf(event));
    block.lastRevision = event.revision;
    return doc;
  },
  // The block holds the last revision of its range: later events go to later blocks.
  isFinal: (doc) => doc.lastRevision === (doc.block + 1) * TIMELINE_BLOCK_SIZE - 1,
  // A row is the event's type, time and actor; the shop id comes from the stream's name.
  readsEventData: false,
};

function shopIdOf(event: RecordedEvent): string {
  return event.streamId.startsWith(SHOP_STREAM_PREFIX)
    ? event.streamId.slice(SHOP_STREAM_PREFIX.length)
    : String(event.data.shopId ?? event.streamId);
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
