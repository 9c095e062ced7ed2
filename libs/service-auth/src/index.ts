export * from './actor-grants';
export * from './service-scopes';
export * from './service-token';
export * from './token-secret';
