import { Document, DocumentPage, FieldValue, PageQuery } from '../read-model-store.port';

/**
 * `findPage` over documents held in memory, as the port specifies it: for test doubles of
 * ReadModelStore, which then pass the same contract suite as the real adapters.
 */
export function findPageInMemory(documents: Iterable<readonly [id: string, doc: Document]>, query: PageQuery): DocumentPage {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1) throw new Error(`limit must be a positive integer, got ${query.limit}`);
  const matching = [...documents]
    .filter(([, doc]) => isScalarKey(doc[query.orderBy]))
    .filter(([, doc]) => Object.entries(query.where ?? {}).every(([field, expected]) => matches(doc[field], expected)))
    .filter(([, doc]) => inRange(doc, query))
    .sort(([idA, a], [idB, b]) => compare(a[query.orderBy], b[query.orderBy]) || compare(idA, idB))
    .filter(
      ([id, doc]) =>
        !query.after ||
        compare(doc[query.orderBy], query.after.value) > 0 ||
        (doc[query.orderBy] === query.after.value && id > query.after.id),
    );
  const page = matching.slice(0, query.limit);
  const lastOfPage = page[page.length - 1];
  const next = matching.length > query.limit ? { value: lastOfPage[1][query.orderBy] as string | number, id: lastOfPage[0] } : null;
  return { documents: page.map(([, doc]) => doc), next };
}

const isScalarKey = (value: unknown): value is string | number => typeof value === 'string' || typeof value === 'number';

function matches(actual: unknown, expected: FieldValue | null | readonly FieldValue[]): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (Array.isArray(expected)) return expected.some((value) => actual === value);
  return actual === expected;
}

function inRange(doc: Document, query: PageQuery): boolean {
  if (!query.range) return true;
  const { field, gt, gte, lt, lte } = query.range;
  const value = doc[field];
  const bounds = [gt, gte, lt, lte].filter((b) => b !== undefined);
  if (bounds.length === 0) return true;
  if (!bounds.every((b) => typeof b === typeof value)) return false;
  return (
    (gt === undefined || compare(value, gt) > 0) &&
    (gte === undefined || compare(value, gte) >= 0) &&
    (lt === undefined || compare(value, lt) < 0) &&
    (lte === undefined || compare(value, lte) <= 0)
  );
}

/** Numbers before strings, strings by UTF-16 code unit (as SQLite's BINARY collation and MongoDB's simple one, for BMP text). */
function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'string') return -1;
  if (typeof a === 'string' && typeof b === 'number') return 1;
  const x = a as string | number;
  const y = b as string | number;
  return x < y ? -1 : x > y ? 1 : 0;
}
