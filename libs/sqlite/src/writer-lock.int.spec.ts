import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireWriterLock, WriterLockHeldError } from './writer-lock';

/** A separate Node process that takes the lock, says so, and holds it until killed. */
function holderProcess(dataFile: string): Promise<{ pid: number; kill9: () => Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(${JSON.stringify(`${dataFile}.writer-lock`)});
    db.pragma('busy_timeout = 0');
    db.pragma('locking_mode = EXCLUSIVE');
    db.pragma('journal_mode = MEMORY');
    db.exec('BEGIN EXCLUSIVE');
    require('node:fs').writeFileSync(${JSON.stringify(`${dataFile}.writer-lock.holder`)}, 'pid ' + process.pid + ', test holder\\n');
    process.stdout.write('held\\n');
    setInterval(() => undefined, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () =>
      resolve({
        pid: child.pid!,
        kill9: async () => {
          child.kill('SIGKILL');
          await exited;
        },
      }),
    );
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
}

describe('acquireWriterLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shoplink-writer-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is refused to a second holder in the same process until the first releases it', () => {
    const file = join(dir, 'shoplink.db');
    const first = acquireWriterLock(file, 'api');
    expect(() => acquireWriterLock(file, 'api')).toThrow(WriterLockHeldError);
    try {
      acquireWriterLock(file, 'projector');
    } catch (error) {
      expect(error).toBeInstanceOf(WriterLockHeldError);
      expect((error as WriterLockHeldError).holder).toMatch(new RegExp(`^pid ${process.pid}, api, started \\d{4}-`));
      expect((error as Error).message).toContain(`${file}.writer-lock`);
    }
    first.release();
    first.release();
    acquireWriterLock(file, 'api').release();
  });

  it('is refused while another process holds it, and free at once after that process is killed with SIGKILL', async () => {
    const file = join(dir, 'shoplink.db');
    const holder = await holderProcess(file);
    let refused: unknown;
    try {
      acquireWriterLock(file, 'api').release();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(WriterLockHeldError);
    expect((refused as WriterLockHeldError).holder).toBe(`pid ${holder.pid}, test holder`);

    await holder.kill9();
    const lock = acquireWriterLock(file, 'api');
    expect(existsSync(`${file}.writer-lock-journal`)).toBe(false);
    lock.release();
  });

  it('locks one data file, not its neighbours', () => {
    const a = acquireWriterLock(join(dir, 'a.db'), 'api');
    const b = acquireWriterLock(join(dir, 'b.db'), 'api');
    a.release();
    b.release();
  });
});
