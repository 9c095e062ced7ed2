import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, Clock } from '@shoplink/command-handling';
import { comparePositions, encodePosition, EVENT_STORE, EventStore, START } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import type { FastifyReply } from 'fastify';
import { SHOP_PROJECTOR_NAME } from '../projections/shop-projector.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: event store and read store reachable, and how far the projection lags' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [head, checkpoint] = await Promise.allSettled([this.events.headPosition(), this.readModels.getCheckpoint(SHOP_PROJECTOR_NAME)]);
    const eventStore = head.status === 'fulfilled' ? { status: 'up', head: encodePosition(head.value) } : { status: 'down' };
    const readStore = checkpoint.status === 'fulfilled' ? { status: 'up' } : { status: 'down' };
    let projection: Record<string, unknown> = { status: 'unknown' };
    if (head.status === 'fulfilled' && checkpoint.status === 'fulfilled') {
      const at = checkpoint.value?.position ?? START;
      const behind = comparePositions(at, head.value) < 0;
      const lagSeconds = behind && checkpoint.value ? Math.max(0, (this.clock.now().getTime() - checkpoint.value.eventCreatedAt.getTime()) / 1000) : 0;
      projection = {
        name: SHOP_PROJECTOR_NAME,
        checkpoint: checkpoint.value ? encodePosition(at) : null,
        // Embedded positions are event sequence numbers, so their difference counts events; for KurrentDB it is bytes of log.
        lagPositions: (head.value.commit - at.commit).toString(),
        lagSeconds: behind && !checkpoint.value ? null : lagSeconds,
        caughtUp: !behind,
      };
    }
    const up = head.status === 'fulfilled' && checkpoint.status === 'fulfilled';
    void reply.status(up ? 200 : 503);
    return { status: up ? 'ready' : 'unavailable', eventStore, readStore, projection };
  }
}
