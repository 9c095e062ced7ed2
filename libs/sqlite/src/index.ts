export * from './open-sqlite-database';
