import { Decoded, EventCodec } from '@shoplink/event-store';
import { ACCOUNT_EVENT_TYPES, AccountEvent } from '../domain/account.events';

/** Where a recorded account claim event becomes an AccountEvent. Every type is still at version 1. */
export const accountEventCodec = new EventCodec<AccountEvent>(ACCOUNT_EVENT_TYPES, []);

/** An account claim event as read from the log, with its envelope. */
export type RecordedAccountEvent = Decoded<AccountEvent>;
