import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '@shoplink/event-store';
import { READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { ACCOUNTS_COLLECTION, AccountDocument, AccountStanding, AccountStandingReader, UNKNOWN_ACCOUNT } from '@shoplink/shops';
import { ShopProjectorService } from '../../projections/shop-projector.service';

/**
 * An account's standing across shops, read from the account read model after it has
 * caught up with the log's head, so a link made a moment ago elsewhere is seen.
 * Two shops deciding in the same instant can still both pass: the race-proof
 * reservation on an account stream is the life-cycle issue's work (README, "Cross-shop rules").
 */
@Injectable()
export class ReadModelAccountStanding implements AccountStandingReader {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_MODEL_STORE) private readonly readModels: ReadModelStore,
    private readonly projector: ShopProjectorService,
  ) {}

  async standingOf(accountId: string): Promise<AccountStanding> {
    await this.projector.waitFor(await this.events.headPosition(), 2000);
    const doc = (await this.readModels.get(ACCOUNTS_COLLECTION, accountId)) as AccountDocument | null;
    if (doc === null) return UNKNOWN_ACCOUNT;
    return { linkedTo: doc.linkedTo ? { shopId: doc.linkedTo.shopId, role: doc.linkedTo.role } : null, recentLinks: doc.linkHistory };
  }
}
