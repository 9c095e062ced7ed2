import { accountStreamId } from '@shoplink/accounts';
import { ChainProblem, EventStore, RecordedEvent, StreamNotFoundError, verifyChain } from '@shoplink/event-store';
import { shopStreamId } from '../domain/shop.events';
import { ShopRuleViolation } from '../domain/shop-rule-violation';

export interface StreamIntegrity {
  readonly streamId: string;
  readonly intact: boolean;
  readonly events: number;
  readonly firstProblem: ChainProblem | null;
  /**
   * Revision and hash of the last event: record them, and a later check that finds a shorter stream or another hash
   * proves a truncation.
   */
  readonly lastRevision: number;
  readonly lastHash: string | null;
}

export interface ShopIntegrity extends StreamIntegrity {
  readonly shopId: string;
  /** The account streams (`account-<id>`) holding the claims of the accounts this shop linked or tried to. */
  readonly accountStreams: readonly StreamIntegrity[];
}

/**
 * Verifies a shop's hash chain and the chains of the account streams its links went through.
 * `intact` is true only when every one of them is; `firstProblem` is the shop stream's first break,
 * else the first broken account stream's (each problem names its stream). An account the shop
 * linked must have a claim stream: one that is gone is reported as removed.
 * Deleting the last events of a stream breaks no chain; `verifyLog` over the whole embedded log
 * catches that (a hole in the positions), and so does comparing `lastRevision`/`lastHash` with an
 * earlier answer.
 */
export async function verifyShopIntegrity(store: EventStore, shopId: string): Promise<ShopIntegrity> {
  const streamId = shopStreamId(shopId);
  const events = await readWhole(store, streamId);
  if (events === null) throw new ShopRuleViolation('SHOP_NOT_FOUND', 'not_found', `No shop ${shopId}`);
  const shop = integrityOf(streamId, events);

  const accountStreams: StreamIntegrity[] = [];
  for (const { accountId, linked } of accountsOf(events)) {
    const accountStream = accountStreamId(accountId);
    const accountEvents = await readWhole(store, accountStream);
    if (accountEvents !== null) accountStreams.push(integrityOf(accountStream, accountEvents));
    else if (linked) accountStreams.push(missingStream(accountStream, accountId, shopId));
  }
  const broken = [shop, ...accountStreams].find((s) => !s.intact);
  return { shopId, ...shop, intact: broken === undefined, firstProblem: broken?.firstProblem ?? null, accountStreams };
}

function integrityOf(streamId: string, events: readonly RecordedEvent[]): StreamIntegrity {
  const verdict = verifyChain(streamId, events);
  return {
    streamId,
    intact: verdict.intact,
    events: verdict.events,
    firstProblem: verdict.firstProblem,
    lastRevision: events.length === 0 ? -1 : events[events.length - 1].revision,
    lastHash: verdict.lastHash,
  };
}

function missingStream(streamId: string, accountId: string, shopId: string): StreamIntegrity {
  return {
    streamId,
    intact: false,
    events: 0,
    firstProblem: {
      kind: 'removed',
      streamId,
      revision: 0,
      eventId: null,
      message: `Shop ${shopId} linked account ${accountId}, but its claim stream ${streamId} is gone`,
    },
    lastRevision: -1,
    lastHash: null,
  };
}

/** Every account the shop's events name, in order of appearance, and whether it was ever linked (so it must have a claim). */
function accountsOf(events: readonly RecordedEvent[]): { accountId: string; linked: boolean }[] {
  const accounts = new Map<string, boolean>();
  for (const event of events) {
    const accountId = event.data.accountId;
    if (typeof accountId !== 'string' || accountId === '') continue;
    accounts.set(accountId, (accounts.get(accountId) ?? false) || event.type === 'AccountLinked');
  }
  return [...accounts].map(([accountId, linked]) => ({ accountId, linked }));
}

async function readWhole(store: EventStore, streamId: string): Promise<RecordedEvent[] | null> {
  try {
    return await store.readStream(streamId);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return null;
    throw error;
  }
}
