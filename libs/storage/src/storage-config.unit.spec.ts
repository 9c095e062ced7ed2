import { resolve } from 'node:path';
import { ConfigError } from './config-error';
import { describeStorage, loadStorageConfig } from './storage-config';

describe('loadStorageConfig', () => {
  it('keeps everything in the embedded file when no server is named (an empty variable counts as unset)', () => {
    expect(loadStorageConfig({})).toEqual({
      eventStore: { kind: 'sqlite', file: resolve('data/shoplink.db') },
      documents: { kind: 'sqlite', file: resolve('data/shoplink.db') },
    });
    expect(loadStorageConfig({ EVENTSTORE_URL: '', MONGODB_URI: '  ', SHOPLINK_DATA_FILE: 'var/s.db' }).eventStore).toEqual({
      kind: 'sqlite',
      file: resolve('var/s.db'),
    });
  });

  it('takes every form of KurrentDB connection string the client accepts', () => {
    for (const url of [
      'kurrentdb://localhost:2113?tls=false',
      'kurrentdb://admin:changeit@node1:2113,node2:2113,node3:2113?tls=true&tlsVerifyCert=false',
      'kurrentdb+discover://cluster.example.com:2113',
    ]) {
      expect(loadStorageConfig({ EVENTSTORE_URL: url }).eventStore).toEqual({ kind: 'kurrentdb', url });
    }
  });

  it('mixes adapters: events on KurrentDB, read models still in the file, or the other way round', () => {
    const eventsOnly = loadStorageConfig({ EVENTSTORE_URL: 'kurrentdb://localhost:2113?tls=false', SHOPLINK_DATA_FILE: '/d/s.db' });
    expect(eventsOnly.documents).toEqual({ kind: 'sqlite', file: '/d/s.db' });
    const documentsOnly = loadStorageConfig({ MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0', SHOPLINK_DATA_FILE: '/d/s.db' });
    expect(documentsOnly.eventStore).toEqual({ kind: 'sqlite', file: '/d/s.db' });
  });

  it('takes the database from SHOPLINK_MONGODB_DATABASE, else from the URI, else shoplink', () => {
    const database = (env: NodeJS.ProcessEnv) => {
      const documents = loadStorageConfig(env).documents;
      return documents.kind === 'mongodb' ? documents.database : null;
    };
    expect(database({ MONGODB_URI: 'mongodb://localhost:27017/?replicaSet=rs0' })).toBe('shoplink');
    expect(database({ MONGODB_URI: 'mongodb://a:27017,b:27017/orders?replicaSet=rs0' })).toBe('orders');
    expect(database({ MONGODB_URI: 'mongodb://a:27017/orders', SHOPLINK_MONGODB_DATABASE: 'shoplink_eu' })).toBe('shoplink_eu');
  });

  it.each([
    [{ EVENTSTORE_URL: 'localhost:2113' }, 'EVENTSTORE_URL'],
    [{ EVENTSTORE_URL: 'kurrentdb://localhost:2113?nodePreference=nearest' }, 'EVENTSTORE_URL'],
    [{ MONGODB_URI: 'mongodb://' }, 'MONGODB_URI'],
    [{ MONGODB_URI: 'mongodb://localhost/bad.name' }, 'MONGODB_URI'],
    [{ MONGODB_URI: 'mongodb://localhost', SHOPLINK_MONGODB_DATABASE: 'no spaces' }, 'SHOPLINK_MONGODB_DATABASE'],
    [{ SHOPLINK_MONGODB_DATABASE: 'shoplink' }, 'SHOPLINK_MONGODB_DATABASE'],
  ])('refuses %j naming %s', (env, variable) => {
    let error: unknown;
    try {
      loadStorageConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message.startsWith(`${variable}: `)).toBe(true);
  });

  it('describes the storage for a start-up log line without credentials', () => {
    const config = loadStorageConfig({
      EVENTSTORE_URL: 'kurrentdb://admin:secret@k:2113?tls=false',
      MONGODB_URI: 'mongodb://u:p@m:27017/?replicaSet=rs0',
    });
    const line = describeStorage(config);
    expect(line).toBe(
      'events: KurrentDB at kurrentdb://***@k:2113?tls=false; read models and idempotency records: MongoDB database shoplink at mongodb://***@m:27017/?replicaSet=rs0',
    );
    expect(line).not.toMatch(/secret|u:p/);
  });
});
