/**
 * A value kept on a request object itself, under a symbol of its own, for as long as the request
 * lives. Not in a WeakMap keyed by the request: measured under a flood, V8's young-generation
 * collector kept every request held as a WeakMap key alive (about 3 MB copied per scavenge, then
 * promoted to the old generation), so scavenges took 8–15 ms instead of about 1 ms, and every
 * caller's request waited behind them. A property dies with its request.
 */
export interface RequestSlot<R extends object, V> {
  set(request: R, value: V): void;
  get(request: R): V | undefined;
}

export function requestSlot<R extends object, V>(name: string): RequestSlot<R, V> {
  const key = Symbol(name);
  return {
    set: (request, value) => {
      (request as Record<symbol, unknown>)[key] = value;
    },
    get: (request) => (request as Record<symbol, unknown>)[key] as V | undefined,
  };
}
