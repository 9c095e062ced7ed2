import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { appendMixedEvents, countingProjection, describeProjectorContract } from './contract/projector.contract';
import { Projector } from './projector';
import { ReadModelStore } from './read-model-store.port';
import { SqliteReadModelStore } from './sqlite/sqlite-read-model-store';

/** Events and read models in one file, as the service runs; other keys get files of their own. */
function sqliteEnvironment() {
  const dir = mkdtempSync(join(tmpdir(), 'projector-'));
  const fileFor = (key: string): string => join(dir, key === 'main' ? 'shoplink.db' : `${key}.db`);
  const eventStore = new SqliteEventStore(fileFor('main'));
  const opened: ReadModelStore[] = [];
  return {
    eventStore,
    fileFor,
    openStore: async (key: string): Promise<ReadModelStore> => {
      const store = new SqliteReadModelStore(fileFor(key));
      opened.push(store);
      return store;
    },
    cleanup: async (): Promise<void> => {
      await Promise.all(opened.map((store) => store.close()));
      await eventStore.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describeProjectorContract('SQLite event store and read models in one file', async () => sqliteEnvironment());
// The service's projector: commits spaced under load, documents kept in memory between batches.
describeProjectorContract('SQLite, commits spaced by 20 ms and a document cache of 3', async () => sqliteEnvironment(), {
  minCommitIntervalMs: 20,
  documentCacheSize: 3,
});

describe('Projector on SQLite', () => {
  it('sees appends made through another connection to the file', async () => {
    const env = sqliteEnvironment();
    const writer = new SqliteEventStore(env.fileFor('main'));
    const projector = new Projector({
      name: 'counters',
      projections: [countingProjection],
      eventStore: new SqliteEventStore(env.fileFor('main'), { pollIntervalMs: 10 }),
      store: await env.openStore('main'),
    });
    try {
      await projector.start();
      const position = await appendMixedEvents(writer, 5);

      expect(await projector.waitForPosition(position, 2_000)).toBe(true);
    } finally {
      await projector.stop();
      await writer.close();
      await env.cleanup();
    }
  });
});
