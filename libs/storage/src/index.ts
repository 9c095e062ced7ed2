export * from './config-error';
export * from './storage-config';
export * from './open-storage';
export * from './readiness';
export * from './startup-failure';
export * from './embedded-writer';
export * from './storage-conditions';
export * from './broken-streams-condition';
