import { Document, DocumentPage, FieldValue, IndexDeclaration, PageKey, PageQuery } from '../read-model-store.port';
import { REBUILD_SUFFIX } from '../rebuild-projections';

/**
 * The port's queries as MongoDB filters and sorts over `read_model_documents` ({ c, i, d }),
 * as pure functions (mongodb-page-query.unit.spec.ts checks them without a server).
 *
 * Semantics kept equal to the SQLite adapter and the in-memory reference (find-page-in-memory.ts):
 * - the JSON type counts: MongoDB compares within a type (1 never equals "1" nor true), and its
 *   range operators match only values of the bound's type ("type bracketing");
 * - a field holding an array never matches a scalar condition (MongoDB would match an array
 *   *containing* the value), hence the `$not: { $type: 'array' }` beside every condition;
 * - null matches null or absent, as `{ field: null }` does;
 * - order: numbers before strings, strings by code point (BSON's order and simple collation),
 *   ties by document id; documents whose order field is not a number or string are left out.
 */

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The path of a top-level document field; names are identifiers, so nothing a caller sends is read as a path or operator. */
export function documentPath(field: string): string {
  if (!FIELD_NAME.test(field)) throw new Error(`Unsupported field name for a page query or index: ${JSON.stringify(field)}`);
  return `d.${field}`;
}

const NOT_ARRAY = { $not: { $type: 'array' } } as const;

type Filter = Record<string, unknown>;

export interface MongoFind {
  readonly filter: Filter;
  readonly sort: Record<string, 1>;
  readonly limit: number;
}

/**
 * findBy: documents whose top-level `field` equals `value` with the same JSON type, by id. A
 * field name that is not an identifier (a dot in it, say) is still one top-level key, as on
 * SQLite: it is compared through $getField, which never reads a name as a path.
 */
export function toMongoFindBy(storedAs: string, field: string, value: string | number | boolean, limit?: number): MongoFind {
  if (field.length === 0) throw new Error('Unsupported document field name: ""');
  typeOf(value);
  const condition: Filter = FIELD_NAME.test(field)
    ? { [documentPath(field)]: { $eq: value, ...NOT_ARRAY } }
    : { $expr: { $eq: [{ $getField: { field: { $literal: field }, input: '$d' } }, { $literal: value }] } };
  return { filter: { c: storedAs, ...condition }, sort: { i: 1 }, limit: limit ?? 0 };
}

/** findPage: one more than the limit is asked for, so pageOf knows whether anything matched beyond the page. */
export function toMongoPageQuery(storedAs: string, query: PageQuery): MongoFind {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1) throw new Error(`limit must be a positive integer, got ${query.limit}`);
  const conditions: Filter[] = [];

  for (const [field, value] of Object.entries(query.where ?? {})) {
    const path = documentPath(field);
    if (value === null) {
      conditions.push({ [path]: { $eq: null, ...NOT_ARRAY } });
    } else if (Array.isArray(value)) {
      const values = value as readonly FieldValue[];
      if (values.length > 0) sameTypeOf(values, `where.${field}`);
      // An empty list matches nothing, as `$in: []` does.
      conditions.push({ [path]: { $in: [...values], ...NOT_ARRAY } });
    } else {
      typeOf(value as FieldValue);
      conditions.push({ [path]: { $eq: value, ...NOT_ARRAY } });
    }
  }

  if (query.range) {
    const { field, ...bounds } = query.range;
    const path = documentPath(field);
    const operators = { gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte' } as const;
    const present = (Object.keys(operators) as (keyof typeof operators)[]).filter((op) => bounds[op] !== undefined);
    if (present.length > 0) {
      sameTypeOf(
        present.map((op) => bounds[op]!),
        `range.${field}`,
      );
      const range: Filter = { ...NOT_ARRAY };
      for (const op of present) range[operators[op]] = bounds[op];
      conditions.push({ [path]: range });
    }
  }

  const order = documentPath(query.orderBy);
  conditions.push({ [order]: { $type: ['number', 'string'], ...NOT_ARRAY } });
  if (query.after) conditions.push(after(order, query.after));

  return { filter: { c: storedAs, $and: conditions }, sort: { [order]: 1, i: 1 }, limit: query.limit + 1 };
}

