import { Upcaster } from '@shoplink/event-store';

/**
 * AccountLinkRequested v2 always says which account the request replaces: null, unless a switch
 * of the official account asked for it. v1 left the field out unless a switch set it. Data that
 * already has it keeps its value: a v1 switch, and v2 data written while the write path still
 * labelled every event version 1.
 */
export const accountLinkRequestedV1ToV2: Upcaster = {
  type: 'AccountLinkRequested',
  fromVersion: 1,
  upcast: (data) => ({ ...data, replacesAccountId: typeof data.replacesAccountId === 'string' ? data.replacesAccountId : null }),
};
