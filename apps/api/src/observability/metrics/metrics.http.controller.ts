import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { BROKEN_STREAMS, BrokenStreams, EVENT_STORE, EventStore } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { SHOP_PROJECTOR_NAME } from '../../projections/shop-projector.service';
import { Registry } from 'prom-client';
import { ShoplinkMetrics } from './shoplink-metrics';
import { refreshStoreGauges } from './store-gauges';
import { RequiresScope } from '../../auth/route-access.decorator';

/**
 * GET /metrics for Prometheus, behind the `metrics:read` scope: the scraper sends a service token
 * as a bearer token. It names no shop, member or account.
 */
@ApiTags('operations')
@RequiresScope('metrics:read')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: ShoplinkMetrics,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    @Inject(BROKEN_STREAMS) private readonly brokenStreams: BrokenStreams,
  ) {}

  @Get()
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'The Prometheus text format', content: { 'text/plain': { schema: { type: 'string' } } } })
  @ApiOperation({
    summary: 'Prometheus metrics: commands, appends, conflicts, replays, projection checkpoint and lag, head position, HTTP latency',
  })
  async scrape(): Promise<string> {
    await refreshStoreGauges(this.metrics, { eventStore: this.eventStore, readModels: this.readModels }, [SHOP_PROJECTOR_NAME]);
    this.metrics.brokenStreams.set(this.brokenStreams.size);
    return this.metrics.registry.metrics();
  }
}
