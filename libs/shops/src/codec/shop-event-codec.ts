// Stand-in until the typed codec lands (replaced at merge).
import { DomainEventCodec } from '@shoplink/command-handling';
import { RecordedEvent } from '@shoplink/event-store';
import { ShopEvent } from '../domain/shop.events';

export const shopEventCodec: DomainEventCodec<ShopEvent> = {
  decode: (recorded: RecordedEvent) => recorded as unknown as ShopEvent,
  encode: (event: ShopEvent) => ({ type: event.type, data: event.data, schemaVersion: 1 }),
};
