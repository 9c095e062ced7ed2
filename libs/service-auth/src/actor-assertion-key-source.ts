import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  ACTOR_ASSERTION_JWKS_VARIABLE,
  ACTOR_ASSERTION_SECRET_VARIABLE,
  ActorAssertionKeys,
  ActorAssertionKeysError,
} from './actor-assertion-keys';
import { LocalSecret, loadLocalSecret } from './local-secret';
import { isProduction } from './production';

export interface LoadedActorAssertionKeys {
  readonly keys: ActorAssertionKeys;
  /** Where they came from, for the start-up line (never a secret). */
  readonly source: string;
}

/**
 * The keys actor assertions are verified with. SHOPLINK_ACTOR_ASSERTION_JWKS names a JWKS file
 * of the identity provider's public keys; that is the only way in production (NODE_ENV=production),
 * where an HS256 secret is never accepted: whoever holds a shared secret can mint an assertion
 * for anyone, and every instance holding it is one more place it can leak from. Elsewhere,
 * without a JWKS, assertions are HS256 with SHOPLINK_ACTOR_ASSERTION_SECRET, else with a secret
 * created once beside the data file, so `npm start` and `shoplink-audit issue-assertion` agree.
 * Throws ActorAssertionKeysError naming the variable at fault.
 */
export function loadActorAssertionKeys(env: NodeJS.ProcessEnv, dataFile: string): LoadedActorAssertionKeys {
  const jwksFile = env[ACTOR_ASSERTION_JWKS_VARIABLE]?.trim();
  if (jwksFile !== undefined && jwksFile !== '') {
    // Refused rather than ignored: someone who set it believes HS256 assertions are accepted.
    if ((env[ACTOR_ASSERTION_SECRET_VARIABLE] ?? '') !== '')
      throw new ActorAssertionKeysError(
        ACTOR_ASSERTION_SECRET_VARIABLE,
        `not used when ${ACTOR_ASSERTION_JWKS_VARIABLE} is set (HS256 assertions are not accepted beside a JWKS); unset one of them`,
      );
    const path = resolve(jwksFile);
    let keys: ActorAssertionKeys;
    try {
      keys = ActorAssertionKeys.fromJwks(readJwks(path));
    } catch (error) {
      if (error instanceof ActorAssertionKeysError && !error.message.includes(path))
        throw new ActorAssertionKeysError(error.variable, `${path}: ${error.message}`);
      throw error;
    }
    return { keys, source: `the JWKS at ${path} (${keys.describe()})` };
  }
  if (isProduction(env))
    throw new ActorAssertionKeysError(
      ACTOR_ASSERTION_JWKS_VARIABLE,
      "required when NODE_ENV=production: the path of a JWKS file holding the identity provider's public keys (HS256 secrets are for local use only)",
    );
  const secret = loadActorAssertionSecret(env, dataFile);
  return { keys: ActorAssertionKeys.fromSecret(secret.key), source: `the HS256 secret from ${secret.source} (local use only)` };
}

/** The local HS256 secret itself, for whoever signs assertions on this machine (the CLI, tests). */
export function loadActorAssertionSecret(env: NodeJS.ProcessEnv, dataFile: string): LocalSecret {
  return loadLocalSecret(
    env,
    ACTOR_ASSERTION_SECRET_VARIABLE,
    actorAssertionSecretFileOf(dataFile),
    (message) => new ActorAssertionKeysError(ACTOR_ASSERTION_SECRET_VARIABLE, message),
  );
}

export function actorAssertionSecretFileOf(dataFile: string): string {
  return join(dirname(dataFile), 'actor-assertion-secret');
}

function readJwks(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ActorAssertionKeysError(
      ACTOR_ASSERTION_JWKS_VARIABLE,
      code === 'ENOENT' ? `no file at ${path}` : `cannot read ${path} (${code ?? String(error)})`,
    );
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ActorAssertionKeysError(ACTOR_ASSERTION_JWKS_VARIABLE, `${path} is not JSON`);
  }
}
