import { Inject, Injectable } from '@nestjs/common';
import { encodePosition, EVENT_STORE, EventStore, occurredAtOf, parsePosition, Position, positionAt, START } from '@shoplink/event-store';
import { urlProblem } from '@shoplink/subscriptions';
import { randomBytes, randomUUID } from 'node:crypto';
import { FieldProblem, ValidationFailedError } from '../http/validation-failed.error';
import { DEAD_LETTERS, DeadLetterDocument, DELIVERIES, SubscriptionDocument } from './subscription-documents';
import { SubscriptionStore } from './subscription-store';
import { attemptWrites, WebhookDeliverer } from './webhook-deliverer.service';
import { DestinationRefusedError, resolveDestination } from './webhook-sender';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

export class SubscriptionNotFoundError extends Error {}

/** The subscription as the API shows it: never a secret, with its cursor and how far behind the log it is. */
export interface SubscriptionView {
  readonly subscriptionId: string;
  readonly url: string;
  readonly eventTypes: string[];
  readonly description: string;
  readonly state: 'active' | 'paused';
  readonly createdAt: string;
  readonly cursorPosition: string | null;
  readonly headPosition: string | null;
  /** Age of the oldest event not yet delivered (or passed over); 0 when caught up. */
  readonly lagSeconds: number;
  readonly failing: SubscriptionDocument['failing'];
  readonly secretsValid: number;
}

