import { Inject, Injectable } from '@nestjs/common';
import { comparePositions, Position, positionAt, START } from '@shoplink/event-store';
import { PERSONAL_DATA_VAULT, PersonalDataVault } from '@shoplink/personal-data';
import { DocumentWrite, READ_MODEL_STORE, ReadModelStore } from '@shoplink/read-models';
import { cursorName, DEAD_LETTERS, DELIVERIES, secretOwner, SubscriptionDocument, SUBSCRIPTIONS } from './subscription-documents';

/** What a change to a subscription writes: its new document (null deletes it), its cursor, and other documents with them. */
export interface SubscriptionChange {
  readonly subscription: SubscriptionDocument | null;
  readonly cursor?: { readonly position: Position; readonly eventCreatedAt: Date };
  readonly writes?: readonly DocumentWrite[];
}

/**
 * Subscriptions in the read-model store (SQLite or MongoDB, whichever holds the read models),
 * each with its delivery cursor kept as a projector checkpoint: the subscription, its cursor and
 * the attempt or dead letter that moved it commit in one transaction, so a crash can neither
 * skip an event nor lose the record of why the cursor moved.
 *
 * Every change runs through `change`, one at a time per subscription in this process, so the
 * deliverer and the HTTP routes (pause, replay, rotation) never overwrite each other.
 */
@Injectable()
export class SubscriptionStore {
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @Inject(READ_MODEL_STORE) private readonly store: ReadModelStore,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  async ensureIndexes(): Promise<void> {
    await this.store.ensureIndexes([
      { collection: DELIVERIES, fields: ['subscriptionId', 'seq'] },
      { collection: DEAD_LETTERS, fields: ['subscriptionId', 'state', 'parkedAt'] },
    ]);
  }

  async get(id: string): Promise<SubscriptionDocument | null> {
    return (await this.store.get(SUBSCRIPTIONS, id)) as SubscriptionDocument | null;
  }

  async all(): Promise<SubscriptionDocument[]> {
    return (await this.store.all(SUBSCRIPTIONS)) as SubscriptionDocument[];
  }

  async cursor(id: string): Promise<Position> {
    return (await this.store.getCheckpoint(cursorName(id)))?.position ?? START;
  }

  /**
   * Applies `decide` to the subscription as stored now, one change at a time per subscription.
   * `decide` answers null to change nothing (the subscription is gone, or moved on meanwhile).
   */
  change<T>(
    id: string,
    decide: (current: SubscriptionDocument | null, cursor: Position) => Promise<[SubscriptionChange | null, T]>,
  ): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const run = previous.then(async () => {
      const checkpoint = await this.store.getCheckpoint(cursorName(id));
      const current = await this.get(id);
      const [change, answer] = await decide(current, checkpoint?.position ?? START);
      if (change) await this.commit(id, change, checkpoint);
      return answer;
    });
    const settled = run.catch(() => undefined);
    this.queues.set(id, settled);
    void settled.then(() => {
      if (this.queues.get(id) === settled) this.queues.delete(id);
    });
    return run;
  }

  private async commit(id: string, change: SubscriptionChange, stored: { position: Position; eventCreatedAt: Date } | null): Promise<void> {
    const writes: DocumentWrite[] = [{ collection: SUBSCRIPTIONS, id, doc: change.subscription }, ...(change.writes ?? [])];
    // "Before the first event" is no position a store keeps (MongoDB keeps positions as unsigned decimals): the
    // documents commit with the cursor as it was, then the cursor is dropped, which reads as the start of the log.
    // A crash in between leaves the cursor where it was: the replay (or the new subscription on an empty log) is not lost
    // data, only not started, and is asked for again.
    const target = change.subscription === null ? null : (change.cursor ?? stored);
    const toStart = target === null || comparePositions(target.position, START) === 0;
    await this.store.commitBatch(
      cursorName(id),
      toStart ? (stored ?? { position: positionAt(0), eventCreatedAt: new Date(0) }) : target,
      writes,
    );
    if (toStart) await this.store.reset(cursorName(id), []);
  }

  async sealSecret(id: string, secret: string): Promise<string> {
    return (await this.vault.sealFields(secretOwner(id), { secret }, [['secret']])).secret;
  }

  /** The secrets that still sign deliveries at `now`, newest first. */
  async validSecrets(subscription: SubscriptionDocument, now: Date): Promise<string[]> {
    const valid = subscription.secrets.filter((s) => s.validUntil === null || Date.parse(s.validUntil) > now.getTime());
    const opened = await this.vault.reveal(valid.map((s) => s.sealed));
    return opened.filter((s) => typeof s === 'string' && s.startsWith('whsec_'));
  }

  /** Destroys the key sealing the subscription's secrets: they cannot be opened again. */
  async shredSecrets(id: string): Promise<void> {
    await this.vault.forget(secretOwner(id));
  }

  findPage(...args: Parameters<ReadModelStore['findPage']>) {
    return this.store.findPage(...args);
  }

  getDocument(collection: string, id: string) {
    return this.store.get(collection, id);
  }
}

export const samePosition = (a: Position, b: Position): boolean => comparePositions(a, b) === 0;
