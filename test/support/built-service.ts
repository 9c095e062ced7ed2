import { existsSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildServiceInto } from './service-process';

const ROOT = join(__dirname, '..', '..');

/** The compiled service and auditor CLI, as `npm start` and `shoplink-audit` run them. */
export interface BuiltService {
  readonly dir: string;
  readonly apiMain: string;
  readonly cliMain: string;
  readonly projectorMain: string;
}

const BUILD_WAIT_MS = 240_000;

/**
 * The service compiled once per test run, shared by every suite that runs the real binaries
 * (crash recovery, graceful shutdown, the auditor CLI): the first suite to ask builds it while
 * the others wait, which saves a compile (about a minute on two cores) per suite. The directory
 * comes from the e2e project's global setup (test/support/e2e-global-setup.ts), fresh for each
 * run, so a build never serves a later change; run outside it, a suite builds its own.
 */
export async function builtService(): Promise<BuiltService> {
  const dir = process.env.SHOPLINK_TEST_BUILD_DIR ?? join(ROOT, 'test', 'artifacts', `build-${process.pid}`);
  const built = join(dir, '.built');
  const failed = `${dir}.failed`;
  const answer = {
    dir,
    apiMain: join(dir, 'apps', 'api', 'src', 'main.js'),
    cliMain: join(dir, 'apps', 'cli', 'src', 'main.js'),
    projectorMain: join(dir, 'apps', 'projector', 'src', 'main.js'),
  };
  if (existsSync(built)) return answer;
  // The lock is a directory beside the build: making it succeeds for exactly one suite.
  mkdirSync(dirname(dir), { recursive: true });
  let builder = true;
  try {
    mkdirSync(`${dir}.lock`, { recursive: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    builder = false;
  }
  if (builder) {
    try {
      buildServiceInto(dir);
      writeFileSync(built, '');
    } catch (error) {
      writeFileSync(failed, String(error));
      throw error;
    }
    return answer;
  }
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (!existsSync(built)) {
    if (existsSync(failed)) throw new Error(`the shared build failed in another suite:\n${readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error(`the shared build at ${dir} was not ready after ${BUILD_WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return answer;
}
