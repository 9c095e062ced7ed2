import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IDEMPOTENCY_STORE, IdempotencyStore } from '@shoplink/command-handling';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { checkReadiness } from '@shoplink/storage';
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
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  /** Asked through the ports (libs/storage/src/readiness.ts), so it reads the same on every adapter. */
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: each store reachable, and how far the projection lags (positions and seconds)' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const { ready, body } = await checkReadiness({
      eventStore: this.events,
      readModels: this.readModels,
      idempotency: this.idempotency,
      projector: SHOP_PROJECTOR_NAME,
    });
    void reply.status(ready ? 200 : 503);
    return body;
  }
}
