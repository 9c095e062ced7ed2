import {
  AllSubscription,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  JsonObject,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoredAndRead,
  SubscribeToAllOptions,
} from '@shoplink/event-store';
import { FieldPath, PersonalDataVault } from './personal-data-vault';

/** Which fields of an event are personal, and whose key seals them. Supplied by the domain that owns the events. */
export interface PersonalDataMap {
  fieldsOf(type: string, data: JsonObject): readonly FieldPath[];
  /** The shop (key owner) an event's personal data belongs to, or null when it has none. */
  ownerOf(streamId: string, data: JsonObject): string | null;
}

/**
 * Seals personal fields on the way into the log and opens them on the way out, so the command
 * path, replays and the feed see plain values (or ERASED once forgotten) while the log holds
 * only ciphertext. Sits above the hash chaining: hashes cover the sealed bytes, so forgetting
 * a shop never breaks its chain. Projections read the log beneath this decorator and keep
 * sealed values in the read models, which queries open as they answer.
 */
export class PersonalDataSealingEventStore implements EventStore {
  readonly readEventById?: EventStore['readEventById'];

  constructor(
    private readonly inner: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly map: PersonalDataMap,
  ) {
    const readById = inner.readEventById?.bind(inner);
    if (readById) {
      this.readEventById = async (streamId, eventId) => {
        const event = await readById(streamId, eventId);
        return event === null ? null : this.revealOne(event);
      };
    }
  }

  async appendToStream(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const sealed = await Promise.all(events.map((event) => this.seal(streamId, event)));
    return this.inner.appendToStream(streamId, sealed, expected);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.revealAll(await this.inner.readStream(streamId, options));
  }

  /** One read for a reader that checks the hash chain (over the sealed bytes) of the events it folds (opened). */
  async readStreamAsStored(streamId: string, options?: ReadStreamOptions): Promise<StoredAndRead> {
    const stored = await this.inner.readStream(streamId, options);
    return { stored, read: await this.revealAll(stored) };
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.revealAll(await this.inner.readAll(options));
  }

  headPosition(): Promise<Position> {
    return this.inner.headPosition();
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    const inner = this.inner.subscribeToAll(options);
    const reveal = (event: RecordedEvent) => this.revealOne(event);
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await reveal(event);
      },
    };
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async seal(streamId: string, event: EventToAppend): Promise<EventToAppend> {
    const paths = this.map.fieldsOf(event.type, event.data);
    const owner = paths.length === 0 ? null : this.map.ownerOf(streamId, event.data);
    if (owner === null) return event;
    return { ...event, data: await this.vault.sealFields(owner, event.data, paths) };
  }

  /** Events without personal fields are answered as they are; only the others wait for their keys. */
  private async revealAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    let revealed: Promise<RecordedEvent>[] | null = null;
    for (let i = 0; i < events.length; i++) {
      if (!this.holdsPersonalData(events[i])) continue;
      revealed ??= events.map((event) => Promise.resolve(event));
      revealed[i] = this.reveal(events[i]);
    }
    return revealed === null ? events : Promise.all(revealed);
  }

  private async revealOne(event: RecordedEvent): Promise<RecordedEvent> {
    return this.holdsPersonalData(event) ? this.reveal(event) : event;
  }

  private holdsPersonalData(event: RecordedEvent): boolean {
    return this.map.fieldsOf(event.type, event.data).length > 0;
  }

  private async reveal(event: RecordedEvent): Promise<RecordedEvent> {
    return { ...event, data: await this.vault.reveal(event.data) };
  }
}
