import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const TOKEN_SECRET_VARIABLE = 'SHOPLINK_TOKEN_SECRET';
const MIN_SECRET_LENGTH = 32;

export class TokenSecretError extends Error {}

export interface TokenSecret {
  readonly key: Uint8Array;
  /** Where it came from, for the start-up line (never the secret itself). */
  readonly source: string;
}

/**
 * The HS256 signing secret. Production sets SHOPLINK_TOKEN_SECRET (the same on every instance
 * and on whoever issues tokens). Without it, as on a developer's machine, a random secret is
 * created once beside the data file (readable by its owner only), so `npm start` and the
 * `issue-token` CLI agree with no setup.
 */
export function loadTokenSecret(env: NodeJS.ProcessEnv, dataFile: string): TokenSecret {
  const configured = env[TOKEN_SECRET_VARIABLE];
  if (configured !== undefined && configured !== '') {
    if (configured.length < MIN_SECRET_LENGTH)
      throw new TokenSecretError(`${TOKEN_SECRET_VARIABLE} must be at least ${MIN_SECRET_LENGTH} characters`);
    return { key: new TextEncoder().encode(configured), source: TOKEN_SECRET_VARIABLE };
  }
  const file = tokenSecretFileOf(dataFile);
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
  if (text.length < MIN_SECRET_LENGTH) throw new TokenSecretError(`${file} holds fewer than ${MIN_SECRET_LENGTH} characters`);
  return { key: new TextEncoder().encode(text), source: file };
}

export function tokenSecretFileOf(dataFile: string): string {
  return join(dirname(dataFile), 'token-secret');
}
