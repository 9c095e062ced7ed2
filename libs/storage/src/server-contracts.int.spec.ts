import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeIdempotencyStoreContract } from '@shoplink/command-handling/contract/idempotency-store.contract';
import { IdempotencyStore } from '@shoplink/command-handling';
import { MongoIdempotencyStore } from '@shoplink/command-handling/mongodb/mongodb-idempotency-store';
import { EventStore, positionAt } from '@shoplink/event-store';
import { describeEventStoreContract } from '@shoplink/event-store/contract/event-store.contract';
import { KurrentDbEventStore } from '@shoplink/event-store/kurrentdb/kurrentdb-event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite/sqlite-event-store';
import { closingAll } from '@shoplink/event-store/testing/closing-all';
import { ReadModelStore } from '@shoplink/read-models';
import { describeProjectorContract } from '@shoplink/read-models/contract/projector.contract';
import { describeReadModelStoreContract } from '@shoplink/read-models/contract/read-model-store.contract';
import { MongoReadModelStore } from '@shoplink/read-models/mongodb/mongodb-read-model-store';
import { MongoClient } from 'mongodb';
import { PersonalDataKeys } from '@shoplink/personal-data';
import { describePersonalDataKeysContract } from '@shoplink/personal-data/contract/personal-data-keys.contract';
import { MongoPersonalDataKeys } from '@shoplink/personal-data/mongodb/mongodb-personal-data-keys';
import { openStorage } from './open-storage';
import { checkReadiness } from './readiness';
import { loadStorageConfig } from './storage-config';

/**
 * The port contract suites over the server adapters, against the servers the environment names:
 * `EVENTSTORE_URL` (KurrentDB) and `MONGODB_URI` (a MongoDB replica set), e.g. those of
 * `docker compose up -d kurrentdb mongodb` (docs/production-path.md). A server not named is
 * not pretended: one line `skipped: no … at …` is printed and none of its suites is registered.
 * The embedded adapters run the same suites in their own spec files, always.
 *
 * The tests below the contracts need no server: they check what the adapters do before any
 * network call, and how readiness reports a server that does not answer.
 */
const EVENTSTORE_URL = process.env.EVENTSTORE_URL?.trim() || undefined;
const MONGODB_URI = process.env.MONGODB_URI?.trim() || undefined;
const runId = randomUUID().slice(0, 8);

if (EVENTSTORE_URL || MONGODB_URI) jest.setTimeout(60_000);

if (EVENTSTORE_URL) {
  describeEventStoreContract(
    'KurrentDB at EVENTSTORE_URL',
    async () => {
      const stores = closingAll((): EventStore => new KurrentDbEventStore(EVENTSTORE_URL));
      return {
        store: stores.open(),
        reopen: async () => stores.open(),
        // The server is shared: the suite writes only to streams named for this run, and leaves them.
        cleanup: stores.closeAll,
      };
    },
    { uniqueIdsAcrossStreams: false },
  );
} else {
  process.stdout.write('skipped: no KurrentDB at EVENTSTORE_URL\n');
}

