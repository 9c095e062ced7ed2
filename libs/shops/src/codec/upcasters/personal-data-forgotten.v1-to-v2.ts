import { Upcaster } from '@shoplink/event-store';

/**
 * PersonalDataForgotten v2 names the support ticket of the erasure request. Erasures recorded
 * before tickets were required carry none: null, never a made-up one.
 */
export const personalDataForgottenV1ToV2: Upcaster = {
  type: 'PersonalDataForgotten',
  fromVersion: 1,
  upcast: (data) => ({ ...data, ticketId: typeof data.ticketId === 'string' ? data.ticketId : null }),
};
