/** JSON with object keys sorted at every depth, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

/**
 * Sorted copies, built with plain loops: every event a load reads is hashed again (hash-chain
 * check), and this is most of that cost. The copies must stay what `Object.fromEntries` over the
 * sorted keys made when the first hashes were computed (the text hashed must not change).
 */
export function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) copy[i] = sortKeys(value[i]);
    return copy;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object).sort();
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    // Assigning "__proto__" would set the prototype: it must become an own key, as fromEntries made it.
    if (key === '__proto__')
      Object.defineProperty(copy, key, { value: sortKeys(object[key]), enumerable: true, writable: true, configurable: true });
    else copy[key] = sortKeys(object[key]);
  }
  return copy;
}
