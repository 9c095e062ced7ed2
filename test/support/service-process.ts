import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, WriteStream } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { TEST_ACTOR_ASSERTION_SECRET_TEXT, TEST_TOKEN_SECRET_TEXT } from './service-tokens';

const ROOT = join(__dirname, '..', '..');

/**
 * Compiles the whole service with the project's build configuration into a directory of its own
 * (inside the repo, so node_modules resolve), as auditor-cli.e2e does: nothing else building
 * `dist/` at the same moment can hand the suite a half-written file. Answers the API's main.js.
 */
export function buildServiceInto(buildDir: string): string {
  const main = join(buildDir, 'apps', 'api', 'src', 'main.js');
  const build = spawnSync(
    'sh',
    [
      '-c',
      `npx tsc -p tsconfig.build.json --outDir "${buildDir}" && npx tsc-alias -p tsconfig.build.json --outDir "${buildDir}" && node scripts/copy-console-assets.js "${buildDir}"`,
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (!existsSync(main)) throw new Error(`the service did not build:\n${build.stdout}\n${build.stderr}`);
  // A type error elsewhere (npm run typecheck names it) still emits JavaScript; this suite is about behaviour.
  if (build.status !== 0) console.warn(`tsc reported errors; running the emitted service anyway:\n${build.stdout}`);
  return main;
}

/** A port nobody listens on right now (main.ts prints the configured port, so PORT=0 would not tell us the real one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** The real service, `node <build>/apps/api/src/main.js`, on the embedded store: started, killed, restarted on the same file. */
export class ServiceProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
    private readonly exited: Promise<number | null>,
  ) {}

  /**
   * Spawns the service. With `waitUntilListening` (the default) it resolves once main.ts has
   * printed its listening line; without, at once (to kill it while it starts up).
   */
  static async spawn(options: {
    main: string;
    dataFile: string;
    log: string;
    waitUntilListening?: boolean;
    env?: Record<string, string>;
  }): Promise<ServiceProcess> {
    const port = await freePort();
    const log: WriteStream = createWriteStream(options.log, { flags: 'a' });
    const child = spawn(process.execPath, [options.main], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        HOST: '127.0.0.1',
        SHOPLINK_DATA_FILE: options.dataFile,
        SHOPLINK_TOKEN_SECRET: TEST_TOKEN_SECRET_TEXT,
        SHOPLINK_ACTOR_ASSERTION_SECRET: TEST_ACTOR_ASSERTION_SECRET_TEXT,
        // No background writer: every event in the log comes from a command the test sent.
        SHOPLINK_EXPIRY_SWEEP_INTERVAL_MS: '0',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ? null : code)));
    child.stderr.pipe(log, { end: false });
    const listening = new Promise<void>((resolve, reject) => {
      let seen = '';
      child.stdout.on('data', (chunk: Buffer) => {
        log.write(chunk);
        seen += chunk.toString('utf8');
        if (seen.includes('Shoplink listening on')) resolve();
      });
      void exited.then((code) => reject(new Error(`the service exited (${code}) before listening; see ${options.log}`)));
    });
    exited.then(() => log.end()).catch(() => undefined);
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`, exited);
    if (options.waitUntilListening ?? true) await listening;
    else listening.catch(() => undefined);
    return service;
  }

  /** kill -9: no shutdown hook, no flush, no goodbye. */
  async kill9(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