@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly store: SubscriptionStore,
    private readonly deliverer: WebhookDeliverer,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  /** Checks the destination now (it is checked again at every delivery), then stores the subscription; from the head of the log on. */
  async create(
    input: { url: string; eventTypes: string[]; description: string },
    createdBy: string,
  ): Promise<{ subscriptionId: string; secret: string; subscription: SubscriptionView }> {
    await this.checkDestination(input.url);
    const id = `sub-${randomUUID()}`;
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const sealed = await this.store.sealSecret(id, secret);
    const head = await this.events.headPosition();
    const doc: SubscriptionDocument = {
      id,
      url: input.url,
      eventTypes: [...input.eventTypes],
      description: input.description,
      state: 'active',
      createdAt: new Date().toISOString(),
      createdBy,
      secrets: [{ sealed, validUntil: null }],
      failing: null,
      deliverySeq: 0,
    };
    await this.store.change(id, async () => [{ subscription: doc, cursor: { position: head, eventCreatedAt: new Date() } }, undefined]);
    this.deliverer.wake(id);
    return { subscriptionId: id, secret, subscription: await this.view(id) };
  }

  private async checkDestination(url: string): Promise<void> {
    const problem = urlProblem(url);
    const refuse = (message: string): never => {
      const problems: FieldProblem[] = [{ field: 'body.url', code: 'DESTINATION_NOT_ALLOWED', message: `url ${message}` }];
      throw new ValidationFailedError(problems);
    };
    if (problem) refuse(problem);
    try {
      await resolveDestination(new URL(url), this.settings.allowList);
    } catch (error) {
      if (error instanceof DestinationRefusedError) refuse(`${url} is refused: ${error.message}`);
      refuse(`${url} cannot be resolved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async list(): Promise<SubscriptionView[]> {
    const all = await this.store.all();
    return Promise.all(all.map((s) => this.viewOf(s)));
  }

  async view(id: string): Promise<SubscriptionView> {
    const doc = await this.store.get(id);
    if (!doc) throw new SubscriptionNotFoundError(id);
    return this.viewOf(doc);
  }

  private async viewOf(doc: SubscriptionDocument): Promise<SubscriptionView> {
    const [cursor, head] = await Promise.all([this.store.cursor(doc.id), this.events.headPosition()]);
    const [next] = await this.events.readAll({ after: cursor, maxCount: 1 });
    const now = Date.now();
    return {
      subscriptionId: doc.id,
      url: doc.url,
      eventTypes: doc.eventTypes,
      description: doc.description,
      state: doc.state,
      createdAt: doc.createdAt,
      cursorPosition: cursor === START || cursor.commit < 0n ? null : encodePosition(cursor),
      headPosition: head === START ? null : encodePosition(head),
      lagSeconds: next ? Math.max(0, Math.round((now - Date.parse(occurredAtOf(next))) / 1000)) : 0,
      failing: doc.failing,
      secretsValid: doc.secrets.filter((s) => s.validUntil === null || Date.parse(s.validUntil) > now).length,
    };
  }

  /** Applies `edit` to a subscription that exists; 404 otherwise. */
  private async edit(
    id: string,
    edit: (doc: SubscriptionDocument, cursor: Position) => Partial<{ doc: SubscriptionDocument; cursor: Position }>,
  ): Promise<SubscriptionView> {
    const found = await this.store.change(id, async (current, cursor) => {
      if (!current) return [null, false];
      const change = edit(current, cursor);
      return [
        {
          subscription: change.doc ?? current,
          ...(change.cursor ? { cursor: { position: change.cursor, eventCreatedAt: new Date() } } : {}),
        },
        true,
      ];
    });
    if (!found) throw new SubscriptionNotFoundError(id);
    this.deliverer.wake(id);
    return this.view(id);
  }

  pause(id: string): Promise<SubscriptionView> {
    return this.edit(id, (doc) => ({ doc: { ...doc, state: 'paused' } }));
  }

  resume(id: string): Promise<SubscriptionView> {
    return this.edit(id, (doc) => ({ doc: { ...doc, state: 'active' } }));
  }

  /** Inclusive: the cursor is set just before `fromPosition`, and any retry in progress is dropped. */
  replay(id: string, fromPosition: string): Promise<SubscriptionView> {
    const from = parsePosition(fromPosition)!;
    const before = from.commit === 0n ? START : positionAt(from.commit - 1n);
    return this.edit(id, (doc) => ({ doc: { ...doc, failing: null }, cursor: before }));
  }

  /** A new secret; the ones before it stay valid for the grace period (deliveries carry a v1= for each). */
  async rotateSecret(
    id: string,
    graceSeconds = this.settings.secretGraceSeconds,
  ): Promise<{ secret: string; previousSecretValidUntil: string; subscription: SubscriptionView }> {
    const secret = `whsec_${randomBytes(32).toString('base64url')}`;
    const sealed = await this.store.sealSecret(id, secret);
    const until = new Date(Date.now() + graceSeconds * 1000).toISOString();
    const subscription = await this.edit(id, (doc) => ({
      doc: {
        ...doc,
        secrets: [
          { sealed, validUntil: null },
          // An older secret keeps an earlier end; expired ones are dropped.
          ...doc.secrets
            .map((s) => ({ sealed: s.sealed, validUntil: s.validUntil === null || s.validUntil > until ? until : s.validUntil }))
            .filter((s) => Date.parse(s.validUntil) > Date.now()),
        ],
      },
    }));
    return { secret, previousSecretValidUntil: until, subscription };
  }

  async remove(id: string): Promise<void> {
    const found = await this.store.change(id, async (current) => (current ? [{ subscription: null }, true] : [null, false]));
    if (!found) throw new SubscriptionNotFoundError(id);
    await this.store.shredSecrets(id);
  }

  /** The latest attempts, newest first (the log keeps the last DELIVERY_LOG_RETENTION). */
  async deliveries(id: string, limit: number): Promise<unknown[]> {
    const doc = await this.store.get(id);
    if (!doc) throw new SubscriptionNotFoundError(id);
    const page = await this.store.findPage(DELIVERIES, {
      where: { subscriptionId: id },
      range: { field: 'seq', gt: doc.deliverySeq - limit },
      orderBy: 'seq',
      limit,
    });
    return page.documents.reverse();
  }

  async deadLetters(id: string, limit: number): Promise<DeadLetterDocument[]> {
    if (!(await this.store.get(id))) throw new SubscriptionNotFoundError(id);
    const page = await this.store.findPage(DEAD_LETTERS, { where: { subscriptionId: id, state: 'parked' }, orderBy: 'parkedAt', limit });
    return page.documents as DeadLetterDocument[];
  }

  /** Sends a parked event again, now, once; on a 2xx it leaves the dead-letter list. The attempt is logged either way. */
  async redeliver(
    id: string,
    deliveryId: string,
  ): Promise<{ deliveryId: string; outcome: 'delivered' | 'failed'; statusCode: number | null; error: string | null }> {
    const subscription = await this.store.get(id);
    const letter = (await this.store.getDocument(DEAD_LETTERS, deliveryId)) as DeadLetterDocument | null;
    if (!subscription || !letter || letter.subscriptionId !== id || letter.state !== 'parked')
      throw new SubscriptionNotFoundError(`${id}/${deliveryId}`);
    const attempt = letter.attempts + 1;
    const started = Date.now();
    const outcome = await this.deliverer.send(subscription, letter.payload, attempt);
    const latencyMs = Date.now() - started;
    await this.store.change(id, async (current) => {
      if (!current) return [null, undefined];
      const { subscription: counted, writes } = attemptWrites(current, {
        eventId: letter.payload.id,
        eventType: letter.payload.type,
        streamId: letter.payload.streamId,
        position: letter.payload.position,
        attempt,
        outcome: outcome.ok ? 'delivered' : 'failed',
        statusCode: outcome.statusCode,
        latencyMs,
        error: outcome.ok ? null : outcome.error,
      });
      const updated: DeadLetterDocument = outcome.ok
        ? { ...letter, state: 'redelivered', attempts: attempt }
        : { ...letter, attempts: attempt, lastError: outcome.error, lastStatusCode: outcome.statusCode };
      writes.push({ collection: DEAD_LETTERS, id: deliveryId, doc: updated });
      return [{ subscription: counted, writes }, undefined];
    });
    return {
      deliveryId,
      outcome: outcome.ok ? 'delivered' : 'failed',
      statusCode: outcome.statusCode,
      error: outcome.ok ? null : outcome.error,
    };
  }
}
