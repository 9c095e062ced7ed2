import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { encodePosition, EVENT_STORE, EventStore } from '@shoplink/event-store';
import { projectorLag, READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import type { FastifyReply } from 'fastify';
import { SHOP_PROJECTOR_NAME } from '../projections/shop-projector.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: event store and read store reachable, and how far the projection lags (positions and seconds)' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [head, checkpoint] = await Promise.allSettled([this.events.headPosition(), this.readModels.getCheckpoint(SHOP_PROJECTOR_NAME)]);
    const up = head.status === 'fulfilled' && checkpoint.status === 'fulfilled';
    const eventStore = head.status === 'fulfilled' ? { status: 'up', head: encodePosition(head.value) } : { status: 'down' };
    const readStore = { status: checkpoint.status === 'fulfilled' ? 'up' : 'down' };
    void reply.status(up ? 200 : 503);
    if (!up) return { status: 'unavailable', eventStore, readStore };
    // Store times come from the store's clock, so lag is measured against real time.
    const lag = await projectorLag({ name: SHOP_PROJECTOR_NAME, eventStore: this.events, store: this.readModels });
    const projection = {
      name: SHOP_PROJECTOR_NAME,
      checkpoint: lag.checkpoint === null ? null : encodePosition(lag.checkpoint),
      // Embedded positions number events, so this counts events behind; on KurrentDB it would count bytes of log.
      lagPositions: (lag.head.commit - (lag.checkpoint?.commit ?? -1n)).toString(),
      lagSeconds: lag.seconds,
      caughtUp: !lag.behind,
    };
    return { status: 'ready', eventStore, readStore, projection };
  }
}
