// Stand-in until the typed codec lands (replaced at merge).
import { DomainEventCodec } from '@shoplink/command-handling';
import { RecordedEvent } from '@shoplink/event-store';
import { AccountEvent } from '../domain/account.events';

export const accountEventCodec: DomainEventCodec<AccountEvent> = {
  decode: (recorded: RecordedEvent) => recorded as unknown as AccountEvent,
  encode: (event: AccountEvent) => ({ type: event.type, data: event.data, schemaVersion: 1 }),
};
