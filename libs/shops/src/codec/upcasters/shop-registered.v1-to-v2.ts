import { Upcaster } from '@shoplink/event-store';

/**
 * ShopRegistered v2 carries the business registration number. Shops registered before it was
 * asked have none: null, never a made-up one.
 */
export const shopRegisteredV1ToV2: Upcaster = {
  type: 'ShopRegistered',
  fromVersion: 1,
  upcast: (data) => ({ ...data, registrationNumber: typeof data.registrationNumber === 'string' ? data.registrationNumber : null }),
};
