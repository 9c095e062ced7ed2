import { rmSync } from 'node:fs';

/** Removes this run's shared build (see built-service.ts). */
export default function e2eGlobalTeardown(): void {
  const dir = process.env.SHOPLINK_TEST_BUILD_DIR;
  if (dir === undefined) return;
  for (const path of [dir, `${dir}.lock`, `${dir}.failed`]) rmSync(path, { recursive: true, force: true });
}
