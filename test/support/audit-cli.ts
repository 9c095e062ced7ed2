import { execFile } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the compiled auditor CLI (`cliMain` from builtService) as an operator would, on the embedded
 * data file unless `env` names a server: the caller's own environment must not pick a store, a key
 * directory or secrets for it.
 */
export function runAuditCli(cliMain: string, dataFile: string, args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [cliMain, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          SHOPLINK_TOKEN_SECRET: '',
          SHOPLINK_ACTOR_ASSERTION_SECRET: '',
          SHOPLINK_ACTOR_ASSERTION_JWKS: '',
          SHOPLINK_DIGEST_KEY_DIR: '',
          SHOPLINK_DATA_FILE: dataFile,
          EVENTSTORE_URL: '',
          MONGODB_URI: '',
          SHOPLINK_MONGODB_DATABASE: '',
          ...env,
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 99) : 0, stdout, stderr }),
    );
  });
}
