import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HashChainingEventStore, JsonObject } from '@shoplink/event-store';
import { SqliteEventStore } from '@shoplink/event-store/sqlite';
import { openAuditStores, selectAuditSource } from './audit-storage';
import { runCli } from './cli';
import { CliError, EXIT } from './cli-command';

const KURRENT = 'kurrentdb://kurrent.test:2113?tls=false';

function refusal(work: () => unknown): CliError {
  try {
    work();
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('selectAuditSource (which store the audit commands read)', () => {
  it('reads the embedded file by default: SHOPLINK_DATA_FILE, else data/shoplink.db; --data-file names another', () => {
    expect(selectAuditSource({}, undefined)).toMatchObject({
      config: { eventStore: { kind: 'sqlite', file: resolve('data/shoplink.db') }, documents: { kind: 'sqlite' } },
      embeddedFile: resolve('data/shoplink.db'),
    });
    expect(selectAuditSource({ SHOPLINK_DATA_FILE: 'var/a.db' }, undefined).embeddedFile).toBe(resolve('var/a.db'));
    const named = selectAuditSource({ SHOPLINK_DATA_FILE: 'var/a.db' }, 'copy.db');
    expect(named.config).toEqual({
      eventStore: { kind: 'sqlite', file: resolve('copy.db') },
      documents: { kind: 'sqlite', file: resolve('copy.db') },
    });
    expect(named.description).toBe(
      `events: SQLite ${resolve('copy.db')}; read models and idempotency records: SQLite ${resolve('copy.db')}`,
    );
  });

  it('reads KurrentDB when EVENTSTORE_URL is set (keys on MongoDB when MONGODB_URI is), as the service does', () => {
    const kurrent = selectAuditSource({ EVENTSTORE_URL: KURRENT }, undefined);
    expect(kurrent).toMatchObject({ config: { eventStore: { kind: 'kurrentdb', url: KURRENT } }, embeddedFile: null });
    expect(kurrent.description).toContain('events: KurrentDB at kurrentdb://kurrent.test:2113');
    const both = selectAuditSource(
      { EVENTSTORE_URL: KURRENT, MONGODB_URI: 'mongodb://u:p@mongo.test:27017/audit?replicaSet=rs0' },
      undefined,
    );
    expect(both.config.documents).toEqual({
      kind: 'mongodb',
      uri: 'mongodb://u:p@mongo.test:27017/audit?replicaSet=rs0',
      database: 'audit',
    });
    expect(both.description).not.toContain('u:p');
    // Events in the file, keys on MongoDB: --data-file names the events' file and leaves the keys where they are.
    const mixed = selectAuditSource({ MONGODB_URI: 'mongodb://mongo.test:27017/?replicaSet=rs0' }, 'copy.db');
    expect(mixed.config).toMatchObject({ eventStore: { kind: 'sqlite', file: resolve('copy.db') }, documents: { kind: 'mongodb' } });
  });

  it('refuses (exit 2) --data-file with EVENTSTORE_URL, and malformed settings naming the variable', () => {
    const both = refusal(() => selectAuditSource({ EVENTSTORE_URL: KURRENT }, 'copy.db'));
    expect(both.exitCode).toBe(EXIT.usage);
    expect(both.message).toContain('--data-file names the embedded SQLite file, but EVENTSTORE_URL selects KurrentDB');
    const malformed = refusal(() => selectAuditSource({ EVENTSTORE_URL: 'http://kurrent.test' }, undefined));
    expect({ exitCode: malformed.exitCode, code: malformed.code }).toEqual({ exitCode: EXIT.usage, code: 'STORAGE_CONFIG' });
    expect(malformed.message).toContain('EVENTSTORE_URL');
  });
});

describe('openAuditStores on the embedded adapter', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-storage-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a data file that does not exist (exit 2) instead of creating one', () => {
    const missing = refusal(() => openAuditStores(selectAuditSource({}, join(dir, 'missing.db'))));
    expect({ exitCode: missing.exitCode, code: missing.code }).toEqual({ exitCode: EXIT.usage, code: 'DATA_FILE_NOT_FOUND' });
  });

  it('reads the file through the port, with the positions the file alone can vouch for', async () => {
    const file = join(dir, 'shoplink.db');
    const writer = new HashChainingEventStore(new SqliteEventStore(file));
    const lines = readFileSync(join(__dirname, '../../../libs/shops/src/codec/fixtures/shop-story.v1.jsonl'), 'utf8').trim().split('\n');
    for (const line of lines) {
      const { streamId, revision, id, type, data, metadata } = JSON.parse(line) as {
        streamId: string;
        revision: number;
        id: string;
        type: string;
        data: JsonObject;
        metadata: JsonObject;
      };
      const { hash: _hash, previousHash: _previous, hashAlgorithm: _algorithm, ...rest } = metadata;
      await writer.appendToStream(streamId, [{ id, type, data, metadata: rest }], revision === 0 ? 'no_stream' : revision - 1);
    }
    await writer.close();

    const stores = openAuditStores(selectAuditSource({ EVENTSTORE_URL: '' }, file));
    expect(stores.embeddedLog?.highestPositionIssued()).toBe(17n);
    expect((await stores.stored.readStream('shop-story')).map((e) => e.revision)).toEqual([...Array(13).keys()]);
    await stores.close();

    let stdout = '';
    const output = {
      out: async (text: string) => {
        stdout += text;
      },
      err: () => {},
    };
    expect(await runCli(['verify', '--all', '--data-file', file], output, {})).toBe(EXIT.ok);
    expect(stdout).toBe('Verdict: intact: 17 events in 4 streams, positions up to 17 (highest issued 17)\n');
    stdout = '';
    expect(
      await runCli(['history', 'story', '--actor', 'member:m-owner', '--to', '2026-03-03', '--json', '--data-file', file], output, {}),
    ).toBe(EXIT.ok);
    expect(JSON.parse(stdout).entries.map((e: { revision: number }) => e.revision)).toEqual([0, 1]);
    expect(await runCli(['history', 'nobody', '--data-file', file], output, {})).toBe(EXIT.notFound);
  });
});
