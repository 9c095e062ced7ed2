import { encodePosition, RecordedEvent } from '@shoplink/event-store';
import { toFeedEvent } from '@shoplink/feed';
import { WebhookPayload } from './subscription-documents';

/** An event as a delivery carries it: the feed's lean view (hidden fields left out), its actor and correlation id as metadata. */
export function webhookPayloadOf(event: RecordedEvent): WebhookPayload {
  const lean = toFeedEvent(event);
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: event.revision,
    position: encodePosition(event.position),
    occurredAt: lean.occurredAt,
    data: lean.data,
    metadata: { actor: lean.actor, correlationId: lean.correlationId },
  };
}
