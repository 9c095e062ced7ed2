import { Decoded, EventCodec, Upcaster } from '@shoplink/event-store';
import { SHOP_EVENT_TYPES, ShopEvent } from '../domain/shop.events';
import { accountLinkRequestedV1ToV2 } from './upcasters/account-link-requested.v1-to-v2';
import { personalDataForgottenV1ToV2 } from './upcasters/personal-data-forgotten.v1-to-v2';
import { shopDeactivatedV1ToV2 } from './upcasters/shop-deactivated.v1-to-v2';
import { shopRegisteredV1ToV2 } from './upcasters/shop-registered.v1-to-v2';

/** Every step of every shop event type's schema history, oldest first within a type. */
export const SHOP_EVENT_UPCASTERS: readonly Upcaster[] = [
  accountLinkRequestedV1ToV2,
  personalDataForgottenV1ToV2,
  shopDeactivatedV1ToV2,
  shopRegisteredV1ToV2,
];

/** Where a recorded shop event becomes a ShopEvent: upcast to its type's current schema version. */
export const shopEventCodec = new EventCodec<ShopEvent>(SHOP_EVENT_TYPES, SHOP_EVENT_UPCASTERS);

/** A shop event as read from the log: the domain event at its current version, with its envelope. */
export type RecordedShopEvent = Decoded<ShopEvent>;
