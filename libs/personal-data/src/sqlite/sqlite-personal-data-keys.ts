import { randomBytes } from 'node:crypto';
import { openSqliteDatabase, SqliteDatabase } from '@shoplink/sqlite';
import { DataKey, PersonalDataKeys } from '../personal-data-keys.port';

/**
 * Keys in the embedded SQLite file. Destroying one must remove its bytes from the file, not
 * merely unlink them: secure_delete zeroes freed content, and a TRUNCATE checkpoint empties
 * the write-ahead log, which still holds the page the key was first written to.
 */
export class SqlitePersonalDataKeys implements PersonalDataKeys {
  private readonly db: SqliteDatabase;
  private readonly selectActive;
  private readonly insertKey;
  private readonly selectKey;
  private readonly eraseKeys;

  constructor(filename: string) {
    this.db = openSqliteDatabase(filename);
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS personal_data_keys (
        key_id TEXT PRIMARY KEY,
        shop_id TEXT NOT NULL,
        key BLOB,
        created_at TEXT NOT NULL,
        destroyed_at TEXT
      );
      CREATE INDEX IF NOT EXISTS personal_data_keys_by_shop ON personal_data_keys (shop_id) WHERE key IS NOT NULL;
    `);
    this.selectActive = this.db.prepare<[string], { key_id: string; key: Buffer }>(
      'SELECT key_id, key FROM personal_data_keys WHERE shop_id = ? AND key IS NOT NULL ORDER BY created_at LIMIT 1',
    );
    this.insertKey = this.db.prepare<[string, string, Buffer, string]>(
      'INSERT INTO personal_data_keys (key_id, shop_id, key, created_at) VALUES (?, ?, ?, ?)',
    );
    this.selectKey = this.db.prepare<[string], { key: Buffer | null }>('SELECT key FROM personal_data_keys WHERE key_id = ?');
    this.eraseKeys = this.db.prepare<[string, string]>(
      'UPDATE personal_data_keys SET key = NULL, destroyed_at = ? WHERE shop_id = ? AND key IS NOT NULL',
    );
  }

  async activeKey(shopId: string): Promise<DataKey> {
    // One transaction: two requests for a new shop's first key must end with one key.
    return this.db
      .transaction((): DataKey => {
        const row = this.selectActive.get(shopId);
        if (row !== undefined) return { keyId: row.key_id, key: row.key };
        const created = { keyId: randomBytes(9).toString('base64url'), key: randomBytes(32) };
        this.insertKey.run(created.keyId, shopId, created.key, new Date().toISOString());
        return created;
      })
      .immediate();
  }

  async findKey(keyId: string): Promise<Buffer | null> {
    return this.selectKey.get(keyId)?.key ?? null;
  }

  async destroyKeys(shopId: string): Promise<number> {
    const { changes } = this.eraseKeys.run(new Date().toISOString(), shopId);
    if (changes > 0) this.emptyWriteAheadLog();
    return changes;
  }

  /** A checkpoint cannot finish while another connection reads an older snapshot; such reads are short, so try again. */
  private emptyWriteAheadLog(): void {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const [result] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result.busy === 0) return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
    throw new Error(
      'could not empty the write-ahead log after destroying keys; the destroyed key bytes may remain in it until the next checkpoint',
    );
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
