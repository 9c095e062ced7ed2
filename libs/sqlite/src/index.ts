export * from './open-sqlite-database';
export * from './group-commit';
export * from './writer-lock';
