import { EventStore, RecordedEvent, StreamNotFoundError } from '@shoplink/event-store';
import { shopStreamId } from '@shoplink/shops';
import { CliError, EXIT } from './cli-command';

const PAGE = 1000;

/** A shop's events in revision order, read a page at a time so a long history never sits in memory whole. */
export async function* shopEvents(store: EventStore, shopId: string): AsyncGenerator<RecordedEvent> {
  const streamId = shopStreamId(shopId);
  let fromRevision = 0;
  for (;;) {
    let page: RecordedEvent[];
    try {
      page = await store.readStream(streamId, { fromRevision, maxCount: PAGE });
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new CliError(EXIT.notFound, 'SHOP_NOT_FOUND', `No shop ${shopId} in this log`);
      throw error;
    }
    yield* page;
    if (page.length < PAGE) return;
    fromRevision = page[page.length - 1].revision + 1;
  }
}
