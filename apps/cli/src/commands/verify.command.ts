import { ChainProblem, LogProblem, LogVerdict, positionAt, verifyLog } from '@shoplink/event-store';
import { ShopIntegrity, StreamIntegrity, verifyShopIntegrity } from '@shoplink/shops';
import { CliCommand, CliContext, EXIT, usageError } from '../cli-command';
import { printable } from '../printable';
import { checkDigests, DigestOutcome, loadKeptDigests } from './verify-digests';

/**
 * `verify <shopId>`: the shop's hash chain and those of the account streams it went through.
 * `verify --all`: every stream of the log, plus the log's positions (no holes, none missing at the end).
 * Exit 0 when intact, 1 naming the first bad event (or a data file SQLite finds malformed), 4 for a shop not in
 * the log. On KurrentDB the chains are checked the same way; the log's positions cannot be (they are byte
 * offsets, and no highest issued is kept), and the answer says so.
 */
export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: "Tamper evidence: verify a shop's hash chains, or every stream and position of the log (--all)",
  usage: 'verify (<shopId> | --all) [--digest <file> [--digest-keys <file>]]',
  help: [
    '  <shopId>  the shop stream and the account streams its links went through (as GET /v1/audit/shops/:shopId/integrity)',
    '  --all     every stream of the log, read from $all in pages, and the log itself: positions 1, 2, 3, … with no hole',
    '            and none missing after the last event (SQLite remembers the highest position it handed out), which',
    '            catches the deletion of the last event of a stream, the one tampering no chain can show.',
    '            On KurrentDB (EVENTSTORE_URL) only the chains are checked: its positions are not numbered 1, 2, 3… and',
    '            it keeps no highest position issued, so the answer lists the positions check under "not checked".',
    'Names the first altered, removed, inserted or reordered event of each broken stream (revision, event id).',
    '  --json    the verdict as JSON',
    '  --digest <file>       with --all: also hold the log against signed digests kept earlier (GET /v1/audit/digest',
    '                        saved as JSON, or an anchor file of JSON lines): recomputes the log chain from the events and',
    '                        names the first digest it no longer matches, and the narrowest range of positions proven.',
    '                        Catches what the chains cannot: an event edited with every later hash recomputed, the last',
    '                        events deleted and the sequence rewound. An edit is pinpointed to one event only when its own',
    '                        stored hash no longer fits; a re-hashed edit is placed between the last digest that matches',
    '                        and the first that does not (more anchors, a narrower range).',
    '  --digest-keys <file>  the public keys to check signatures with (GET /v1/audit/digest-keys saved as JSON); default:',
    '                        the key directory (SHOPLINK_DIGEST_KEY_DIR, else digest-keys beside the data file)',
    "With --all on the embedded SQLite file, SQLite's own page check (PRAGMA quick_check) runs first: a malformed file",
    "(a damaged page: random bytes, a torn write) is reported as MALFORMED with SQLite's lines, and its chains are not read.",
    'Exit 0 when intact, 1 when tampering is found or the data file is malformed, 4 when the shop is not in the log,',
    '5 when a digest is not signed by a known key.',
  ],
  options: { all: { type: 'boolean' }, digest: { type: 'string' }, 'digest-keys': { type: 'string' } },
  positionals: { min: 0, max: 1, names: ['shopId'] },
  async run({ values, positionals }, context) {
    const all = values.all === true;
    if (all === (positionals.length === 1)) throw usageError('Give a shopId or --all (not both)');
    const digest = typeof values.digest === 'string' ? values.digest : undefined;
    const digestKeys = typeof values['digest-keys'] === 'string' ? values['digest-keys'] : undefined;
    if (!all && (digest !== undefined || digestKeys !== undefined)) throw usageError('--digest and --digest-keys go with --all');
    if (digest === undefined && digestKeys !== undefined) throw usageError('--digest-keys goes with --digest');
    return all ? verifyAll(context, digest, digestKeys) : verifyShop(positionals[0], context);
  },
};

async function verifyShop(shopId: string, context: CliContext) {
  const verdict = await verifyShopIntegrity(context.openAuditStores().stored, shopId);
  if (context.json) await context.out(JSON.stringify(verdict, null, 2) + '\n');
  else await context.out(describeShop(verdict));
  return verdict.intact ? EXIT.ok : EXIT.tampered;
}

/** What `verify --all` could not check on this store, and why (empty on the embedded SQLite file). */
export const POSITIONS_NOT_CHECKED =
  'log positions (no hole, none missing after the last event): only the embedded SQLite file numbers them 1, 2, 3… and remembers the highest it issued; so the deletion of the last event of a stream is not detectable here';

