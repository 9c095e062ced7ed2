import { JsonObject, RecordedEvent } from '../event-store.port';
import { positionAt } from '../position';
import { Decoded, EventCodec } from './event-codec';
import { EventCodecError } from './event-codec.error';
import { Upcaster } from './upcaster';

/** A small domain whose Greeted event went through two schema changes: v1 { name }, v2 { name, polite }, v3 { name, tone }. */
interface Greeted {
  readonly type: 'Greeted';
  readonly data: { readonly name: string; readonly tone: 'polite' | 'casual' };
}
interface Waved {
  readonly type: 'Waved';
  readonly data: { readonly hand: 'left' | 'right' };
}
type Gesture = Greeted | Waved;

const politeByDefault: Upcaster = { type: 'Greeted', fromVersion: 1, upcast: (data) => ({ ...data, polite: true }) };
const toneFromPolite: Upcaster = {
  type: 'Greeted',
  fromVersion: 2,
  upcast: ({ polite, ...data }) => ({ ...data, tone: polite === true ? 'polite' : 'casual' }),
};
const codec = new EventCodec<Gesture>(['Greeted', 'Waved'], [toneFromPolite, politeByDefault]);

let revision = 0;
function recorded(type: string, data: JsonObject, metadata: JsonObject = {}): RecordedEvent {
  revision += 1;
  return {
    streamId: 'gestures-1',
    revision,
    position: positionAt(revision + 1),
    id: `e-${revision}`,
    type,
    data,
    metadata: { commandId: 'c-1', ...metadata },
    createdAt: new Date('2026-03-01T10:00:00.000Z'),
  };
}

const failureOf = (act: () => unknown): EventCodecError => {
  try {
    act();
  } catch (error) {
    if (error instanceof EventCodecError) return error;
    throw error;
  }
  throw new Error('expected an EventCodecError');
};

