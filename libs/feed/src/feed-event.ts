import { actorOf, encodePosition, occurredAtOf, RecordedEvent } from '@shoplink/event-store';
import { ACCOUNT_EVENT_TYPES } from '@shoplink/accounts';
import { BUSINESS_REGISTRATION_EVENT_TYPES, SHOP_EVENT_TYPES } from '@shoplink/shops';

/** Every event type the feed can be filtered on: the shop streams', the account claim streams' and the business registration claims'. */
export const FEED_EVENT_TYPES: readonly string[] = [...SHOP_EVENT_TYPES, ...ACCOUNT_EVENT_TYPES, ...BUSINESS_REGISTRATION_EVENT_TYPES];

/**
 * One event as other services see it: lean on purpose. The position (the feed's cursor and
 * the SSE id), where it happened, what and when, who acted and the correlation id; no hash
 * chain, command or causation ids (auditors read those from /v1/audit/streams/…/events).
 */
export interface FeedEvent {
  readonly position: string;
  readonly streamId: string;
  readonly revision: number;
  readonly id: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredAt: string;
  /** `kind:id` as in X-Actor, e.g. `member:m-17`; null when the event names no actor. */
  readonly actor: string | null;
  readonly correlationId: string | null;
}

/** Data fields never sent to other services: an unlink code's salted hash is only for confirming it. */
const HIDDEN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  UnlinkRequested: ['codeHash', 'codeSalt'],
};

export function toFeedEvent(event: RecordedEvent): FeedEvent {
  const { metadata } = event;
  return {
    position: encodePosition(event.position),
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    data: withoutHidden(event.type, event.data),
    occurredAt: occurredAtOf(event),
    actor: actorOf(event),
    correlationId: typeof metadata.correlationId === 'string' ? metadata.correlationId : null,
  };
}

function withoutHidden(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const hidden = HIDDEN_FIELDS[type];
  if (!hidden) return data;
  return Object.fromEntries(Object.entries(data).filter(([key]) => !hidden.includes(key)));
}
