export * from './account-standing.reader';
export * from './account-stream-standing';
export * from './shop-command.executor';
export * from './unlink-codes';
export * from './shop-state-as-of';
export * from './shop-integrity';
export * from './shop-states';
export * from './shop-state-cache';
