import { join } from 'node:path';

/**
 * Names the directory this run's shared build goes to (see built-service.ts). Only the name:
 * the suites that need the build make it, so a run without them compiles nothing.
 */
export default function e2eGlobalSetup(): void {
  process.env.SHOPLINK_TEST_BUILD_DIR = join(__dirname, '..', 'artifacts', `build-${process.pid}-${Date.now()}`);
}
