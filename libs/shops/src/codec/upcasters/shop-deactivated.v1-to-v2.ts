import { Upcaster } from '@shoplink/event-store';

/**
 * ShopDeactivated v2 names the support ticket when a support agent deactivated on the seller's
 * behalf. Deactivations recorded before support could deactivate were the seller's own: null.
 */
export const shopDeactivatedV1ToV2: Upcaster = {
  type: 'ShopDeactivated',
  fromVersion: 1,
  upcast: (data) => ({ ...data, ticketId: typeof data.ticketId === 'string' ? data.ticketId : null }),
};
