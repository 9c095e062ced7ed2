import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePersonalDataKeysContract } from '../contract/personal-data-keys.contract';
import { PersonalDataKeys } from '../personal-data-keys.port';
import { SqlitePersonalDataKeys } from './sqlite-personal-data-keys';
import { closingAll } from '@shoplink/event-store/testing/closing-all';

describePersonalDataKeysContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'shoplink-keys-'));
  const file = join(dir, 'shoplink.db');
  const keys = closingAll((): PersonalDataKeys => new SqlitePersonalDataKeys(file));
  return {
    keys: keys.open(),
    openAnother: async () => keys.open(),
    cleanup: async () => {
      await keys.closeAll();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqlitePersonalDataKeys: destroyed means gone from the files', () => {
  it('leaves no copy of a destroyed key in the database file or its write-ahead log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shoplink-keys-'));
    const file = join(dir, 'shoplink.db');
    const keys = new SqlitePersonalDataKeys(file);
    const reader = new SqlitePersonalDataKeys(file);
    try {
      const doomed = await keys.activeKey('doomed-shop');
      const kept = await keys.activeKey('kept-shop');
      const bytesOnDisk = () => Buffer.concat([readFileSync(file), readFileSync(`${file}-wal`, { flag: 'a+' })]);
      expect(bytesOnDisk().includes(doomed.key)).toBe(true);
      await reader.findKey(doomed.keyId);
      await keys.destroyKeys('doomed-shop');
      expect(bytesOnDisk().includes(doomed.key)).toBe(false);
      expect(bytesOnDisk().includes(kept.key)).toBe(true);
    } finally {
      await keys.close();
      await reader.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
