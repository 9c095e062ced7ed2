import { BusinessRegistrationEvent } from './business-registration.events';
import { BusinessRegistrationClaim, BusinessRegistrationState } from './business-registration.state';

export interface BusinessRegistrationRequest {
  readonly region: string;
  readonly registrationNumber: string;
  readonly shopId: string;
}

/** What the holder's own stream says: registered (and closed or not), or not (yet) registered. */
export type HolderStanding = 'registered' | 'closed' | 'not_registered';

/** The business already has its shop in this market. */
export class BusinessAlreadyRegistered extends Error {
  readonly code = 'BUSINESS_ALREADY_REGISTERED';
  constructor(
    message: string,
    readonly holder: BusinessRegistrationClaim,
    readonly holderClosed: boolean,
  ) {
    super(message);
    this.name = 'BusinessAlreadyRegistered';
  }
}

/**
 * Claims the business's registration in the market for a shop. The claim is never given back once
 * its shop is registered: a deactivated shop comes back by reactivation, and a closed one never does,
 * so the business registers no second shop there. A claim whose shop never recorded its registration
 * after the grace period (a crash between the two appends, or a refused shop append) is dead, and is
 * released on the way (`abandoned`), so no crash can lock a business out.
 */
export function decideBusinessRegistrationClaim(
  state: BusinessRegistrationState,
  request: BusinessRegistrationRequest,
  ctx: { readonly now: Date; readonly holder: HolderStanding; readonly withinGrace: boolean },
): BusinessRegistrationEvent[] {
  const at = ctx.now.toISOString();
  const { region, registrationNumber, shopId } = request;
  const current = state.current;
  // The same shop again (a retried registration): its claim holds.
  if (current?.shopId === shopId) return [];
  const released: BusinessRegistrationEvent[] = [];
  if (current !== null) {
    if (ctx.holder !== 'not_registered' || ctx.withinGrace) {
      const closed = ctx.holder === 'closed';
      const message = closed
        ? `Business ${registrationNumber} closed its shop ${current.shopId} in ${region} for good and may not register again there`
        : `Business ${registrationNumber} already has shop ${current.shopId} in ${region}`;
      throw new BusinessAlreadyRegistered(message, current, closed);
    }
    released.push({
      type: 'BusinessRegistrationReleased',
      data: { region, registrationNumber, shopId: current.shopId, reason: 'abandoned', releasedAt: at },
    });
  }
  return [...released, { type: 'BusinessRegistrationClaimed', data: { region, registrationNumber, shopId, claimedAt: at } }];
}
