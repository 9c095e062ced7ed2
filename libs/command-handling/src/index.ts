export * from './idempotency-store.port';
export * from './command-envelope';
export * from './deterministic-event-id';
export * from './concurrency-conflict.error';
export * from './idempotency-key-reused.error';
export * from './clock';
