import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** A small RAM-backed file system of its own, so a test can fill a disk for real without touching the machine's. */
export interface SmallTmpfs {
  readonly dir: string;
  /** Writes a filler file until the file system refuses (ENOSPC); answers its size. */
  fill(): number;
  /** Deletes the filler: the space is free again. */
  free(): void;
  unmount(): void;
}

/**
 * Mounts a tmpfs of `size` (e.g. `16m`) at `dir`, or answers why it cannot (mounting needs root, or
 * CAP_SYS_ADMIN in a container), so the caller can say "skipped: …" instead of pretending.
 */
export function mountSmallTmpfs(dir: string, size: string): SmallTmpfs | { skipped: string } {
  mkdirSync(dir, { recursive: true });
  if (typeof process.getuid === 'function' && process.getuid() !== 0)
    return { skipped: `mounting a ${size} tmpfs needs root (uid ${process.getuid()})` };
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.error !== undefined || mount.status !== 0)
    return {
      // One line: mount's own message spans two.
      skipped: `mount -t tmpfs was refused: ${(mount.error?.message ?? mount.stderr).replace(/\s+/g, ' ').trim() || `exit ${mount.status}`}`,
    };
  const filler = join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      let written = 0;
      try {
        // Large chunks first, then ever smaller ones, so the last free block goes too.
        for (let chunk = 2 ** 20; chunk >= 512; chunk /= 2) {
          const bytes = Buffer.alloc(chunk, 0x5a);
          for (;;) {
            try {
              written += writeSync(fd, bytes);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
      return written;
    },
    free: () => rmSync(filler, { force: true }),
    unmount: () => {
      const umount = spawnSync('umount', [dir], { encoding: 'utf8' });
      if (umount.status !== 0) spawnSync('umount', ['-l', dir]);
    },
  };
}