async function verifyAll(context: CliContext, digestFile?: string, digestKeys?: string) {
  const kept = digestFile === undefined ? null : loadKeptDigests(digestFile, digestKeys, context);
  const { stored, embeddedLog } = context.openAuditStores();
  const pages = embeddedLog?.checkPages?.();
  if (pages && !pages.ok) return reportMalformed(pages.problems, context);
  const issued = embeddedLog?.highestPositionIssued() ?? null;
  const verdict = await verifyLog(stored, {
    contiguousPositions: embeddedLog !== null,
    expectedHead: issued === null ? undefined : positionAt(issued),
    onProgress: ({ events }) => context.progress(`verified ${events.toLocaleString('en')} events…`),
  });
  context.progress('');
  const notChecked = embeddedLog === null ? [POSITIONS_NOT_CHECKED] : [];
  const digests: DigestOutcome | null = kept === null ? null : await checkDigests(stored, kept, context);
  const answer = { ...verdict, ...(notChecked.length > 0 ? { notChecked } : {}), ...(digests ? { digests: digests.comparison } : {}) };
  if (context.json) await context.out(JSON.stringify(answer, null, 2) + '\n');
  else await context.out(describeLog(verdict, notChecked) + (digests ? digestText(verdict, digests) : ''));
  return verdict.intact && (digests === null || digests.comparison.matches) ? EXIT.ok : EXIT.tampered;
}

/** The chains are recomputable by whoever has the file; when they hold and a digest does not, say so plainly. */
function digestText(verdict: LogVerdict, digests: DigestOutcome): string {
  const rehashed =
    verdict.intact && !digests.comparison.matches
      ? 'Note: the hash chains verify, yet the log no longer matches what was signed: it was rewritten with every hash recomputed, or events were removed from its end. The chains alone cannot show this; the signed digest does.\n'
      : '';
  return digests.text + rehashed;
}

/** A file SQLite finds malformed cannot be read whole, so its chains would prove nothing: restore it first. */
async function reportMalformed(problems: readonly string[], context: CliContext) {
  const message = 'the data file is malformed (SQLite quick_check); its hash chains were not read: restore it from a backup';
  if (context.json) await context.out(JSON.stringify({ intact: false, malformed: true, message, problems }, null, 2) + '\n');
  else
    await context.out(
      [
        `Data file MALFORMED (SQLite quick_check):`,
        ...problems.map((line) => printable(`  ${line}`)),
        `Verdict: MALFORMED; ${message}`,
        '',
      ].join('\n'),
    );
  return EXIT.tampered;
}

function describeShop(verdict: ShopIntegrity): string {
  const lines = [streamLine(verdict), ...verdict.accountStreams.map(streamLine)];
  lines.push(
    verdict.intact
      ? `Verdict: intact (${plural(1 + verdict.accountStreams.length, 'stream')})`
      : `Verdict: TAMPERING FOUND; first bad event: ${problemText(verdict.firstProblem!)}`,
  );
  return lines.join('\n') + '\n';
}

function streamLine(s: StreamIntegrity): string {
  if (s.intact)
    return `${s.streamId}: intact, ${plural(s.events, 'event')}, last revision ${s.lastRevision}, last hash ${s.lastHash ?? '-'}`;
  const p = s.firstProblem!;
  return printable(`${s.streamId}: BROKEN at revision ${p.revision} (${p.kind}${p.eventId ? `, event ${p.eventId}` : ''}): ${p.message}`);
}

function describeLog(verdict: LogVerdict, notChecked: readonly string[]): string {
  const checked = `${plural(verdict.events, 'event')} in ${plural(verdict.streams, 'stream')}, positions up to ${verdict.head ?? '-'}${verdict.checks.expectedHead ? ` (highest issued ${verdict.checks.expectedHead})` : ''}`;
  const unchecked = notChecked.map((what) => `Not checked: ${what}\n`).join('');
  if (verdict.intact)
    return notChecked.length === 0 ? `Verdict: intact: ${checked}\n` : `${unchecked}Verdict: hash chains intact: ${checked}\n`;
  const lines = verdict.problems.map((p) => `  ${logProblemText(p)}`);
  if (verdict.problemsFound > verdict.problems.length) lines.push(`  … and ${verdict.problemsFound - verdict.problems.length} more`);
  return (
    [
      `Checked ${checked}`,
      `Problems (${verdict.problemsFound}, in log order; ${plural(verdict.brokenStreams, 'broken stream')}):`,
      ...lines,
      `Verdict: TAMPERING FOUND; first: ${logProblemText(verdict.firstProblem!)}`,
      '',
    ].join('\n') + unchecked
  );
}

/** Ids come from the data file, which an intruder may have written: shown with control characters escaped. */
function problemText(p: ChainProblem): string {
  return printable(`${p.streamId} revision ${p.revision} (${p.kind}${p.eventId ? `, event ${p.eventId}` : ''}): ${p.message}`);
}

function logProblemText(p: LogProblem): string {
  return p.kind === 'position-gap'
    ? printable(`log positions ${p.missingFrom}..${p.missingTo} (position-gap): ${p.message}`)
    : `${problemText(p)} [position ${p.position}]`;
}

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
