import { Module } from '@nestjs/common';
import { EVENT_STORE, EventStore, STORED_EVENT_STORE } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import {
  ExportShopHistory,
  ExportShopHistoryHandler,
  GetShopHistory,
  GetShopHistoryHandler,
  GetShopStateAsOf,
  GetShopStateAsOfHandler,
  GetStreamEvents,
  GetStreamEventsHandler,
  TimelineReader,
  VerifyShopIntegrity,
  VerifyShopIntegrityHandler,
} from '@shoplink/shops';
import { HistoryController } from '../history/history.http.controller';
import { onQueryBus } from '../messaging/bus-handlers';
import { AuditController } from './audit.http.controller';
import { AppConfig } from '../config/app-config';
import { loadDigestConfig } from '../config/digest-config';
import { APP_CONFIG } from '../config/tokens';
import { DigestAnchorTimer } from './digest-anchor-timer';
import { DIGEST_CONFIG, LogDigests } from './log-digests';

/** Entries are rendered from the log as stored: personal fields stay sealed until the answer opens them. */
const TimelineReaderProvider = {
  provide: TimelineReader,
  inject: [READ_MODEL_STORE, STORED_EVENT_STORE],
  useFactory: (readModels: ReadModelStore, stored: EventStore) => new TimelineReader(readModels, stored),
};

/**
 * Auditors: a shop's history and its export (from the timeline read model), raw events, state as of
 * a moment or revision, integrity (from the event store). Raw events and hash chains are about the
 * bytes as stored, so they read the log beneath the personal-data sealing.
 */
@Module({
  controllers: [AuditController, HistoryController],
  providers: [
    TimelineReaderProvider,
    // Loaded with the configuration in main.ts (exit 78 when production has no key); a test's config leaves it to the local default.
    {
      provide: DIGEST_CONFIG,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => config.digests ?? loadDigestConfig({}, config.dataFile),
    },
    LogDigests,
    DigestAnchorTimer,
    onQueryBus(GetShopHistory, [TimelineReader], (timeline: TimelineReader) => new GetShopHistoryHandler(timeline)),
    onQueryBus(ExportShopHistory, [TimelineReader], (timeline: TimelineReader) => new ExportShopHistoryHandler(timeline)),
    onQueryBus(GetStreamEvents, [STORED_EVENT_STORE], (stored: EventStore) => new GetStreamEventsHandler(stored)),
    onQueryBus(GetShopStateAsOf, [EVENT_STORE], (events: EventStore) => new GetShopStateAsOfHandler(events)),
    onQueryBus(VerifyShopIntegrity, [STORED_EVENT_STORE], (stored: EventStore) => new VerifyShopIntegrityHandler(stored)),
  ],
})
export class AuditModule {}
