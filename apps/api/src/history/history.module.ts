import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { TIMELINE_INDEXES } from '@shoplink/shops';
import { HistoryController } from './history.http.controller';
import { ReadYourWritesBridge } from './read-your-writes.bridge';
import { TimelineReader } from './timeline-reader';

/**
 * A shop's history: the timeline pages and their streamed export. Reads the timeline read
 * model (READ_MODEL_STORE, from the global StorageModule) and makes sure its indexes exist.
 */
@Module({ controllers: [HistoryController], providers: [TimelineReader, ReadYourWritesBridge] })
export class HistoryModule implements OnModuleInit {
  constructor(@Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore) {}

  async onModuleInit(): Promise<void> {
    await this.readModels.ensureIndexes(TIMELINE_INDEXES);
  }
}
