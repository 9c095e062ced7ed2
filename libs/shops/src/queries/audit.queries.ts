import { QueryMessage } from '@shoplink/command-handling';
import { encodePosition, EventStore, JsonObject, RecordedEvent, StreamNotFoundError } from '@shoplink/event-store';
import { ShopRuleViolation } from '../domain/shop-rule-violation';
import { ShopIntegrity, verifyShopIntegrity } from '../application/shop-integrity';
import { ReplayPoint, shopStateAsOf, ShopStateAsOf } from '../application/shop-state-as-of';

/**
 * Auditors' questions, answered straight from the event store: never from a read model, so the
 * answers hold even when a projection is behind or wrong.
 */

export interface StreamEventsPage {
  readonly streamId: string;
  readonly fromRevision: number;
  readonly limit: number;
  readonly events: readonly {
    readonly revision: number;
    readonly position: string;
    readonly id: string;
    readonly type: string;
    readonly data: JsonObject;
    readonly metadata: JsonObject;
    readonly createdAt: string;
  }[];
  /** The first revision of the next page, or null at the stream's end. */
  readonly nextRevision: number | null;
}

/** The raw events of a stream as stored (personal fields sealed, as the hashes cover them), in revision order. */
export class GetStreamEvents implements QueryMessage<StreamEventsPage> {
  declare readonly resultType?: StreamEventsPage;
  readonly queryType = 'GetStreamEvents';
  constructor(
    readonly streamId: string,
    readonly fromRevision: number,
    readonly limit: number,
  ) {}
}

export class GetStreamEventsHandler {
  /** `stored`: the log as stored, beneath the personal-data sealing. */
  constructor(private readonly stored: EventStore) {}

  async execute({ streamId, fromRevision, limit }: GetStreamEvents): Promise<StreamEventsPage> {
    let page: RecordedEvent[];
    try {
      // One more than asked tells whether another page follows.
      page = await this.stored.readStream(streamId, { fromRevision, maxCount: limit + 1 });
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new ShopRuleViolation('STREAM_NOT_FOUND', 'not_found', `No stream ${streamId}`);
      throw error;
    }
    return {
      streamId,
      fromRevision,
      limit,
      events: page.slice(0, limit).map((e) => ({
        revision: e.revision,
        position: encodePosition(e.position),
        id: e.id,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        createdAt: e.createdAt.toISOString(),
      })),
      nextRevision: page.length > limit ? page[limit].revision : null,
    };
  }
}

/** The shop as it was at a moment or a revision, rebuilt by replaying the domain's own evolve (see shopStateAsOf). */
export class GetShopStateAsOf implements QueryMessage<ShopStateAsOf> {
  declare readonly resultType?: ShopStateAsOf;
  readonly queryType = 'GetShopStateAsOf';
  constructor(
    readonly shopId: string,
    readonly point: ReplayPoint,
  ) {}
}

export class GetShopStateAsOfHandler {
  constructor(private readonly events: EventStore) {}

  execute({ shopId, point }: GetShopStateAsOf): Promise<ShopStateAsOf> {
    return shopStateAsOf(this.events, shopId, point);
  }
}

/** The hash chains of the shop's stream and of the account streams its links went through. */
export class VerifyShopIntegrity implements QueryMessage<ShopIntegrity> {
  declare readonly resultType?: ShopIntegrity;
  readonly queryType = 'VerifyShopIntegrity';
  constructor(readonly shopId: string) {}
}

export class VerifyShopIntegrityHandler {
  constructor(private readonly stored: EventStore) {}

  execute({ shopId }: VerifyShopIntegrity): Promise<ShopIntegrity> {
    return verifyShopIntegrity(this.stored, shopId);
  }
}
