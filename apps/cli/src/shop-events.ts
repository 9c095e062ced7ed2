import {
  ChainStart,
  EventStore,
  GENESIS_HASH,
  locatedProblem,
  readStreamWithStoredForm,
  RecordedEvent,
  StreamIntegrityProblem,
  StreamNotFoundError,
  verifyChain,
} from '@shoplink/event-store';
import { shopStreamId } from '@shoplink/shops';
import { CliError, EXIT } from './cli-command';

const PAGE = 1000;

/** What a walk along a shop's stream found of its hash chain: the first break, once the walk is over. */
export interface ChainCheck {
  firstProblem: StreamIntegrityProblem | null;
}

/**
 * A shop's events in revision order, read a page at a time so a long history never sits in memory
 * whole. With `chain`, each page's hash chain is checked as stored (on from the page before) and the
 * first break is left in it: the reader prints what the events say, then warns.
 */
export async function* shopEvents(store: EventStore, shopId: string, chain?: ChainCheck): AsyncGenerator<RecordedEvent> {
  const streamId = shopStreamId(shopId);
  let fromRevision = 0;
  let start: ChainStart = { revision: 0, previousHash: GENESIS_HASH };
  for (;;) {
    let page: { stored: RecordedEvent[]; read: RecordedEvent[] };
    try {
      page = await readStreamWithStoredForm(store, streamId, { fromRevision, maxCount: PAGE });
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw new CliError(EXIT.notFound, 'SHOP_NOT_FOUND', `No shop ${shopId} in this log`);
      throw error;
    }
    if (chain !== undefined && chain.firstProblem === null && page.stored.length > 0) {
      const verdict = verifyChain(streamId, page.stored, start);
      if (verdict.firstProblem !== null) chain.firstProblem = locatedProblem(verdict.firstProblem, page.stored);
      else start = { revision: page.stored[page.stored.length - 1].revision + 1, previousHash: verdict.lastHash! };
    }
    yield* page.read;
    if (page.read.length < PAGE) return;
    fromRevision = page.read[page.read.length - 1].revision + 1;
  }
}
