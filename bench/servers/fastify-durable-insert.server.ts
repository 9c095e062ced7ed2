/**
 * Baseline (b): a bare Fastify route that does one durable SQLite insert per request (its own
 * transaction, WAL, synchronous=FULL: one fsync each), into the event store's table, and
 * answers the row's position. What a service that writes each command alone can reach.
 * PORT, HOST, BENCH_DATA_FILE from the environment.
 */
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { openSqliteDatabase } from '@shoplink/sqlite';
import Fastify from 'fastify';
import { randomUUID } from 'node:crypto';

async function main(): Promise<void> {
  const file = process.env.BENCH_DATA_FILE!;
  await new SqliteEventStore(file).close(); // the events table, created as the service creates it
  const db = openSqliteDatabase(file);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  let revision = 0;
  const app = Fastify();
  app.get('/ready', async () => ({ ready: true }));
  app.post('/insert', async (request) => {
    const body = request.body as Record<string, unknown>;
    const { lastInsertRowid } = insert.run(
      'baseline',
      revision++,
      randomUUID(),
      'Inserted',
      JSON.stringify(body),
      '{}',
      new Date().toISOString(),
    );
    return { position: String(lastInsertRowid) };
  });
  await app.listen({ port: Number(process.env.PORT ?? 3101), host: process.env.HOST ?? '127.0.0.1' });
}

void main();
