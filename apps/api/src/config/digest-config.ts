import {
  DIGEST_KEY_DIR_VARIABLE,
  digestAnchorDirectoryOf,
  digestKeyDirectoryOf,
  DigestKeyError,
  DigestKeyRing,
  loadDigestKeyDirectory,
} from '@shoplink/event-store';
import { ConfigError, ConfigProblems, wholeNumber } from '@shoplink/storage';

/** Signed digests of the log: the keys, where anchors go and how often. */
export interface DigestConfig {
  readonly keyDirectory: string;
  readonly keys: DigestKeyRing;
  /** For the start-up line: where the keys came from, and whether one was made on this start. */
  readonly keysSource: string;
  readonly anchorDirectory: string;
  /** Seconds between anchors (written only when the log moved); 0: none. */
  readonly anchorIntervalSeconds: number;
}

export const DEFAULT_DIGEST_ANCHOR_INTERVAL_SECONDS = 60;

/**
 * The digest keys are what an intruder with the data file must not have: production names their
 * directory (SHOPLINK_DIGEST_KEY_DIR, on other storage or a mounted secret) and it must hold a key;
 * a local start without one makes a key beside the data file, as it does the token secret.
 */
export function loadDigestConfig(env: NodeJS.ProcessEnv, dataFile: string): DigestConfig {
  const problems = new ConfigProblems();
  const production = env.NODE_ENV?.trim().toLowerCase() === 'production';
  const keyDirectory = digestKeyDirectoryOf(env, dataFile);
  const loaded = problems.read(() => {
    if (production && !env[DIGEST_KEY_DIR_VARIABLE]?.trim())
      throw new ConfigError(
        DIGEST_KEY_DIR_VARIABLE,
        'required when NODE_ENV=production: a directory outside the data file’s storage holding the Ed25519 key digests are signed with (<keyId>.pem)',
      );
    try {
      return loadDigestKeyDirectory(keyDirectory, { createIfEmpty: !production });
    } catch (error) {
      if (error instanceof DigestKeyError) throw new ConfigError(DIGEST_KEY_DIR_VARIABLE, error.message);
      throw error;
    }
  }, null);
  const anchorIntervalSeconds = problems.read(
    () => wholeNumber(env, 'SHOPLINK_DIGEST_ANCHOR_INTERVAL_SECONDS', DEFAULT_DIGEST_ANCHOR_INTERVAL_SECONDS, 0, 86_400),
    DEFAULT_DIGEST_ANCHOR_INTERVAL_SECONDS,
  );
  problems.check();
  return {
    keyDirectory,
    keys: loaded!.ring,
    keysSource: `${keyDirectory} (signing key ${loaded!.ring.signingKey().keyId}${loaded!.created ? ', made on this start' : ''})`,
    anchorDirectory: digestAnchorDirectoryOf(env, dataFile),
    anchorIntervalSeconds,
  };
}
