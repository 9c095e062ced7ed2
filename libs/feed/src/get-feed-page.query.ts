import { QueryMessage } from '@shoplink/command-handling';
import { encodePosition, EventStore, Position, START } from '@shoplink/event-store';
import { FeedEvent, toFeedEvent } from './feed-event';

/** Events read per page of `$all` while filtering; one answer examines at most SCAN_LIMIT events. */
const READ_PAGE = 512;
const SCAN_LIMIT = 10_000;

export interface FeedPage {
  readonly events: readonly FeedEvent[];
  /** Continue with `after=nextAfter`; null when the log is empty. */
  readonly nextAfter: string | null;
  /** True when the answer reached the end of the log. */
  readonly caughtUp: boolean;
}

/** GET /v1/feed: events strictly after `after` (from the start when null), optionally of some types, oldest first. */
export class GetFeedPage implements QueryMessage<FeedPage> {
  declare readonly resultType?: FeedPage;
  readonly queryType = 'GetFeedPage';
  constructor(
    readonly after: Position | null,
    readonly types: ReadonlySet<string> | null,
    readonly limit: number,
  ) {}
}

export class GetFeedPageHandler {
  constructor(private readonly events: EventStore) {}

  async execute({ after, types, limit }: GetFeedPage): Promise<FeedPage> {
    const events: FeedEvent[] = [];
    let cursor: Position = after ?? START;
    let scanned = 0;
    let caughtUp = false;
    // Filtering may pass over many events; at most SCAN_LIMIT are examined per answer, and
    // nextAfter then moves past them, so a client paging on never examines one twice.
    while (scanned < SCAN_LIMIT) {
      const wanted = Math.min(READ_PAGE, SCAN_LIMIT - scanned);
      const page = await this.events.readAll({ after: cursor, maxCount: wanted });
      let full = false;
      for (const event of page) {
        scanned += 1;
        cursor = event.position;
        if (types && !types.has(event.type)) continue;
        events.push(toFeedEvent(event));
        if ((full = events.length >= limit)) break;
      }
      if (full) break;
      if (page.length < wanted) {
        caughtUp = true;
        break;
      }
    }
    return { events, nextAfter: cursor === START ? null : encodePosition(cursor), caughtUp };
  }
}
