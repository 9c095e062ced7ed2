import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '@shoplink/sqlite';
import { Document, DocumentPage, FieldValue, IndexDeclaration, PageKey, PageQuery } from '../read-model-store.port';

/**
 * Keyset pages and their indexes over the one JSON documents table.
 *
 * Why not a dedicated table for the timeline: its documents must commit in the projector's
 * batch with the checkpoint, be dropped and rebuilt with the other read models, and be
 * switched in by a rebuild like any collection; a second table would need all of that again.
 * Expression indexes give the same access paths: each index is partial
 * (`WHERE collection = '<name>'`) so a collection's index holds only that collection's rows,
 * and writes to other collections (every shop event touches several) never pay for it.
 *
 * SQLite uses an expression index only when the query spells the very same expression and
 * implies the partial index's WHERE with the same literal, so the SQL is generated per query
 * shape, with the collection and the JSON paths as literals, and only the values bound.
 * Names are checked first, so nothing a caller sends reaches the SQL text.
 */
export class SqliteDocumentPages {
  private readonly statements = new Map<string, ReturnType<SqliteDatabase['prepare']>>();

  constructor(private readonly db: SqliteDatabase) {}

  ensureIndexes(indexes: readonly IndexDeclaration[]): void {
    this.db
      .transaction(() => {
        for (const index of indexes) {
          if (index.fields.length === 0) throw new Error(`An index of ${index.collection} needs at least one field`);
          const columns = index.fields.map((field) => extract(field)).join(', ');
          this.db.exec(
            `CREATE INDEX IF NOT EXISTS ${indexName(index)} ON read_model_documents (${columns}) WHERE collection = ${literal(index.collection)}`,
          );
        }
      })
      .immediate();
  }

  findPage(collection: string, query: PageQuery): DocumentPage {
    const { sql, params } = compile(collection, query);
    const rows = this.statement(sql).all(params) as { id: string; doc: string }[];
    const documents = rows.slice(0, query.limit).map((row) => JSON.parse(row.doc) as Document);
    const last = rows.length > query.limit ? rows[query.limit - 1] : null;
    const next: PageKey | null = last ? { value: documents[documents.length - 1][query.orderBy] as string | number, id: last.id } : null;
    return { documents, next };
  }

  /** The plan SQLite picks for a page query (tests use it to prove an index serves the query). */
  explain(collection: string, query: PageQuery): string[] {
    const { sql, params } = compile(collection, query);
    return (this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail);
  }

  /** Prepared once per SQL text: values are bound, so the texts come from code and stay few; the bound keeps a bug from leaking. */
  private statement(sql: string) {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= 500) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

/** The SQL of a page query, with the collection and paths as literals and the values as parameters. */
function compile(collection: string, query: PageQuery): { sql: string; params: Record<string, string | number> } {
  if (!Number.isSafeInteger(query.limit) || query.limit < 1) throw new Error(`limit must be a positive integer, got ${query.limit}`);
  // likely(): without statistics SQLite takes `collection = ?` on the primary key to be as
  // selective as any index and would often read the whole collection; marking it true for most
  // rows makes it prefer the partial indexes, whose WHERE this term still implies.
  const conditions: string[] = [`likely(collection = ${literal(collection)})`];
  const params: Record<string, string | number> = {};
  let n = 0;
  const bind = (value: string | number | boolean): string => {
    const name = `p${n++}`;
    params[name] = typeof value === 'boolean' ? (value ? 1 : 0) : value;
    return `@${name}`;
  };

  for (const [field, value] of Object.entries(query.where ?? {})) {
    if (value === null) {
      conditions.push(`${extract(field)} IS NULL`);
    } else if (Array.isArray(value)) {
      const values = value as readonly FieldValue[];
      if (values.length === 0) {
        conditions.push('0');
        continue;
      }
      const type = sameTypeOf(values, `where.${field}`);
      conditions.push(`${extract(field)} IN (${values.map(bind).join(', ')})`, typeCheck(field, type));
    } else {
      const type = typeOfValue(value as FieldValue);
      conditions.push(`${extract(field)} = ${bind(value as FieldValue)}`, typeCheck(field, type));
    }
  }

  if (query.range) {
    const { field, ...bounds } = query.range;
    const operators = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
    const present = (Object.keys(operators) as (keyof typeof operators)[]).filter((op) => bounds[op] !== undefined);
    if (present.length > 0) {
      const type = sameTypeOf(
        present.map((op) => bounds[op]!),
        `range.${field}`,
      );
      for (const op of present) conditions.push(`${extract(field)} ${operators[op]} ${bind(bounds[op]!)}`);
      conditions.push(typeCheck(field, type));
    }
  }

  const order = extract(query.orderBy);
  if (query.after) {
    // `>=` on the indexed expression lets the index seek (and leaves NULL out); the OR only sorts out the ties.
    const value = bind(query.after.value);
    conditions.push(`${order} >= ${value}`, `(${order} > ${value} OR id > ${bind(query.after.id)})`);
  } else {
    // "Not null", spelled as a range so SQLite reads the first page through the order field's
    // index instead of sorting the collection: every number is >= -Infinity and text sorts after
    // numbers, while NULL (field null or absent) compares as nothing. Never beside `after`'s
    // bound: SQLite could seek on this one and walk every earlier entry on each page.
    conditions.push(`${order} >= -9e999`);
  }
  params.limit = query.limit + 1;

  const sql = `SELECT id, doc FROM read_model_documents WHERE ${conditions.join(' AND ')} ORDER BY ${order}, id LIMIT @limit`;
  return { sql, params };
}

type JsonKind = 'text' | 'number' | 'boolean';

function typeOfValue(value: FieldValue): JsonKind {
  if (typeof value === 'string') return 'text';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number' && Number.isFinite(value)) return 'number';
  throw new Error(`Unsupported query value: ${String(value)}`);
}

function sameTypeOf(values: readonly FieldValue[], where: string): JsonKind {
  const types = new Set(values.map(typeOfValue));
  if (types.size !== 1) throw new Error(`${where}: values must all be of one JSON type`);
  return [...types][0];
}

/**
 * json_extract turns true into 1 and a nested object into text, so the JSON type is checked
 * beside the indexed comparison (on the rows the index found): the number 1 never matches true.
 */
function typeCheck(field: string, type: JsonKind): string {
  const jsonType = `json_type(doc, ${literal(path(field))})`;
  if (type === 'text') return `${jsonType} = 'text'`;
  if (type === 'number') return `${jsonType} IN ('integer', 'real')`;
  return `${jsonType} IN ('true', 'false')`;
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

function path(field: string): string {
  if (!FIELD_NAME.test(field)) throw new Error(`Unsupported field name for a page query or index: ${JSON.stringify(field)}`);
  return `$."${field}"`;
}

/** The indexed expression; it must read exactly the same in CREATE INDEX and in every query. */
const extract = (field: string): string => `json_extract(doc, ${literal(path(field))})`;

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

function indexName(index: IndexDeclaration): string {
  const readable = `${index.collection}__${index.fields.join('_')}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 80);
  const digest = createHash('sha256')
    .update(JSON.stringify([index.collection, index.fields]))
    .digest('hex')
    .slice(0, 10);
  return `"rmx_${readable}_${digest}"`;
}
