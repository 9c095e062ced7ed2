export * from './open-sqlite-database';
export * from './group-commit';
export * from './writer-lock';
export * from './storage-errors';
export * from './page-check';
export * from './write-probe';
