import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FEED_EVENT_TYPES, GetFeedPage } from '@shoplink/feed';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from '../http/error-body';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT, FeedInput, parseStreamInput, ValidFeedQuery } from './feed-input';
import { FeedStreams } from './feed-streams.service';
import { RequiresScope } from '../auth/route-access.decorator';
import { QueryGateway } from '../messaging/query-gateway';

const TYPES_DESCRIPTION = `Only these event types, comma-separated (or the parameter repeated): ${FEED_EVENT_TYPES.join(', ')}`;

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
  @ApiQuery({ name: 'after', required: false, description: 'A position from an earlier answer (exclusive)' })
  @ApiQuery({ name: 'types', required: false, description: TYPES_DESCRIPTION })
  @ApiQuery({ name: 'limit', required: false, description: `Most events per answer, 1-${FEED_MAX_LIMIT}; default ${FEED_DEFAULT_LIMIT}` })
  catchUp(@ValidFeedQuery() input: FeedInput) {
    return this.queries.ask(new GetFeedPage(input.after, input.types, input.limit));
  }

  @Get('stream')
  @ApiOperation({
    summary:
      'Follow the event log live as Server-Sent Events: each event as `id: <position>`, `event: <type>`, `data: <the same JSON as GET /v1/feed>`; a comment every 15 s as heartbeat. A reconnecting client sends Last-Event-ID and resumes strictly after it, without loss or duplicates. A client that reads nothing for 30 s is disconnected (it resumes the same way); 503 with Retry-After when too many streams are open',
  })
  @ApiProduces('text/event-stream')
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'Start strictly after this position (from the start when omitted); Last-Event-ID wins',
  })
  @ApiQuery({ name: 'types', required: false, description: TYPES_DESCRIPTION })
  @ApiHeader({
    name: 'Last-Event-ID',
    required: false,
    description: 'Sent by an EventSource when it reconnects: the id of the last event it received',
  })
  stream(@Req() request: FastifyRequest, @Res() reply: FastifyReply): void {
    const input = parseStreamInput(request);
    // HEAD (which Fastify routes here too) gets the headers of a stream and no stream: it must not hold one of the open streams.
    if (request.method === 'HEAD') {
      void reply.status(200).header('content-type', 'text/event-stream').header('cache-control', 'no-cache').send();
      return;
    }
    if (!this.streams.hasRoom()) {
      void reply
        .status(503)
        .header('Retry-After', '5')
        .send(errorBody(503, 'FEED_STREAMS_EXHAUSTED', 'Too many feed streams are open; retry shortly, or catch up with GET /v1/feed'));
      return;
    }
    this.streams.serve(reply, input);
  }
}
