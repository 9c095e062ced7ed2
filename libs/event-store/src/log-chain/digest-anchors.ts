import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogDigest } from './log-digest';
import { DigestFieldProblem, parseDigest } from './parse-digest';

/**
 * Anchors: digests the service writes on its own, periodically, into a directory that can live on
 * other storage (another volume, a bucket mounted read-write, a host an intruder of the data file
 * cannot reach). One JSON-lines file per UTC day, `digests-YYYY-MM-DD.jsonl`, one digest a line,
 * oldest first: the same format `verify --all --digest` reads. Several anchors let a check name a
 * narrower range than one digest can.
 */
const ANCHOR_FILE = /^digests-\d{4}-\d{2}-\d{2}\.jsonl$/;

export function anchorFileOf(signedAt: string): string {
  return `digests-${signedAt.slice(0, 10)}.jsonl`;
}

/**
 * Adds a digest to its day's file, atomically: the whole new file is written beside it and renamed
 * over it, so a crash or a full disk leaves the old file whole, never half a line.
 */
export function writeAnchor(directory: string, digest: LogDigest): string {
  mkdirSync(directory, { recursive: true });
  const file = join(directory, anchorFileOf(digest.signedAt));
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const temporary = join(directory, `.${anchorFileOf(digest.signedAt)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, `${before}${before === '' || before.endsWith('\n') ? '' : '\n'}${JSON.stringify(digest)}\n`, { flag: 'wx' });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return file;
}

/** Every anchor in the directory, oldest file first; lines that are not digests are reported, not thrown. */
export function readAnchors(directory: string): { digests: LogDigest[]; problems: DigestFieldProblem[] } {
  if (!existsSync(directory)) return { digests: [], problems: [] };
  const digests: LogDigest[] = [];
  const problems: DigestFieldProblem[] = [];
  for (const name of readdirSync(directory)
    .filter((n) => ANCHOR_FILE.test(n))
    .sort()) {
    const read = parseDigestFile(readFileSync(join(directory, name), 'utf8'), name);
    digests.push(...read.digests);
    problems.push(...read.problems);
  }
  return { digests, problems };
}

/** The newest anchor written, if any. */
export function lastAnchor(directory: string): LogDigest | null {
  if (!existsSync(directory)) return null;
  const newest = readdirSync(directory)
    .filter((n) => ANCHOR_FILE.test(n))
    .sort()
    .pop();
  if (newest === undefined) return null;
  return parseDigestFile(readFileSync(join(directory, newest), 'utf8'), newest).digests.pop() ?? null;
}

/**
 * A digest file as an auditor keeps it: one digest (the JSON the route answers, pretty-printed or
 * not) or JSON lines of several (an anchor file). `source` names it in problems.
 */
export function parseDigestFile(text: string, source: string): { digests: LogDigest[]; problems: DigestFieldProblem[] } {
  const whole = tryJson(text);
  if (whole.ok && !Array.isArray(whole.value)) {
    const { digest, problems } = parseDigest(whole.value, source);
    return { digests: digest === null ? [] : [digest], problems };
  }
  const digests: LogDigest[] = [];
  const problems: DigestFieldProblem[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source} line ${index + 1}`;
    const parsed = tryJson(line);
    if (!parsed.ok) {
      problems.push({ field: where, code: 'INVALID_JSON', message: `${where} is not JSON` });
      return;
    }
    const { digest, problems: lineProblems } = parseDigest(parsed.value, where);
    if (digest !== null) digests.push(digest);
    problems.push(...lineProblems);
  });
  return { digests, problems };
}

function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
