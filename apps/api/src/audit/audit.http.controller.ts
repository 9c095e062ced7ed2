import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { encodePosition, EVENT_STORE, EventStore, RecordedEvent, STORED_EVENT_STORE, StreamNotFoundError } from '@shoplink/event-store';
import { INSTANT_FORMAT, ReplayPoint, shopStateAsOf, ShopRuleViolation, verifyShopIntegrity } from '@shoplink/shops';
import {
  RAW_EVENTS_DEFAULT_LIMIT,
  RAW_EVENTS_MAX_LIMIT,
  RawEventsInput,
  STREAM_ID_FORMAT,
  StateAsOfInput,
  ValidRawEventsQuery,
  ValidShopPath,
  ValidStateAsOfQuery,
} from './audit-input';
import { RequiresScope } from '../auth/route-access.decorator';
import { KeepPersonalDataSealed } from '../personal-data/reveal-personal-data';

/**
 * Read-only answers for auditors, straight from the event store: never from a read model, so
 * they hold even when a projection is behind or wrong.
 */
@ApiTags('audit')
@RequiresScope('audit:read')
@Controller('v1/audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    /** Raw events and hash chains are about the bytes as stored: personal fields stay sealed there. */
    @Inject(STORED_EVENT_STORE) private readonly stored: EventStore,
  ) {}

  @Get('streams/:streamId/events')
  @KeepPersonalDataSealed()
  @ApiOperation({
    summary:
      'The raw events of a stream as stored (personal fields sealed, as the hashes cover them), in revision order: revision, global position, id, type, data, metadata (with the hash chain: hash, previousHash, hashAlgorithm) and createdAt; page with fromRevision and nextRevision',
  })
  @ApiParam({ name: 'streamId', description: STREAM_ID_FORMAT, example: 'shop-brand' })
  @ApiQuery({ name: 'fromRevision', required: false, description: 'First revision (inclusive), default 0' })
  @ApiQuery({ name: 'limit', required: false, description: `1-${RAW_EVENTS_MAX_LIMIT}, default ${RAW_EVENTS_DEFAULT_LIMIT}` })
  async rawEvents(@ValidRawEventsQuery() input: RawEventsInput) {
    const { streamId, fromRevision, limit } = input;
    let page: RecordedEvent[];
    try {
      // One more than asked tells whether another page follows.
      page = await this.stored.readStream(streamId, { fromRevision, maxCount: limit + 1 });
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new ShopRuleViolation('STREAM_NOT_FOUND', 'not_found', `No stream ${streamId}`);
      throw error;
    }
    const events = page.slice(0, limit);
    return {
      streamId,
      fromRevision,
      limit,
      events: events.map((e) => ({
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

  @Get('shops/:shopId/state')
  @ApiOperation({
    summary:
      "The shop as it was at a moment (asOf, compared with each event's metadata.occurredAt) or at a revision, rebuilt by replaying the domain's own evolve over its stream; names the event it stopped at and the next one",
  })
  @ApiQuery({ name: 'asOf', required: false, description: `${INSTANT_FORMAT}; exactly one of asOf and revision` })
  @ApiQuery({ name: 'revision', required: false, description: 'A stream revision (inclusive); exactly one of asOf and revision' })
  async stateAsOf(@ValidStateAsOfQuery() input: StateAsOfInput) {
    const point: ReplayPoint = 'asOf' in input ? { asOf: input.asOf } : { revision: input.revision };
    const replayed = await shopStateAsOf(this.events, input.shopId, point);
    const asked = 'asOf' in point ? { asOf: point.asOf.toISOString() } : { revision: point.revision };
    return {
      shopId: replayed.shopId,
      streamId: replayed.streamId,
      ...asked,
      stoppedAt: replayed.stoppedAt,
      nextEvent: replayed.nextEvent,
      eventsApplied: replayed.eventsApplied,
      lastRevision: replayed.lastRevision,
      state: replayed.state,
    };
  }

  @Get('shops/:shopId/integrity')
  @ApiOperation({
    summary:
      "Verifies the hash chain of the shop's stream and of the account streams its links went through; 200 either way, the verdict (intact, firstProblem: altered | removed | inserted | reordered, with the revision and event id) is the answer",
  })
  async integrity(@ValidShopPath() input: { shopId: string }) {
    return verifyShopIntegrity(this.stored, input.shopId);
  }
}
