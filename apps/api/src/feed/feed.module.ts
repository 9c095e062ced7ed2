import { Module } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { GetFeedPage, GetFeedPageHandler } from '@shoplink/feed';
import { onQueryBus } from '../messaging/bus-handlers';
import { FeedController } from './feed.controller';
import { FeedStreams } from './feed-streams.service';

/** The event feed for other services: catch-up pages (a query) and Server-Sent Events over `$all`. */
@Module({
  controllers: [FeedController],
  providers: [FeedStreams, onQueryBus(GetFeedPage, [EVENT_STORE], (events: EventStore) => new GetFeedPageHandler(events))],
  exports: [FeedStreams],
})
export class FeedModule {}
