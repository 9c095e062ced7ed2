import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { checkReadiness, STORAGE_CONDITIONS, StorageConditions } from '@shoplink/storage';
import type { FastifyReply } from 'fastify';
import { SHOP_PROJECTOR_NAME } from '../projections/shop-projector.service';
import { PublicRoute } from '../auth/route-access.decorator';

@ApiTags('health')
@PublicRoute()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(IDEMPOTENCY_STORE) private readonly idempotency: IdempotencyStore,
    @Inject(STORAGE_CONDITIONS) private readonly conditions: StorageConditions,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiResponse({ status: 200, description: 'Alive', schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' };
  }

  /** Asked through the ports (libs/storage/src/readiness.ts), so it reads the same on every adapter. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: each store reachable, and how far the projection lags (positions and seconds)' })
  @ApiResponse({
    status: 200,
    description: 'Ready: status, eventStore, readStore, projection { checkpoint, lagPositions, lagSeconds, caughtUp }',
    schema: { type: 'object', additionalProperties: true },
  })
  @ApiResponse({
    status: 503,
    description: 'Not ready: the same body, naming the store that is down or the conditions raised against it (`conditions`)',
    content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { ready, body } = await checkReadiness({
      eventStore: this.events,
      readModels: this.readModels,
      idempotency: this.idempotency,
      projector: SHOP_PROJECTOR_NAME,
      conditions: this.conditions,
    });
    void reply.status(ready ? 200 : 503);
    return body;
  }
}
