import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

/**
 * Opens the embedded store's one database file with the durability every adapter relies
 * on: WAL so readers never block the writer, and synchronous=FULL so a transaction that
 * has returned is on disk and survives a power cut.
 */
export function openSqliteDatabase(filename: string): SqliteDatabase {
  if (filename !== ':memory:') mkdirSync(dirname(filename), { recursive: true });
  const db = new Database(filename);
  // Several connections (event store, read models, idempotency) share the file; wait rather than fail on a lock,
  // from the first statement on (switching to WAL itself needs the lock).
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  return db;
}
