import { Module } from '@nestjs/common';
import { HistoryController } from './history.http.controller';
import { ReadYourWritesBridge } from './read-your-writes.bridge';
import { TimelineReader } from './timeline-reader';

/**
 * A shop's history: the timeline pages and their streamed export. Reads the timeline read
 * model (READ_MODEL_STORE, from the global StorageModule) by document id: it needs no index.
 */
@Module({ controllers: [HistoryController], providers: [TimelineReader, ReadYourWritesBridge] })
export class HistoryModule {}
