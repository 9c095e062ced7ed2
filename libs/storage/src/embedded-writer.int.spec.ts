import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WriterLockHeldError } from '@shoplink/sqlite';
import { becomeEmbeddedWriter, checkDataFile, embeddedFileWrittenBy } from './embedded-writer';
import { fatalLine, StartupFailure, startupFailureOf } from './startup-failure';
import { loadStorageConfig } from './storage-config';
import { ConfigError } from './config-error';

describe('becoming the embedded file’s writer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-embedded-writer-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const codeOf = (run: () => unknown): string | undefined => {
    try {
      run();
      return undefined;
    } catch (error) {
      return startupFailureOf(error).code;
    }
  };
  const database = (file: string, rows = 200) => {
    const db = new Database(file);
    db.exec('CREATE TABLE t (x TEXT)');
    const insert = db.prepare('INSERT INTO t VALUES (?)');
    db.transaction(() => {
      for (let n = 0; n < rows; n++) insert.run('x'.repeat(500));
    })();
    db.close();
  };

  it('locks the file the process writes: the API whenever a store is embedded, the projector only for embedded read models', () => {
    const file = join(dir, 'shoplink.db');
    const embedded = loadStorageConfig({ SHOPLINK_DATA_FILE: file });
    expect(embeddedFileWrittenBy(embedded, 'api')).toBe(file);
    expect(embeddedFileWrittenBy(embedded, 'projector')).toBe(file);
    const mongo = loadStorageConfig({ SHOPLINK_DATA_FILE: file, MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0' });
    expect(embeddedFileWrittenBy(mongo, 'api')).toBe(file);
    expect(embeddedFileWrittenBy(mongo, 'projector')).toBeNull();
    const servers = loadStorageConfig({
      EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false',
      MONGODB_URI: 'mongodb://localhost:27017/',
    });
    expect(becomeEmbeddedWriter(servers, 'api')).toBeNull();

    const lock = becomeEmbeddedWriter(embedded, 'api')!;
    expect(codeOf(() => becomeEmbeddedWriter(embedded, 'projector'))).toBe('WRITER_LOCK_HELD');
    expect(readFileSync(`${file}.writer-lock.holder`, 'utf8')).toMatch(new RegExp(`^pid ${process.pid}, api, started `));
    lock.release();
    becomeEmbeddedWriter(embedded, 'projector')!.release();
  });

  it('accepts no file, an empty one and a whole database', () => {
    const file = join(dir, 'whole.db');
    expect(codeOf(() => checkDataFile(file))).toBeUndefined();
    writeFileSync(file, '');
    expect(codeOf(() => checkDataFile(file))).toBeUndefined();
    rmSync(file);
    database(file);
    expect(codeOf(() => checkDataFile(file))).toBeUndefined();
  });

  it('refuses a file that is not SQLite, a truncated one and a read-only one, each with its code', () => {
    const text = join(dir, 'text.db');
    writeFileSync(text, 'this is not a database, it is a shopping list\n'.repeat(100));
    expect(codeOf(() => checkDataFile(text))).toBe('DATA_FILE_NOT_SQLITE');

    const truncated = join(dir, 'truncated.db');
    database(truncated);
    truncateSync(truncated, 4096 * 3);
    expect(codeOf(() => checkDataFile(truncated))).toBe('DATA_FILE_TRUNCATED');
    const cut = join(dir, 'cut.db');
    database(cut);
    truncateSync(cut, 50);
    expect(codeOf(() => checkDataFile(cut))).toBe('DATA_FILE_TRUNCATED');

    const readOnly = join(dir, 'read-only.db');
    database(readOnly);
    chmodSync(readOnly, 0o444);
    expect(codeOf(() => checkDataFile(readOnly))).toBe('DATA_FILE_READ_ONLY');
  });

  it('refuses a data directory it cannot make or write, before taking the lock', () => {
    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, 'x');
    const config = loadStorageConfig({ SHOPLINK_DATA_FILE: join(notADirectory, 'shoplink.db') });
    expect(codeOf(() => becomeEmbeddedWriter(config, 'api'))).toBe('DATA_DIR_NOT_WRITABLE');
  });

  it('turns any error into a code and an exit code, and the fatal line is one JSON object', () => {
    expect(startupFailureOf(new WriterLockHeldError('/d/x.db.writer-lock', 'pid 7, api, started t'))).toMatchObject({
      code: 'WRITER_LOCK_HELD',
      exitCode: 74,
      message: expect.stringContaining('/d/x.db.writer-lock is held by pid 7, api, started t'),
    });
    expect(startupFailureOf(Object.assign(new Error('attempt to write a readonly database'), { code: 'SQLITE_READONLY' }))).toMatchObject({
      code: 'DATA_FILE_READ_ONLY',
      exitCode: 74,
    });
    expect(startupFailureOf(Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' })).code).toBe(
      'DATA_FILE_NOT_SQLITE',
    );
    expect(startupFailureOf(Object.assign(new Error('no space'), { code: 'ENOSPC' })).code).toBe('STORAGE_IO_ERROR');
    expect(
      startupFailureOf(
        Object.assign(new Error('listen EADDRINUSE: address already in use 127.0.0.1:3000'), { code: 'EADDRINUSE', syscall: 'listen' }),
      ),
    ).toMatchObject({ code: 'PORT_UNAVAILABLE', exitCode: 74 });
    expect(startupFailureOf(new ConfigError('PORT', 'expected a port')).exitCode).toBe(78);
    expect(startupFailureOf(new TypeError('x is undefined'))).toMatchObject({ code: 'INTERNAL', exitCode: 70 });
    const line = fatalLine(new StartupFailure('DATA_FILE_TRUNCATED', 'the data file "a\nb" is truncated'));
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({ level: 'fatal', code: 'DATA_FILE_TRUNCATED', msg: 'the data file "a\nb" is truncated' });
  });
});
