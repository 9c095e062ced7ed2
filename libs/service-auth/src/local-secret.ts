import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const MIN_SECRET_LENGTH = 32;

export interface LocalSecret {
  readonly key: Uint8Array;
  /** Where it came from, for the start-up line (never the secret itself). */
  readonly source: string;
}

/**
 * A shared HMAC secret: the variable when set (production sets it, the same everywhere), else
 * a random one created once in `file` (readable by its owner only), so that the service and the
 * CLI on one machine agree with no setup. `refuse` makes the caller's own error class.
 */
export function loadLocalSecret(env: NodeJS.ProcessEnv, variable: string, file: string, refuse: (message: string) => Error): LocalSecret {
  const configured = env[variable];
  if (configured !== undefined && configured !== '') {
    if (configured.length < MIN_SECRET_LENGTH) throw refuse(`${variable} must be at least ${MIN_SECRET_LENGTH} characters`);
    return { key: new TextEncoder().encode(configured), source: variable };
  }
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // 'wx': two processes starting together must not overwrite each other's secret.
    try {
      writeFileSync(file, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    chmodSync(file, 0o600);
  }
  const text = readFileSync(file, 'utf8').trim();
  if (text.length < MIN_SECRET_LENGTH) throw refuse(`${file} holds fewer than ${MIN_SECRET_LENGTH} characters`);
  return { key: new TextEncoder().encode(text), source: file };
}
