export * from './actor-assertion';
export * from './actor-assertion-key-source';
export * from './actor-assertion-keys';
export * from './invalid-actor-assertion.error';
export type { LocalSecret } from './local-secret';
export * from './second-factor';
export * from './service-scopes';
export * from './service-token';
export * from './token-secret';
