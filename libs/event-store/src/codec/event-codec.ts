import { JsonObject, RecordedEvent } from '../event-store.port';
import { EventCodecError } from './event-codec.error';
import { Upcaster } from './upcaster';

/** What a domain's events look like: a stored type name and JSON data. */
export interface DomainEvent {
  readonly type: string;
  readonly data: JsonObject;
}

/** A recorded event read as one of the domain's events at its current schema version, envelope included. */
export type Decoded<E extends DomainEvent> = RecordedEvent & E;

/** What the write path stores for a domain event: `type` and `data` as they are, `schemaVersion` into metadata. */
export interface EncodedEvent {
  readonly type: string;
  readonly data: JsonObject;
  readonly schemaVersion: number;
}

/**
 * The one seam between stored events and a domain's typed events. Stored events are never
 * rewritten: each keeps the `metadata.schemaVersion` of its type it was written with (absent
 * meaning 1), and reading brings it to the type's current version through the type's upcasters,
 * one version at a time. A type's current version is 1 + the number of its upcasters.
 *
 * Everything else reads events through `decode` (or `tryDecode`), so no other code asserts that
 * a recorded event is a domain event.
 */
export class EventCodec<E extends DomainEvent> {
  private readonly currentVersions: ReadonlyMap<string, number>;
  /** Per type, the upcaster from version i + 1 at index i. */
  private readonly chains: ReadonlyMap<string, readonly Upcaster[]>;

  constructor(types: readonly E['type'][], upcasters: readonly Upcaster[] = []) {
    this.chains = chainsOf(types, upcasters);
    this.currentVersions = new Map([...this.chains].map(([type, chain]) => [type, chain.length + 1]));
  }

  /** The schema version the code writes for this type today. */
  readonly schemaVersionOf = (type: E['type']): number => {
    const version = this.currentVersions.get(type);
    if (version === undefined) throw new EventCodecError('UNKNOWN_EVENT_TYPE', `Unknown event type ${type}`, { type });
    return version;
  };

  readonly knows = (type: string): type is E['type'] => this.currentVersions.has(type);

  /** True when the event is of a known type and already at its current version: it is the domain event as it stands. */
  readonly isCurrent = (recorded: RecordedEvent): recorded is Decoded<E> => {
    const current = this.currentVersions.get(recorded.type);
    return current !== undefined && recordedVersionOf(recorded) === current;
  };

  /**
   * The domain event a recorded event holds, upcast to its type's current version. An event
   * already there is returned as it is, not copied: a rebuild decodes every event of the log.
   * An upcast event is a new object whose metadata.schemaVersion names the version of its data
   * now; the stored event, and so its hash chain, is untouched.
   */
  readonly decode = (recorded: RecordedEvent): Decoded<E> => {
    if (this.isCurrent(recorded)) return recorded;
    const chain = this.chains.get(recorded.type);
    if (chain === undefined) throw undecodable('UNKNOWN_EVENT_TYPE', `Unknown event type ${recorded.type}`, recorded);
    const version = recordedVersionOf(recorded);
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
      throw undecodable('INVALID_SCHEMA_VERSION', `${recorded.type} has schema version ${JSON.stringify(version)}`, recorded);
    }
    const current = chain.length + 1;
    if (version > current) {
      throw undecodable(
        'SCHEMA_VERSION_TOO_NEW',
        `${recorded.type} has schema version ${version}; this code knows versions up to ${current}`,
        recorded,
      );
    }
    let data = recorded.data;
    for (let from = version; from < current; from++) data = chain[from - 1].upcast(data);
    const upcast: RecordedEvent = { ...recorded, data, metadata: { ...recorded.metadata, schemaVersion: current } };
    return upcast as Decoded<E>;
  };

  /** `decode`, or null for an event this code cannot read (a type it does not know, a version newer than it knows). */
  readonly tryDecode = (recorded: RecordedEvent): Decoded<E> | null => {
    if (this.isCurrent(recorded)) return recorded;
    try {
      return this.decode(recorded);
    } catch (error) {
      if (error instanceof EventCodecError) return null;
      throw error;
    }
  };

  /** What to store for a new event: its type and data, and the schema version to put in its metadata. */
  readonly encode = (event: E): EncodedEvent => ({ type: event.type, data: event.data, schemaVersion: this.schemaVersionOf(event.type) });
}

function chainsOf(types: readonly string[], upcasters: readonly Upcaster[]): Map<string, Upcaster[]> {
  const chains = new Map<string, Upcaster[]>();
  for (const type of types) {
    if (chains.has(type)) throw invalid(`Event type ${type} is listed twice`);
    chains.set(type, []);
  }
  for (const upcaster of upcasters) {
    const chain = chains.get(upcaster.type);
    if (chain === undefined) throw invalid(`An upcaster is given for ${upcaster.type}, which is not one of the codec's event types`);
    if (!Number.isSafeInteger(upcaster.fromVersion) || upcaster.fromVersion < 1) {
      throw invalid(`The upcaster of ${upcaster.type} from version ${upcaster.fromVersion}: versions are whole numbers from 1`);
    }
    if (chain[upcaster.fromVersion - 1] !== undefined)
      throw invalid(`Two upcasters of ${upcaster.type} from version ${upcaster.fromVersion}`);
    chain[upcaster.fromVersion - 1] = upcaster;
  }
  for (const [type, chain] of chains) {
    // A hole would leave the versions after it unreachable: each step must exist from 1 on.
    for (let i = 0; i < chain.length; i++) {
      if (chain[i] === undefined) throw invalid(`${type} has no upcaster from version ${i + 1}, though it has one from ${chain.length}`);
    }
  }
  return chains;
}

/** Events written before versions were recorded have none: they are version 1. */
const recordedVersionOf = (recorded: RecordedEvent): unknown => {
  const version = recorded.metadata.schemaVersion;
  return version === undefined ? 1 : version;
};

const invalid = (message: string): EventCodecError => new EventCodecError('INVALID_UPCASTERS', message);

function undecodable(
  code: 'UNKNOWN_EVENT_TYPE' | 'SCHEMA_VERSION_TOO_NEW' | 'INVALID_SCHEMA_VERSION',
  message: string,
  recorded: RecordedEvent,
) {
  const { streamId, revision, id: eventId, type } = recorded;
  return new EventCodecError(code, `${message} (stream ${streamId}, revision ${revision})`, {
    streamId,
    revision,
    eventId,
    type,
    schemaVersion: recorded.metadata.schemaVersion,
  });
}
