import { existsSync, readFileSync } from 'node:fs';
import {
  compareLogWithDigests,
  DigestKeyError,
  DigestKeyRing,
  digestKeyDirectoryOf,
  EventStore,
  loadDigestKeyDirectory,
  LogDigest,
  LogDigestComparison,
  parseDigestFile,
  verifyDigestSignature,
} from '@shoplink/event-store';
import { CliContext, CliError, EXIT, usageError } from '../cli-command';
import { printable } from '../printable';

/**
 * `verify --all --digest FILE`: the log held against signed digests an auditor kept (one digest as the
 * route answers it, or the JSON lines of an anchor file). Every signature is checked first, with the
 * published keys (`--digest-keys`, the answer of GET /v1/audit/digest-keys) or the key directory; one
 * that does not verify stops the command (exit 5) before anything is concluded from it.
 */
export interface DigestOutcome {
  readonly comparison: LogDigestComparison;
  readonly keyIds: readonly string[];
  readonly text: string;
}

/** Recomputes the log chain from the events and holds it against each kept digest (signatures already checked). */
export async function checkDigests(stored: EventStore, kept: KeptDigests, context: CliContext): Promise<DigestOutcome> {
  const comparison = await compareLogWithDigests(stored, kept.digests, {
    onProgress: ({ events }) => context.progress(`recomputed the log chain over ${events.toLocaleString('en')} events…`),
  });
  context.progress('');
  return { comparison, keyIds: kept.keyIds, text: describe(comparison, kept.digests.length) };
}

export interface KeptDigests {
  readonly digests: readonly LogDigest[];
  readonly keyIds: readonly string[];
}

/** Reads the digest file and checks every signature, before any of the log is read: a bad file fails fast. */
export function loadKeptDigests(file: string, keysFile: string | undefined, context: CliContext): KeptDigests {
  const digests = readDigests(file);
  const keys = keyRing(keysFile, context);
  const refused = digests
    .map((digest, index) => ({ index, digest, verdict: verifyDigestSignature(digest, keys) }))
    .filter((entry) => !entry.verdict.valid);
  if (refused.length > 0)
    throw new CliError(
      EXIT.digestNotAuthentic,
      'DIGEST_NOT_AUTHENTIC',
      `${refused.length} of ${digests.length} digest${digests.length === 1 ? '' : 's'} in ${file} ${refused.length === 1 ? 'is' : 'are'} not signed by a known digest key; nothing is concluded from ${digests.length === 1 ? 'it' : 'them'}: ` +
        refused
          .map(({ index, digest, verdict }) =>
            printable(`#${index + 1} (position ${digest.position}): ${verdict.valid ? '' : verdict.message}`),
          )
          .join('; '),
      refused.map(({ index, digest, verdict }) => ({
        digest: index + 1,
        position: digest.position,
        ...(verdict.valid ? {} : { problem: verdict.problem }),
      })),
    );
  return { digests, keyIds: [...new Set(digests.map((d) => d.keyId))] };
}

function readDigests(file: string): LogDigest[] {
  if (!existsSync(file)) throw usageError(`No digest file at ${file}`);
  const { digests, problems } = parseDigestFile(readFileSync(file, 'utf8'), file);
  if (problems.length > 0)
    throw new CliError(
      EXIT.usage,
      'DIGEST_FILE_INVALID',
      `${file} is not a digest or JSON lines of digests: ${problems.map((p) => p.message).join('; ')}`,
      problems,
    );
  if (digests.length === 0) throw usageError(`${file} holds no digest`);
  return digests;
}

function keyRing(keysFile: string | undefined, context: CliContext): DigestKeyRing {
  try {
    if (keysFile !== undefined) {
      if (!existsSync(keysFile)) throw usageError(`No key file at ${keysFile}`);
      return DigestKeyRing.fromPublished(JSON.parse(readFileSync(keysFile, 'utf8')));
    }
    const directory = digestKeyDirectoryOf(context.env, context.dataFile);
    return loadDigestKeyDirectory(directory, { createIfEmpty: false, toSign: false }).ring;
  } catch (error) {
    if (error instanceof DigestKeyError || error instanceof SyntaxError)
      throw usageError(
        `Digest keys refused: ${error.message} (pass --digest-keys with the answer of GET /v1/audit/digest-keys, or set SHOPLINK_DIGEST_KEY_DIR)`,
      );
    throw error;
  }
}

function describe(comparison: LogDigestComparison, count: number): string {
  const lines = comparison.checks.map(
    (check) =>
      `  position ${check.position ?? '(empty log)'} (signed ${check.signedAt}): ${check.matches ? 'matches' : `DOES NOT MATCH (${check.kind})`}`,
  );
  const verdict =
    comparison.firstDifference === null
      ? `Digest verdict: the log matches ${count === 1 ? 'the signed digest' : `all ${count} signed digests`} up to position ${comparison.checkedUpTo ?? '(empty log)'}`
      : `Digest verdict: TAMPERING FOUND; first difference at position ${comparison.firstDifference.position}${comparison.firstDifference.matchesUpTo === null ? '' : ` (still matches up to position ${comparison.firstDifference.matchesUpTo})`}: ${comparison.firstDifference.message}`;
  return [`Digests (${count}, signatures valid, log chain recomputed from the events):`, ...lines, printable(verdict), ''].join('\n');
}
