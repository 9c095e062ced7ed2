import { closingAll } from '../testing/closing-all';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { DuplicateEventIdError, StreamNotFoundError } from '../event-store.errors';
import { EventToAppend } from '../event-store.port';
import { positionAt } from '../position';
import { SqliteEventStore } from './sqlite-event-store';
import { SqliteSnapshotStore } from './sqlite-snapshot-store';

function tempDatabase(): { file: string; removeDir: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-event-store-'));
  return { file: join(dir, 'events.db'), removeDir: () => rmSync(dir, { recursive: true, force: true }) };
}

describe.each([
  ['on the event loop', false],
  ['on a worker thread', true],
])('group commit %s', (_, commitOnWorker) => {
  describeEventStoreContract(`SqliteEventStore, committing ${commitOnWorker ? 'on a worker thread' : 'on the event loop'}`, async () => {
    const { file, removeDir } = tempDatabase();
    const stores = closingAll(() => new SqliteEventStore(file, { commitOnWorker }));
    return {
      store: stores.open(),
      reopen: async () => stores.open(),
      cleanup: async () => {
        await stores.closeAll();
        removeDir();
      },
    };
  });

  describe('SqliteEventStore specifics', () => {
    let file: string;
    let removeDir: () => void;
    const stores: SqliteEventStore[] = [];
    const open = (options?: ConstructorParameters<typeof SqliteEventStore>[1]): SqliteEventStore => {
      const store = new SqliteEventStore(file, { commitOnWorker, ...options });
      stores.push(store);
      return store;
    };

    beforeEach(() => {
      ({ file, removeDir } = tempDatabase());
    });
    afterEach(async () => {
      for (const store of stores.splice(0)) await store.close();
      removeDir();
    });

    it('runs its connection in WAL mode with synchronous=FULL', () => {
      const db = open()['db'];
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
    });

    it('lets the schema itself refuse a second event at the same revision, or a reused event id', async () => {
      const store = open();
      const { position } = await store.appendToStream('s-1', [event()], 'no_stream');
      const raw = new Database(file);
      try {
        const insert = raw.prepare(
          "INSERT INTO events (stream_id, revision, event_id, type, data, metadata, created_at) VALUES (?, ?, ?, 'T', '{}', '{}', '2024-01-01T00:00:00.000Z')",
        );
        expect(() => insert.run('s-1', 0, randomUUID())).toThrow(/UNIQUE constraint failed: events.stream_id, events.revision/);
        const [stored] = await store.readStream('s-1');
        expect(() => insert.run('s-2', 0, stored.id)).toThrow(/UNIQUE constraint failed: events.event_id/);
        // Positions are the table's rowids.
        expect(raw.prepare('SELECT position FROM events').pluck().all()).toEqual([Number(position.commit)]);
        expect(position).toEqual(positionAt(1));
      } finally {
        raw.close();
      }
    });

    it('stamps createdAt with the injected clock, stored as ISO text', async () => {
      const at = new Date('2024-05-01T10:00:00.123Z');
      const store = open({ now: () => at });
      await store.appendToStream('s', [event(), event()], 'no_stream');
      expect((await store.readStream('s')).map((e) => e.createdAt)).toEqual([at, at]);
      expect(store['db'].prepare('SELECT DISTINCT created_at FROM events').pluck().all()).toEqual(['2024-05-01T10:00:00.123Z']);
    });

    it('saves snapshots through its group commit, keeping the latest revision of one evolve version', async () => {
      const store = open();
      const snapshots = new SqliteSnapshotStore(store.groupCommit);
      const at = (revision: number, evolveVersion = 1) => ({
        streamId: 's',
        evolveVersion,
        revision,
        eventId: `e-${revision}`,
        state: { revision },
      });
      await Promise.all([snapshots.save(at(5)), store.appendToStream('s', [event()], 'no_stream')]);
      await snapshots.save(at(3)); // an older one does not replace it
      expect(await snapshots.load('s', 1)).toEqual(at(5));
      await snapshots.save(at(7, 2)); // another evolve version replaces the others
      expect(await snapshots.load('s', 1)).toBeNull();
      expect(await snapshots.load('s', 2)).toEqual(at(7, 2));
    });

    it('refuses an append that repeats an id within itself, writing nothing', async () => {
      const store = open();
      const repeated = event();
      await expect(store.appendToStream('s', [repeated, event(), repeated], 'no_stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
      await expect(store.readStream('s')).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    describe('group commit', () => {
      it('commits appends issued together in one transaction, and answers none before it is committed', async () => {
        const store = open();
        const raw = new Database(file, { readonly: true });
        try {
          const count = raw.prepare('SELECT COUNT(*) FROM events').pluck();
          const seenAtAnswer: number[] = [];
          const appends = Array.from({ length: 20 }, (_, i) =>
            store.appendToStream(`s-${i}`, [event()], 'no_stream').then((result) => {
              // Another connection sees only committed data: the append is there when it is answered.
              seenAtAnswer.push(count.get() as number);
              return result;
            }),
          );
          expect(count.get()).toBe(0); // queued, not yet written
          const results = await Promise.all(appends);
          expect(seenAtAnswer).toEqual(Array(20).fill(20)); // all committed together, before the first answer
          expect(new Set(results.map((r) => r.position.commit)).size).toBe(20);
        } finally {
          raw.close();
        }
      });

      it('answers none of a batch whose COMMIT fails, and keeps none of its events', async () => {
        const store = open();
        await store.appendToStream('before', [event()], 'no_stream');
        // A deferred foreign key is checked at COMMIT: an event of type Poison makes the whole transaction fail there.
        store['db'].exec(`
          CREATE TABLE poison_parent (id INTEGER PRIMARY KEY);
          CREATE TABLE poison_child (parent INTEGER REFERENCES poison_parent (id) DEFERRABLE INITIALLY DEFERRED);
          CREATE TRIGGER poison AFTER INSERT ON events WHEN NEW.type = 'Poison' BEGIN INSERT INTO poison_child VALUES (42); END;
        `);
        store['db'].pragma('foreign_keys = ON');
        const outcomes = await Promise.allSettled([
          store.appendToStream('a', [event()], 'no_stream'),
          store.appendToStream('b', [{ ...event(), type: 'Poison' }], 'no_stream'),
          store.appendToStream('c', [event(), event()], 'no_stream'),
        ]);
        // The poisoned append and whatever shared its transaction are refused; which appends share it depends on
        // when the queue was flushed (the first may go alone when the writer is idle), so each outcome is checked
        // against the file: refused means nothing kept, answered means kept.
        expect(outcomes[1].status).toBe('rejected');
        expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
        expect(outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThanOrEqual(2);
        for (const [i, streamId] of ['a', 'b', 'c'].entries()) {
          if (outcomes[i].status === 'rejected') await expect(store.readStream(streamId)).rejects.toBeInstanceOf(StreamNotFoundError);
          else expect(await store.readStream(streamId)).not.toHaveLength(0);
        }
        // The store carries on: the next batch commits.
        expect(await store.appendToStream('d', [event()], 'no_stream')).toMatchObject({ nextExpectedRevision: 0 });
      });

      it('splits a queue longer than maxAppendsPerCommit over several transactions, each append answered once', async () => {
        const store = open({ maxAppendsPerCommit: 7 });
        const results = await Promise.all(
          Array.from({ length: 30 }, (_, i) => store.appendToStream('s', [event()], i === 0 ? 'no_stream' : 'any')),
        );
        expect(results.map((r) => r.nextExpectedRevision).sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i));
        expect(await store.readStream('s')).toHaveLength(30);
      });

      it('close() commits and answers what is still queued', async () => {
        const store = open();
        const pending = store.appendToStream('s', [event()], 'no_stream');
        await store.close();
        expect(await pending).toMatchObject({ nextExpectedRevision: 0 });
        const reopened = open();
        expect(await reopened.readStream('s')).toHaveLength(1);
      });
    });

    it('delivers to a subscription the events another instance appends to the same file, by polling', async () => {
      const reader = open({ pollIntervalMs: 25 });
      const writer = open();
      const subscription = reader.subscribeToAll();
      const iterator = subscription[Symbol.asyncIterator]();
      try {
        const pending = iterator.next();
        await new Promise((done) => setTimeout(done, 60)); // let it fall idle first
        const first = event();
        await writer.appendToStream('s', [first, event()], 'no_stream');
        expect((await pending).value).toMatchObject({ id: first.id, revision: 0 });
        expect((await iterator.next()).value).toMatchObject({ revision: 1 });
        await writer.appendToStream('s', [event()], 1);
        expect((await iterator.next()).value).toMatchObject({ revision: 2 });
      } finally {
        await subscription.close();
      }
    });

    it('wakes its own subscriptions on append instead of waiting for the next poll', async () => {
      const store = open({ pollIntervalMs: 60_000 });
      const subscription = store.subscribeToAll();
      try {
        const pending = subscription[Symbol.asyncIterator]().next();
        await new Promise((done) => setTimeout(done, 20)); // idle, waiting
        const appended = event();
        const start = Date.now();
        await store.appendToStream('s', [appended], 'no_stream');
        expect((await pending).value).toMatchObject({ id: appended.id });
        expect(Date.now() - start).toBeLessThan(1000);
      } finally {
        await subscription.close();
      }
    });

    it('close() ends its subscriptions and refuses further use', async () => {
      const store = open();
      const iterator = store.subscribeToAll()[Symbol.asyncIterator]();
      const pending = iterator.next();
      await store.close();
      expect(await pending).toEqual({ done: true, value: undefined });
      await expect(store.appendToStream('s', [event()], 'any')).rejects.toThrow();
      expect(() => store.subscribeToAll()).toThrow(/closed/);
    });

    it('keeps revisions gapless and unique when writers in other threads race on one stream', async () => {
      open(); // creates the schema before the writers start
      const writers = 4;
      const appendsEach = 150;
      const workers = Array.from(
        { length: writers },
        (_, n) => new Worker(RACING_WRITER, { eval: true, workerData: { root: ROOT, file, n, appendsEach } }),
      );
      try {
        await Promise.all(workers.map((worker) => message(worker))); // every writer loaded
        for (const worker of workers) worker.postMessage('go');
        await Promise.all(workers.map((worker) => message(worker))); // every writer done

        const events = await open().readStream('race');
        expect(events.map((e) => e.revision)).toEqual(Array.from({ length: writers * appendsEach }, (_, i) => i));
        expect(new Set(events.map((e) => e.id)).size).toBe(writers * appendsEach);
        for (let n = 0; n < writers; n++) {
          expect(events.filter((e) => e.data.writer === n).map((e) => e.data.i)).toEqual(Array.from({ length: appendsEach }, (_, i) => i));
        }
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
      }
    }, 60_000);
  });
});

function event(): EventToAppend {
  return { id: randomUUID(), type: 'Tested', data: {}, metadata: {} };
}

function message(worker: Worker): Promise<unknown> {
  return new Promise((resolveMessage, reject) => {
    worker.once('message', resolveMessage);
    worker.once('error', reject);
  });
}

const ROOT = resolve(__dirname, '../../../..');

/**
 * A writer on its own thread and connection, loading the TypeScript sources through a
 * transpile-only hook (jest's transform does not reach worker threads).
 */
const RACING_WRITER = `
  const { workerData, parentPort } = require('node:worker_threads');
  const Module = require('node:module');
  const fs = require('node:fs');
  const path = require('node:path');
  const { root, file, n, appendsEach } = workerData;
  const ts = Module.createRequire(path.join(root, 'package.json'))('typescript');
  Module._extensions['.ts'] = (module, filename) => {
    const options = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true };
    module._compile(ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions: options }).outputText, filename);
  };
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    if (request === '@shoplink/sqlite') request = path.join(root, 'libs/sqlite/src/index.ts');
    return resolveFilename.call(this, request, ...rest);
  };
  const { SqliteEventStore } = require(path.join(root, 'libs/event-store/src/sqlite/sqlite-event-store.ts'));
  const { randomUUID } = require('node:crypto');

  async function main() {
    const store = new SqliteEventStore(file);
    parentPort.postMessage('ready');
    await new Promise((go) => parentPort.once('message', go));
    let conflicts = 0;
    for (let i = 0; i < appendsEach; i++) {
      for (;;) {
        let expected = 'no_stream';
        try {
          // Also races readStream with the stream's creation: it must throw StreamNotFoundError or return the event, never [].
          expected = (await store.readStream('race', { direction: 'backwards', maxCount: 1 }))[0].revision;
        } catch (error) {
          if (error.name !== 'StreamNotFoundError') throw error;
        }
        try {
          await store.appendToStream('race', [{ id: randomUUID(), type: 'Raced', data: { writer: n, i }, metadata: {} }], expected);
          break;
        } catch (error) {
          if (error.name !== 'WrongExpectedRevisionError') throw error;
          conflicts++;
        }
      }
    }
    await store.close();
    parentPort.postMessage({ conflicts }); // refused and retried: a few per run on 2 cores
  }
  main().catch((error) => { throw error; });
`;
