import { dirname, join } from 'node:path';
import { LocalSecret, loadLocalSecret, MIN_SECRET_LENGTH } from './local-secret';
import { isProduction } from './production';

export const TOKEN_SECRET_VARIABLE = 'SHOPLINK_TOKEN_SECRET';

export class TokenSecretError extends Error {}

export type TokenSecret = LocalSecret;

/**
 * The HS256 signing secret. Production sets SHOPLINK_TOKEN_SECRET (the same on every instance
 * and on whoever issues tokens). Without it, as on a developer's machine, a random secret is
 * created once beside the data file (readable by its owner only), so `npm start` and the
 * `issue-token` CLI agree with no setup.
 */
export function loadTokenSecret(env: NodeJS.ProcessEnv, dataFile: string): TokenSecret {
  // A secret invented per host would make replicas refuse each other's tokens, and the token issuer's.
  if (isProduction(env) && (env[TOKEN_SECRET_VARIABLE] ?? '') === '')
    throw new TokenSecretError(
      `required when NODE_ENV=production: the secret every instance and every token issuer shares (at least ${MIN_SECRET_LENGTH} characters)`,
    );
  return loadLocalSecret(env, TOKEN_SECRET_VARIABLE, tokenSecretFileOf(dataFile), (message) => new TokenSecretError(message));
}

export function tokenSecretFileOf(dataFile: string): string {
  return join(dirname(dataFile), 'token-secret');
}
