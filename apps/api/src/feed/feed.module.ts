import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';
import { FeedStreams } from './feed-streams.service';

/** The event feed for other services: catch-up pages and Server-Sent Events over `$all`. */
@Module({
  controllers: [FeedController],
  providers: [FeedStreams],
  exports: [FeedStreams],
})
export class FeedModule {}
