import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position, RecordedEvent } from '@shoplink/event-store';
import { nextStep, NextStep, signatureHeader, wantsEvent, DeliveryOutcome } from '@shoplink/subscriptions';
import { randomUUID } from 'node:crypto';
import {
  AttemptFacts,
  attemptId,
  DEAD_LETTERS,
  DeadLetterDocument,
  DeliveryAttemptDocument,
  DELIVERIES,
  DELIVERY_LOG_RETENTION,
  SubscriptionDocument,
  WebhookPayload,
} from './subscription-documents';
import { samePosition, SubscriptionStore } from './subscription-store';
import { webhookPayloadOf } from './webhook-payload';
import { sendWebhook } from './webhook-sender';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';
import { DocumentWrite } from '@shoplink/read-models';
import { ShoplinkMetrics } from '../observability/metrics/shoplink-metrics';

/** Events read from the log per step of one subscription. */
const READ_BATCH = 100;
/** How long a shutdown waits for deliveries in flight; beyond, they are abandoned (the cursor has not moved: sent again later). */
const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Delivers the log to each active subscription, strictly in log order per subscription (so in
 * order per shop too): one worker per subscription sends the event after its cursor, and moves the
 * cursor only once a 2xx came back. A failing event holds back every later one of that
 * subscription, retried with backoff, until it is parked as a dead letter.
 */
