import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** The form every stored hash was first computed over: sorted copies made with Object.fromEntries, stringified. */
function original(value: unknown): string {
  const sorted = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as Record<string, unknown>)
          .sort()
          .map((key) => [key, sorted((v as Record<string, unknown>)[key])]),
      );
    }
    return v;
  };
  return JSON.stringify(sorted(value));
}

describe('canonicalJson writes exactly the text hashes were first computed over', () => {
  it('given any JSON value, the same text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(value) === original(value)),
      { numRuns: 2_000 },
    );
  });

  it('given any value at all (undefined members, dates, sparse arrays, odd keys), the same text', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withSparseArray: true, withNullPrototype: true, withBoxedValues: true }), (value) => {
        let expected: string;
        try {
          expected = original(value);
        } catch {
          return true; // what the original could not write (a bigint) is not in any hash
        }
        return canonicalJson(value) === expected;
      }),
      { numRuns: 2_000 },
    );
  });

  it('given keys that are array indices or __proto__, the same order and members as before', () => {
    const value = JSON.parse('{"b":1,"10":2,"9":3,"__proto__":{"x":1},"a":{"2":true,"01":false,"1":null}}') as unknown;
    expect(canonicalJson(value)).toBe(original(value));
    expect(canonicalJson(value)).toBe('{"9":3,"10":2,"__proto__":{"x":1},"a":{"1":null,"2":true,"01":false},"b":1}');
  });

  it('given an event as the chain hashes it, sorted at every depth', () => {
    const event = { type: 'Noted', revision: 3, data: { z: [{ y: 1, x: 2 }], a: 'é' }, metadata: { actor: 'm', at: undefined } };
    expect(canonicalJson(event)).toBe('{"data":{"a":"é","z":[{"x":2,"y":1}]},"metadata":{"actor":"m"},"revision":3,"type":"Noted"}');
  });
});