if (MONGODB_URI) {
  const uri = MONGODB_URI;
  let databases = 0;
  /** A database of its own per test, dropped afterwards. */
  const freshDatabase = () => `shoplink_contract_${runId}_${++databases}`;
  const drop = async (database: string) => {
    const admin = new MongoClient(uri);
    try {
      await admin.db(database).dropDatabase();
    } finally {
      await admin.close();
    }
  };

  describeReadModelStoreContract('MongoDB at MONGODB_URI', async () => {
    const database = freshDatabase();
    let store = new MongoReadModelStore(new MongoClient(uri), database);
    return {
      store,
      reopen: async () => {
        await store.close();
        store = new MongoReadModelStore(new MongoClient(uri), database);
        return store;
      },
      cleanup: async () => {
        await store.close();
        await drop(database);
      },
    };
  });

  describeIdempotencyStoreContract('MongoDB at MONGODB_URI', async () => {
    const database = freshDatabase();
    const stores = closingAll((): IdempotencyStore => new MongoIdempotencyStore(new MongoClient(uri), database));
    return {
      store: stores.open(),
      openAnother: async () => stores.open(),
      cleanup: async () => {
        await stores.closeAll();
        await drop(database);
      },
    };
  });

  describePersonalDataKeysContract('MongoDB at MONGODB_URI', async () => {
    const database = freshDatabase();
    const keys = closingAll((): PersonalDataKeys => new MongoPersonalDataKeys(new MongoClient(uri), database));
    return {
      keys: keys.open(),
      openAnother: async () => keys.open(),
      cleanup: async () => {
        await keys.closeAll();
        await drop(database);
      },
    };
  });

  // The projector over MongoDB read models; its events on the embedded store, because this suite
  // needs an empty log per test, which a shared KurrentDB cannot give (the event-store contract
  // covers what the projector asks of KurrentDB: $all order, subscriptions, positions).
  describeProjectorContract('embedded events, read models on MongoDB at MONGODB_URI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'projector-mongodb-'));
    const eventStore = new SqliteEventStore(join(dir, 'events.db'));
    const prefix = freshDatabase();
    const opened: ReadModelStore[] = [];
    const keys = new Set<string>();
    return {
      eventStore,
      openStore: async (key: string) => {
        keys.add(key);
        const store = new MongoReadModelStore(new MongoClient(uri), `${prefix}_${key}`);
        opened.push(store);
        return store;
      },
      cleanup: async () => {
        for (const store of opened) await store.close();
        await eventStore.close();
        for (const key of keys) await drop(`${prefix}_${key}`);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });

  describe('MongoReadModelStore at MONGODB_URI: a batch that fails between its writes', () => {
    it('leaves neither its documents nor its checkpoint when the server refuses a write after others succeeded', async () => {
      const database = freshDatabase();
      const store = new MongoReadModelStore(new MongoClient(uri), database);
      try {
        const createdAt = new Date('2025-03-01T10:00:00.000Z');
        await store.commitBatch('p', { position: positionAt(1), eventCreatedAt: createdAt }, [
          { collection: 'shops', id: 's-1', doc: { v: 1 } },
        ]);
        // The third write exceeds MongoDB's 16 MiB document limit: the server refuses it inside the
        // transaction, after the first two were written in it, and the transaction is aborted.
        const failing = store.commitBatch('p', { position: positionAt(2), eventCreatedAt: createdAt }, [
          { collection: 'shops', id: 's-1', doc: { v: 2 } },
          { collection: 'shops', id: 's-2', doc: { v: 2 } },
          { collection: 'shops', id: 's-3', doc: { blob: 'x'.repeat(17 * 1024 * 1024) } },
        ]);
        await expect(failing).rejects.toThrow();

        expect(await store.all('shops')).toEqual([{ v: 1 }]);
        expect(await store.getCheckpoint('p')).toEqual({ position: positionAt(1), eventCreatedAt: createdAt });
      } finally {
        await store.close();
        await drop(database);
      }
    });
  });
} else {
  process.stdout.write('skipped: no MongoDB at MONGODB_URI\n');
}

describe('server adapters without a server', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'server-contracts-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens the embedded adapters from an environment that names no server, and they answer readiness', async () => {
    const storage = openStorage(loadStorageConfig({ SHOPLINK_DATA_FILE: join(dir, 'shoplink.db') }));
    try {
      const { position } = await storage.eventStore.appendToStream(
        's-1',
        [{ id: randomUUID(), type: 'Tested', data: {}, metadata: {} }],
        'no_stream',
      );
      const readiness = await checkReadiness({ ...storage, projector: 'p' });
      expect(readiness).toEqual({
        ready: true,
        body: {
          status: 'ready',
          eventStore: { status: 'up', head: '1' },
          readStore: { status: 'up' },
          idempotencyStore: { status: 'up' },
          projection: { name: 'p', checkpoint: null, lagPositions: '2', lagSeconds: expect.any(Number), caughtUp: false },
        },
      });
      expect(position).toEqual(positionAt(1));
    } finally {
      await storage.close();
    }
  });

  it('KurrentDB adapter: refuses ids KurrentDB cannot take, and ids repeated within an append, before any network call', async () => {
    const store = new KurrentDbEventStore('kurrentdb://127.0.0.1:1?tls=false');
    try {
      const event = (id: string) => ({ id, type: 'Tested', data: {}, metadata: {} });
      await expect(store.appendToStream('s', [event('event-1')], 'any')).rejects.toThrow(/lower-case UUID/);
      const id = randomUUID();
      await expect(store.appendToStream('s', [event(id), event(id)], 'any')).rejects.toMatchObject({
        name: 'DuplicateEventIdError',
        eventId: id,
      });
      await expect(store.appendToStream('', [event(randomUUID())], 'any')).rejects.toThrow(/streamId/);
      await expect(store.appendToStream('s', [event(randomUUID())], -1)).rejects.toThrow(/expected revision/);
    } finally {
      await store.close();
    }
  });

  it('MongoDB adapter: refuses a batch with a value JSON cannot hold before any network call', async () => {
    const store = new MongoReadModelStore(new MongoClient('mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=100'), 'unused');
    try {
      const batch = store.commitBatch('p', { position: positionAt(1), eventCreatedAt: new Date() }, [
        { collection: 'c', id: 'x', doc: { amount: 10n } },
      ]);
      await expect(batch).rejects.toThrow(TypeError);
    } finally {
      await store.close();
    }
  });

  it('readiness reports a KurrentDB and a MongoDB that do not answer as down, within its timeout, and the service unavailable', async () => {
    const eventStore = new KurrentDbEventStore('kurrentdb://127.0.0.1:1?tls=false');
    const client = new MongoClient('mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=300');
    const readModels = new MongoReadModelStore(client, 'unused');
    const idempotency = new MongoIdempotencyStore(client, 'unused', { release: async () => undefined });
    try {
      const started = Date.now();
      const readiness = await checkReadiness({ eventStore, readModels, idempotency, projector: 'p', timeoutMs: 1_500 });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(readiness.ready).toBe(false);
      expect(readiness.body).toMatchObject({
        status: 'unavailable',
        eventStore: { status: 'down' },
        readStore: { status: 'down' },
        idempotencyStore: { status: 'down' },
      });
    } finally {
      await Promise.all([eventStore.close(), readModels.close(), idempotency.close()]);
    }
  });
});
