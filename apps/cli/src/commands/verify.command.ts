import { ChainProblem, LogProblem, LogVerdict, positionAt, verifyLog } from '@shoplink/event-store';
import { ShopIntegrity, StreamIntegrity, verifyShopIntegrity } from '@shoplink/shops';
import { CliCommand, CliContext, EXIT, usageError } from '../cli-command';
import { printable } from '../printable';

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
  usage: 'verify (<shopId> | --all)',
  help: [
    '  <shopId>  the shop stream and the account streams its links went through (as GET /v1/audit/shops/:shopId/integrity)',
    '  --all     every stream of the log, read from $all in pages, and the log itself: positions 1, 2, 3, … with no hole',
    '            and none missing after the last event (SQLite remembers the highest position it handed out), which',
    '            catches the deletion of the last event of a stream, the one tampering no chain can show.',
    '            On KurrentDB (EVENTSTORE_URL) only the chains are checked: its positions are not numbered 1, 2, 3… and',
    '            it keeps no highest position issued, so the answer lists the positions check under "not checked".',
    'Names the first altered, removed, inserted or reordered event of each broken stream (revision, event id).',
    '  --json    the verdict as JSON',
    "With --all on the embedded SQLite file, SQLite's own page check (PRAGMA quick_check) runs first: a malformed file",
    "(a damaged page: random bytes, a torn write) is reported as MALFORMED with SQLite's lines, and its chains are not read.",
    'Exit 0 when intact, 1 when tampering is found or the data file is malformed, 4 when the shop is not in the log.',
  ],
  options: { all: { type: 'boolean' } },
  positionals: { min: 0, max: 1, names: ['shopId'] },
  async run({ values, positionals }, context) {
    const all = values.all === true;
    if (all === (positionals.length === 1)) throw usageError('Give a shopId or --all (not both)');
    return all ? verifyAll(context) : verifyShop(positionals[0], context);
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

async function verifyAll(context: CliContext) {
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
  if (context.json) await context.out(JSON.stringify(notChecked.length > 0 ? { ...verdict, notChecked } : verdict, null, 2) + '\n');
  else await context.out(describeLog(verdict, notChecked));
  return verdict.intact ? EXIT.ok : EXIT.tampered;
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
