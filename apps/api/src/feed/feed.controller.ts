import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiLimit, ApiReadAnswer, ApiReadRefusals, POSITION_PATTERN } from '../http/api-query.decorators';
import { ErrorBodySchema } from '../http/api-schemas';
import { FEED_EVENT_TYPES, GetFeedPage } from '@shoplink/feed';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http/error-body';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, FeedInput, parseStreamInput, ValidFeedQuery } from './feed-input';
import { FeedStreams } from './feed-streams.service';
import { RequiresScope } from '../auth/route-access.decorator';
import { callingServiceOf } from '../auth/calling-service';
import { QueryGateway } from '../messaging/query-gateway';

const TYPES_QUERY = {
  name: 'types',
  required: false,
  description: `Only these event types, comma-separated (or the parameter repeated): ${FEED_EVENT_TYPES.join(', ')}`,
  schema: { type: 'string' as const },
};

/**
 * "Tell me when a disconnect happens": the event log for other services, in `$all` order,
 * with the position as the cursor. Catch up with GET /v1/feed, follow live with Server-Sent
 * Events on GET /v1/feed/stream; both take `after` and `types`.
 */
@ApiTags('feed')
@RequiresScope('feed:read')
@Controller('v1/feed')
export class FeedController {
  constructor(
    private readonly queries: QueryGateway,
    private readonly streams: FeedStreams,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      "Catch up on the event log: events strictly after `after` (from the start when omitted), optionally of some types, oldest first. Continue with `after=nextAfter`; `caughtUp` says the answer reached the end of the log. Lean events: position, streamId, revision, id, type, data (an unlink code's hash and salt left out), occurredAt, actor, correlationId",
  })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'A position from an earlier answer (exclusive)',
    schema: { type: 'string', pattern: POSITION_PATTERN },
  })
  @ApiQuery(TYPES_QUERY)
  @ApiLimit(FEED_MAX_LIMIT, FEED_DEFAULT_LIMIT, 'Events')
  @ApiReadRefusals({ readModel: false })
  @ApiReadAnswer('events [{ position, streamId, revision, id, type, data, occurredAt, actor, correlationId }], nextAfter, caughtUp')
  catchUp(@ValidFeedQuery() input: FeedInput) {
    return this.queries.ask(new GetFeedPage(input.after, input.types, input.limit));
  }

  @Get('stream')
  @ApiOperation({
    summary:
      'Follow the event log live as Server-Sent Events: each event as `id: <position>`, `event: <type>`, `data: <the same JSON as GET /v1/feed>`; a comment every 15 s as heartbeat. A reconnecting client sends Last-Event-ID and resumes strictly after it, without loss or duplicates. A client that reads nothing for 30 s is disconnected (it resumes the same way). Each calling service may hold only a share of the streams open at once (50 by default; one more is answered 429 RATE_LIMITED with Retry-After); 503 FEED_STREAMS_EXHAUSTED with Retry-After when too many streams are open for everyone',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'Start strictly after this position (from the start when omitted); Last-Event-ID wins',
    schema: { type: 'string', pattern: POSITION_PATTERN },
  })
  @ApiQuery(TYPES_QUERY)
  @ApiReadRefusals({ readModel: false })
  @ApiResponse({
    status: 200,
    description: 'The event stream',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiResponse({
    status: 503,
    description: 'FEED_STREAMS_EXHAUSTED: too many streams are open for everyone; see Retry-After',
    type: ErrorBodySchema,
  })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Sent by an EventSource when it reconnects: the id of the last event it received',
    schema: { type: 'string', pattern: POSITION_PATTERN },
  })
  stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const input = parseStreamInput(request);
    // HEAD (which Fastify routes here too) gets the headers of a stream and no stream: it must not hold one of the open streams.
    if (request.method === 'HEAD') {
      void reply.status(200).header('content-type', 'text/event-stream').header('cache-control', 'no-cache').send();
      return;
    }
    // The route needs feed:read, so the guard has named the service by now.
    const service = callingServiceOf(request)?.name ?? 'unknown';
    const refusal = this.streams.refusalFor(service);
    if (refusal === 'service-share') {
      // 429, not 503: the service itself holds too many, and only it can free one; the pool may have room for others.
      const { maxStreamsPerService } = this.streams.settings;
      void reply
        .status(429)
        .header('Retry-After', '5')
        .send(
          errorBody(
            429,
            'RATE_LIMITED',
            `This service already holds ${maxStreamsPerService} feed streams open, its most; close one, or retry after 5 s`,
            [{ code: 'FEED_STREAMS_PER_SERVICE', openStreams: this.streams.openStreamsOf(service), maxStreamsPerService }],
          ),
        );
      return;
    }
    if (refusal === 'pool') {
      void reply
        .status(503)
        .header('Retry-After', '5')
        .send(errorBody(503, 'FEED_STREAMS_EXHAUSTED', 'Too many feed streams are open; retry shortly, or catch up with GET /v1/feed'));
      return;
    }
    this.streams.serve(reply, input, service);
  }
}
