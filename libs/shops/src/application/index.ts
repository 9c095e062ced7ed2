export * from './account-standing.reader';
export * from './shop-command.executor';