/** Strictly after the key: a greater order value, or the same one and a greater id; strings sort after every number. */
function after(order: string, key: PageKey): Filter {
  if (typeof key.value !== 'string' && !(typeof key.value === 'number' && Number.isFinite(key.value))) {
    throw new Error(`after.value must be a string or a number, got ${JSON.stringify(key.value)}`);
  }
  if (typeof key.id !== 'string') throw new Error('after.id must be a string');
  const branches: Filter[] = [{ [order]: { $gt: key.value } }, { [order]: key.value, i: { $gt: key.id } }];
  if (typeof key.value === 'number') branches.push({ [order]: { $type: 'string' } });
  return { $or: branches };
}

export interface StoredRow {
  readonly i: string;
  readonly d: Document;
}

/** The page from the rows read (at most limit + 1): `next` is set only when a further document matched. */
export function pageOf(rows: readonly StoredRow[], query: PageQuery): DocumentPage {
  const page = rows.slice(0, query.limit);
  const documents = page.map((row) => row.d);
  const last = rows.length > query.limit ? page[page.length - 1] : null;
  const next: PageKey | null = last ? { value: last.d[query.orderBy] as string | number, id: last.i } : null;
  return { documents, next };
}

export interface MongoIndexSpec {
  readonly key: Record<string, 1>;
  readonly name: string;
  /** Only the declared collection's documents, under either of the stored names it alternates between. */
  readonly partialFilterExpression: { c: { $gte: string; $lte: string } };
}

/**
 * The MongoDB index serving a declared one: the stored collection name first (every query
 * names it), the declared fields, then the id (the tie-breaker of every order).
 *
 * Partial, on the document kind (`c`): every read model shares `read_model_documents`, and an
 * index holding only the declared collection's documents costs nothing to writes of the others
 * (the shop list indexes, on `shop_status`, are not touched by timeline, account or withdrawal
 * writes). A collection's documents are stored under its own name or, once a rebuild has been
 * switched in, under `<name>~rebuild` (names swap at each switch, see read_model_storage), so the
 * filter takes the range between the two: a rebuilt copy finds its index ready when switched in.
 * Every query names one stored name with an equality on `c`, which MongoDB's planner sees implies
 * the range, so the partial index serves it. A rebuild's declaration of `<name>~rebuild` gives the
 * same index (same name, same filter): createIndex is a no-op for it.
 */
export function toMongoIndex(index: IndexDeclaration): MongoIndexSpec {
  if (index.fields.length === 0) throw new Error(`An index of ${index.collection} needs at least one field`);
  const collection = index.collection.endsWith(REBUILD_SUFFIX) ? index.collection.slice(0, -REBUILD_SUFFIX.length) : index.collection;
  const key: Record<string, 1> = { c: 1 };
  for (const field of index.fields) key[documentPath(field)] = 1;
  key.i = 1;
  return {
    key,
    name: `rm_${collection}__${index.fields.join('_')}`,
    partialFilterExpression: { c: { $gte: collection, $lte: `${collection}${REBUILD_SUFFIX}` } },
  };
}

/**
 * Indexes an earlier version created over every document (`rm_<fields>`, not partial): dropped
 * once their partial replacements exist, so writes stop maintaining them.
 */
export function superseded(existing: readonly { name?: string; partialFilterExpression?: unknown }[]): string[] {
  return existing
    .map((index) => ({ name: index.name ?? '', partial: index.partialFilterExpression !== undefined }))
    .filter((index) => index.name.startsWith('rm_') && !index.partial)
    .map((index) => index.name);
}

type JsonKind = 'string' | 'number' | 'boolean';

function typeOf(value: FieldValue): JsonKind {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  throw new Error(`Unsupported query value: ${String(value)}`);
}

function sameTypeOf(values: readonly FieldValue[], where: string): JsonKind {
  const types = new Set(values.map(typeOf));
  if (types.size !== 1) throw new Error(`${where}: values must all be of one JSON type`);
  return [...types][0];
}
