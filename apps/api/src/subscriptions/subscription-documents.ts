/** A subscription as stored in the read-model store (collection `webhook_subscriptions`). */
export interface SubscriptionDocument {
  readonly [key: string]: unknown;
  readonly id: string;
  readonly url: string;
  /** Empty: every event type. */
  readonly eventTypes: string[];
  readonly description: string;
  readonly state: 'active' | 'paused';
  readonly createdAt: string;
  readonly createdBy: string;
  /** Newest first; each sealed with the subscription's own key. `validUntil` null: the current one. */
  readonly secrets: { readonly sealed: string; readonly validUntil: string | null }[];
  /** The event being retried, if any: how many attempts failed and when the next is due. */
  readonly failing: { readonly eventId: string; readonly attempts: number; readonly nextAttemptAt: string } | null;
  /** Attempts recorded so far; names each attempt document and bounds the attempt log. */
  readonly deliverySeq: number;
}

/** What one attempt was: its event, its number, how it ended. */
export interface AttemptFacts {
  readonly eventId: string;
  readonly eventType: string;
  readonly streamId: string;
  readonly position: string;
  readonly attempt: number;
  readonly outcome: 'delivered' | 'failed' | 'dead-lettered';
  readonly statusCode: number | null;
  readonly latencyMs: number;
  readonly error: string | null;
}

/** One delivery attempt (collection `webhook_deliveries`, id `<subscriptionId>:<seq>`). */
export interface DeliveryAttemptDocument extends AttemptFacts {
  readonly [key: string]: unknown;
  readonly subscriptionId: string;
  readonly seq: number;
  readonly at: string;
}

/** A parked event (collection `webhook_dead_letters`, id = deliveryId). */
export interface DeadLetterDocument {
  readonly [key: string]: unknown;
  readonly deliveryId: string;
  readonly subscriptionId: string;
  readonly state: 'parked' | 'redelivered';
  readonly parkedAt: string;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly lastStatusCode: number | null;
  /** The delivery body as sent, so a redelivery sends the very same event. */
  readonly payload: WebhookPayload;
}

/** The JSON body of a delivery (docs/webhooks.md). */
export interface WebhookPayload {
  readonly [key: string]: unknown;
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: number;
  readonly position: string;
  readonly occurredAt: string;
  readonly data: Record<string, unknown>;
  readonly metadata: Record<string, unknown>;
}

export const SUBSCRIPTIONS = 'webhook_subscriptions';
export const DELIVERIES = 'webhook_deliveries';
export const DEAD_LETTERS = 'webhook_dead_letters';

/** The attempt log keeps this many attempts per subscription; older ones are deleted as new ones are written. */
export const DELIVERY_LOG_RETENTION = 500;

/** The checkpoint that is the subscription's delivery cursor: the last position delivered (or passed over). */
export const cursorName = (subscriptionId: string): string => `webhook-subscription:${subscriptionId}`;

/** Whose personal-data key seals the subscription's secrets: forgetting it on unsubscribe shreds them. */
export const secretOwner = (subscriptionId: string): string => `webhook-subscription~${subscriptionId}`;

export const attemptId = (subscriptionId: string, seq: number): string => `${subscriptionId}:${String(seq).padStart(12, '0')}`;
