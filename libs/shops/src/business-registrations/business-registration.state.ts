import { BusinessRegistrationEvent } from './business-registration.events';

export interface BusinessRegistrationClaim {
  readonly shopId: string;
  readonly claimedAt: string;
}

/** The shop holding the business's registration in the market, if any. */
export interface BusinessRegistrationState {
  readonly current: BusinessRegistrationClaim | null;
}

export const initialBusinessRegistration: BusinessRegistrationState = { current: null };

export function evolveBusinessRegistration(state: BusinessRegistrationState, event: BusinessRegistrationEvent): BusinessRegistrationState {
  switch (event.type) {
    case 'BusinessRegistrationClaimed':
      return { current: { shopId: event.data.shopId, claimedAt: event.data.claimedAt } };
    case 'BusinessRegistrationReleased':
      return state.current?.shopId === event.data.shopId ? { current: null } : state;
    default:
      return assertNever(event);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled business registration event ${JSON.stringify(value)}`);
}
