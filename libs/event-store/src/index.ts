export * from './position';
export * from './event-store.port';
export * from './event-store.errors';
export * from './canonical-json';
export * from './hash-chain/event-hash';
export * from './hash-chain/hash-chaining-event-store';
export * from './hash-chain/verify-chain';
export * from './hash-chain/verify-log';
