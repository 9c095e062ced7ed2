/**
 * The shop state's collections keyed by ids callers choose (members, links, orders, incidents…).
 * A plain object would answer `constructor`, `toString` or `__proto__` from Object.prototype, and
 * assigning `__proto__` would replace its prototype instead of adding an entry. So every table is
 * created without a prototype, and every read goes through `entryOf`, which only sees own entries:
 * an id that was never recorded reads as absent whatever its name. Tables stay plain objects, so
 * snapshots (JSON) keep their format; `ownedTables` restores the null prototype on a parsed one.
 */
export type IdTable<V> = Readonly<Record<string, V>>;

/** The entry recorded under `id`, or undefined: never something inherited. */
export function entryOf<V>(table: IdTable<V>, id: string): V | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

/** Whether an entry is recorded under `id`. */
export const hasEntry = <V>(table: IdTable<V>, id: string): boolean => Object.hasOwn(table, id);

/** A new table (null prototype) holding the given entries. */
export function idTable<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const table = Object.create(null) as Record<string, V>;
  for (const [id, value] of entries) table[id] = value;
  return table;
}

/** A copy of the table with `id` set to `value`. */
export const withEntry = <V>(table: IdTable<V>, id: string, value: V): Record<string, V> =>
  idTable([...Object.entries(table), [id, value] as const]);

/** A copy of the table without `id`. */
export const withoutEntry = <V>(table: IdTable<V>, id: string): Record<string, V> =>
  idTable(Object.entries(table).filter(([key]) => key !== id));

/** A copy holding the entries that pass `keep`. */
export const filteredTable = <V>(table: IdTable<V>, keep: (value: V, id: string) => boolean): Record<string, V> =>
  idTable(Object.entries(table).filter(([id, value]) => keep(value, id)));

/** A copy with every value mapped. */
export const mappedTable = <V, W>(table: IdTable<V>, map: (value: V, id: string) => W): Record<string, W> =>
  idTable(Object.entries(table).map(([id, value]) => [id, map(value, id)] as const));