@Injectable()
export class WebhookDeliverer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private readonly workers = new Map<string, Promise<void>>();
  private readonly sleepers = new Set<() => void>();
  private stopping = false;
  private supervisor: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly store: SubscriptionStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
    private readonly metrics: ShoplinkMetrics,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.store.ensureIndexes();
    if (!this.settings.deliverInProcess) return;
    this.supervisor = this.supervise();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wakeAll();
    const running = Promise.all([this.supervisor, ...this.workers.values()]);
    const waited = await Promise.race([running.then(() => true), sleep(SHUTDOWN_WAIT_MS).then(() => false)]);
    if (!waited)
      this.logger.warn(`deliveries still in flight after ${SHUTDOWN_WAIT_MS} ms were abandoned; they are sent again after the restart`);
  }

  /** Starts delivering to a subscription at once (created, resumed, replayed) rather than at the next sweep. */
  wake(id: string): void {
    if (!this.settings.deliverInProcess || this.stopping) return;
    this.wakeAll();
    this.ensureWorker(id);
  }

  private async supervise(): Promise<void> {
    while (!this.stopping) {
      try {
        for (const subscription of await this.store.all()) if (subscription.state === 'active') this.ensureWorker(subscription.id);
      } catch (error) {
        this.logger.error(`listing subscriptions failed, retrying: ${String(error)}`);
      }
      await this.sleep(this.settings.pollIntervalMs * 4);
    }
  }

  private ensureWorker(id: string): void {
    if (this.workers.has(id)) return;
    const worker = this.work(id).finally(() => this.workers.delete(id));
    this.workers.set(id, worker);
  }

  private async work(id: string): Promise<void> {
    while (!this.stopping) {
      let waitMs: number | null;
      try {
        waitMs = await this.step(id);
      } catch (error) {
        this.logger.error(`delivering to subscription ${id} failed, retrying: ${String(error)}`);
        waitMs = this.settings.pollIntervalMs;
      }
      if (waitMs === null) return;
      if (waitMs > 0) await this.sleep(waitMs);
    }
  }

  /** One pass: answers how long to wait before the next, or null when the subscription is paused or gone. */
  private async step(id: string): Promise<number | null> {
    let subscription = await this.store.get(id);
    if (!subscription || subscription.state !== 'active') return null;
    const now = Date.now();
    if (subscription.failing && Date.parse(subscription.failing.nextAttemptAt) > now) {
      // Woken every poll interval at most, so a pause or a replay meanwhile is noticed.
      return Math.min(Date.parse(subscription.failing.nextAttemptAt) - now, this.settings.pollIntervalMs);
    }
    let cursor = await this.store.cursor(id);
    const batch = await this.events.readAll({ after: cursor, maxCount: READ_BATCH });
    if (batch.length === 0) {
      this.metrics.webhookLag.set({ subscription: id }, 0);
      return this.settings.pollIntervalMs;
    }
    let passedOver: RecordedEvent | null = null;
    for (const event of batch) {
      if (this.stopping) break;
      if (!wantsEvent(subscription.eventTypes, event.type)) {
        passedOver = event;
        continue;
      }
      passedOver = null;
      const attempt = subscription.failing?.eventId === event.id ? subscription.failing.attempts + 1 : 1;
      const payload = webhookPayloadOf(event);
      const started = Date.now();
      this.metrics.webhookLag.set({ subscription: id }, Math.max(0, (started - Date.parse(payload.occurredAt)) / 1000));
      const outcome = await this.send(subscription, payload, attempt);
      const step = nextStep(outcome, attempt, this.settings.maxAttempts, {
        baseMs: this.settings.backoffBaseMs,
        maxMs: this.settings.backoffMaxMs,
      });
      const written = await this.record(id, cursor, event, payload, attempt, outcome, step, Date.now() - started);
      this.metrics.webhookDeliveries.inc({
        status: step.kind === 'advance' ? 'delivered' : step.kind === 'retry' ? 'failed' : 'dead_lettered',
      });
      // Paused, unsubscribed or replayed meanwhile: start over from what is stored now.
      if (!written) return 0;
      if (step.kind === 'retry') return 0;
      subscription = written;
      cursor = event.position;
    }
    if (passedOver !== null) {
      // Events of no interest move the cursor too, so a quiet subscription is not re-read from far behind.
      const last = passedOver;
      const from = cursor;
      await this.store.change(id, async (current, stored) =>
        current && samePosition(stored, from) ? [{ subscription: current, cursor: cursorAt(last) }, undefined] : [null, undefined],
      );
    }
    return batch.length < READ_BATCH ? this.settings.pollIntervalMs : 0;
  }

  /** Sends one event, signed with every secret still valid. */
  async send(subscription: SubscriptionDocument, payload: WebhookPayload, attempt: number): Promise<DeliveryOutcome> {
    const body = JSON.stringify(payload);
    const secrets = await this.store.validSecrets(subscription, new Date());
    const headers = {
      'Shoplink-Event-Id': payload.id,
      'Shoplink-Delivery-Attempt': String(attempt),
      'Shoplink-Signature': signatureHeader(body, secrets, Date.now() / 1000),
    };
    return sendWebhook(new URL(subscription.url), body, headers, this.settings.allowList, this.settings.timeoutMs);
  }

  /** Records the attempt and what follows it, with the cursor, in one commit; null when the subscription changed meanwhile. */
  private record(
    id: string,
    cursorBefore: Position,
    event: RecordedEvent,
    payload: WebhookPayload,
    attempt: number,
    outcome: DeliveryOutcome,
    step: NextStep,
    latencyMs: number,
  ): Promise<SubscriptionDocument | null> {
    return this.store.change<SubscriptionDocument | null>(id, async (current, cursor) => {
      if (!current || current.state !== 'active' || !samePosition(cursor, cursorBefore)) return [null, null];
      const { subscription: counted, writes } = attemptWrites(current, {
        eventId: event.id,
        eventType: event.type,
        streamId: event.streamId,
        position: payload.position,
        attempt,
        outcome: step.kind === 'advance' ? 'delivered' : step.kind === 'retry' ? 'failed' : 'dead-lettered',
        statusCode: outcome.statusCode,
        latencyMs,
        error: outcome.ok ? null : outcome.error,
      });
      if (step.kind === 'retry') {
        const failing = { eventId: event.id, attempts: attempt, nextAttemptAt: new Date(Date.now() + step.delayMs).toISOString() };
        const next = { ...counted, failing };
        return [{ subscription: next, writes }, next];
      }
      const next = { ...counted, failing: null };
      if (step.kind === 'dead-letter') {
        const deadLetter: DeadLetterDocument = {
          deliveryId: randomUUID(),
          subscriptionId: id,
          state: 'parked',
          parkedAt: new Date().toISOString(),
          attempts: attempt,
          lastError: outcome.ok ? null : outcome.error,
          lastStatusCode: outcome.statusCode,
          payload,
        };
        writes.push({ collection: DEAD_LETTERS, id: deadLetter.deliveryId, doc: deadLetter });
        this.logger.warn(`subscription ${id}: event ${event.id} parked as dead letter ${deadLetter.deliveryId} after ${attempt} attempts`);
      }
      return [{ subscription: next, cursor: cursorAt(event), writes }, next];
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  private wakeAll(): void {
    for (const wake of [...this.sleepers]) wake();
  }
}

/** The attempt as a document, the subscription with its count moved on, and the attempt beyond the retention deleted. */
export function attemptWrites(
  subscription: SubscriptionDocument,
  facts: AttemptFacts,
): { subscription: SubscriptionDocument; writes: DocumentWrite[] } {
  const seq = subscription.deliverySeq + 1;
  const doc: DeliveryAttemptDocument = { subscriptionId: subscription.id, seq, at: new Date().toISOString(), ...facts };
  const writes: DocumentWrite[] = [{ collection: DELIVERIES, id: attemptId(subscription.id, seq), doc }];
  if (seq > DELIVERY_LOG_RETENTION)
    writes.push({ collection: DELIVERIES, id: attemptId(subscription.id, seq - DELIVERY_LOG_RETENTION), doc: null });
  return { subscription: { ...subscription, deliverySeq: seq }, writes };
}

const cursorAt = (event: RecordedEvent): { position: Position; eventCreatedAt: Date } => ({
  position: event.position,
  eventCreatedAt: event.createdAt,
});

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());