describe('EventCodec', () => {
  it('counts a type’s current version as 1 + its upcasters, whatever order they are given in', () => {
    expect(codec.schemaVersionOf('Greeted')).toBe(3);
    expect(codec.schemaVersionOf('Waved')).toBe(1);
  });

  describe('decode', () => {
    it('upcasts step by step from the recorded version to the current one', () => {
      const fromV1 = codec.decode(recorded('Greeted', { name: 'Ada' }, { schemaVersion: 1 }));
      const fromV2 = codec.decode(recorded('Greeted', { name: 'Bo', polite: false }, { schemaVersion: 2 }));
      expect(fromV1.data).toEqual({ name: 'Ada', tone: 'polite' });
      expect(fromV2.data).toEqual({ name: 'Bo', tone: 'casual' });
    });

    it('reads an absent schemaVersion as 1', () => {
      expect(codec.decode(recorded('Greeted', { name: 'Ada' })).data).toEqual({ name: 'Ada', tone: 'polite' });
    });

    it('keeps the envelope, says the version of the data it returns, and leaves the recorded event as it was', () => {
      const stored = recorded('Greeted', { name: 'Ada' }, { schemaVersion: 1, hash: 'h' });
      const before = structuredClone(stored);
      const decoded = codec.decode(stored);
      expect(decoded).toEqual({ ...before, data: { name: 'Ada', tone: 'polite' }, metadata: { ...before.metadata, schemaVersion: 3 } });
      expect(stored).toEqual(before);
      // Decoding what was decoded changes nothing more: it is at the current version.
      expect(codec.decode(decoded)).toBe(decoded);
    });

    it('returns an event already at its current version as it is, not a copy', () => {
      const current = recorded('Greeted', { name: 'Ada', tone: 'casual' }, { schemaVersion: 3 });
      const waved = recorded('Waved', { hand: 'left' });
      expect(codec.decode(current)).toBe(current);
      expect(codec.decode(waved)).toBe(waved);
      expect(codec.isCurrent(current)).toBe(true);
      expect(codec.isCurrent(recorded('Greeted', { name: 'Ada' }, { schemaVersion: 2 }))).toBe(false);
    });

    it('types the result as the domain event, narrowed by its type', () => {
      const decoded: Decoded<Gesture> = codec.decode(recorded('Waved', { hand: 'right' }));
      const hand = decoded.type === 'Waved' ? decoded.data.hand : null;
      expect(hand).toBe('right');
      expect(decoded.streamId).toBe('gestures-1');
    });

    it('refuses a type it does not know: UNKNOWN_EVENT_TYPE, naming the event', () => {
      const error = failureOf(() => codec.decode(recorded('Shrugged', {})));
      expect(error.code).toBe('UNKNOWN_EVENT_TYPE');
      expect(error.subject).toMatchObject({ streamId: 'gestures-1', type: 'Shrugged' });
      expect(error.message).toMatch(/Shrugged.*stream gestures-1/);
    });

    it('refuses a version newer than it knows: SCHEMA_VERSION_TOO_NEW, rather than misread it', () => {
      const error = failureOf(() => codec.decode(recorded('Waved', { hand: 'left', speed: 2 }, { schemaVersion: 2 })));
      expect(error.code).toBe('SCHEMA_VERSION_TOO_NEW');
      expect(error.subject).toMatchObject({ type: 'Waved', schemaVersion: 2 });
      expect(error.message).toMatch(/schema version 2; this code knows versions up to 1/);
    });

    it('refuses a schemaVersion that is not a whole number from 1: INVALID_SCHEMA_VERSION', () => {
      for (const schemaVersion of [0, 1.5, '1', null, -1]) {
        expect(failureOf(() => codec.decode(recorded('Greeted', { name: 'Ada' }, { schemaVersion }))).code).toBe('INVALID_SCHEMA_VERSION');
      }
    });
  });

  describe('tryDecode', () => {
    it('decodes what decode decodes, and answers null for what it refuses', () => {
      expect(codec.tryDecode(recorded('Greeted', { name: 'Ada' }))?.data).toEqual({ name: 'Ada', tone: 'polite' });
      expect(codec.tryDecode(recorded('Shrugged', {}))).toBeNull();
      expect(codec.tryDecode(recorded('Waved', { hand: 'left' }, { schemaVersion: 9 }))).toBeNull();
    });
  });

  describe('encode', () => {
    it('gives the type, the data as they are and the current schema version of the type', () => {
      const event: Greeted = { type: 'Greeted', data: { name: 'Ada', tone: 'casual' } };
      expect(codec.encode(event)).toEqual({ type: 'Greeted', data: { name: 'Ada', tone: 'casual' }, schemaVersion: 3 });
      expect(codec.encode(event).data).toBe(event.data);
    });

    it('round-trips: what encode gives, stored with its schemaVersion, decodes to the same event', () => {
      const events: Gesture[] = [
        { type: 'Greeted', data: { name: 'Ada', tone: 'polite' } },
        { type: 'Waved', data: { hand: 'left' } },
      ];
      for (const event of events) {
        const { type, data, schemaVersion } = codec.encode(event);
        const stored = recorded(type, structuredClone(data), { schemaVersion });
        const decoded = codec.decode(stored);
        expect(decoded).toBe(stored);
        expect({ type: decoded.type, data: decoded.data }).toEqual(event);
      }
    });

    it('refuses a type it does not know', () => {
      const stranger = { type: 'Shrugged', data: {} } as unknown as Gesture;
      expect(failureOf(() => codec.encode(stranger)).code).toBe('UNKNOWN_EVENT_TYPE');
    });
  });

  describe('its definition is checked when it is built: INVALID_UPCASTERS', () => {
    const upcaster = (type: string, fromVersion: number): Upcaster => ({ type, fromVersion, upcast: (data) => data });
    const built = (types: Gesture['type'][], upcasters: Upcaster[]) => failureOf(() => new EventCodec<Gesture>(types, upcasters));

    it('a chain must start at version 1 and have no hole', () => {
      expect(built(['Greeted'], [upcaster('Greeted', 2)]).message).toMatch(/Greeted has no upcaster from version 1/);
      expect(built(['Greeted'], [upcaster('Greeted', 1), upcaster('Greeted', 3)]).message).toMatch(/no upcaster from version 2/);
      expect(built(['Greeted'], [upcaster('Greeted', 1), upcaster('Greeted', 3)]).code).toBe('INVALID_UPCASTERS');
    });

    it('two steps from the same version, a step of an unknown type, a version below 1 or a repeated type are refused', () => {
      expect(built(['Greeted'], [upcaster('Greeted', 1), upcaster('Greeted', 1)]).message).toMatch(
        /Two upcasters of Greeted from version 1/,
      );
      expect(built(['Greeted'], [upcaster('Waved', 1)]).message).toMatch(/Waved, which is not one of/);
      expect(built(['Greeted'], [upcaster('Greeted', 0)]).message).toMatch(/whole numbers from 1/);
      expect(built(['Greeted', 'Greeted'], []).message).toMatch(/listed twice/);
    });
  });
});
