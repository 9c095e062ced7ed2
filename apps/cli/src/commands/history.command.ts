import { matchesTimelineFilter, TimelineEntry, timelineEntryOf } from '@shoplink/shops';
import { CliCommand, EXIT } from '../cli-command';
import { printable } from '../printable';
import { ChainCheck, shopEvents } from '../shop-events';
import { TIMELINE_FILTER_HELP, TIMELINE_FILTER_OPTIONS, TIMELINE_FILTER_USAGE, timelineFilterFromArgs } from '../timeline-filter-options';

/**
 * `history <shopId>`: the shop's timeline straight from its stream (not from the read model), one
 * line per event, in the very words of the history route (`timelineEntryOf`).
 */
export const historyCommand: CliCommand = {
  name: 'history',
  summary: "The shop's timeline from its stream, one line per event: time, revision, type, actor, summary",
  usage: `history <shopId> ${TIMELINE_FILTER_USAGE}`,
  help: [
    'Reads the shop stream itself (never the read model), oldest event first.',
    'Each line: occurredAt, #revision, event type, actor, summary (the same words as GET /v1/shops/:shopId/history).',
    ...TIMELINE_FILTER_HELP,
    '  --json              { shopId, entries: [...] }, each entry as the history route answers it',
    'Exit 4 when the shop is not in the log (a shop whose events all miss the filters answers 0, with no line).',
    "The stream's hash chain is checked as it is read: when it breaks, the lines are still printed, the first break",
    'is named on stderr (and in --json as integrity), and the exit is 5.',
  ],
  options: TIMELINE_FILTER_OPTIONS,
  positionals: { min: 1, max: 1, names: ['shopId'] },
  async run({ values, positionals }, context) {
    const [shopId] = positionals;
    const filter = timelineFilterFromArgs(values);
    const store = context.openAuditStores().readable();
    const entries: TimelineEntry[] = [];
    const chain: ChainCheck = { firstProblem: null };
    for await (const event of shopEvents(store, shopId, chain)) {
      const entry = timelineEntryOf(event);
      if (!matchesTimelineFilter(entry, filter)) continue;
      if (context.json) entries.push(entry);
      else await context.out(lineOf(entry));
    }
    const integrity = { intact: chain.firstProblem === null, firstProblem: chain.firstProblem };
    if (context.json) await context.out(JSON.stringify({ shopId, entries, integrity }, null, 2) + '\n');
    if (chain.firstProblem === null) return EXIT.ok;
    const { streamId, revision, kind, message } = chain.firstProblem;
    context.err(
      printable(
        `WARNING: the hash chain of ${streamId} breaks at revision ${revision} (${kind}): ${message}. The events from there on are not as they were written`,
      ) + '\n',
    );
    return EXIT.brokenChain;
  },
};

function lineOf(entry: TimelineEntry): string {
  return `${printable(entry.occurredAt)}  #${String(entry.revision).padEnd(4)} ${printable(entry.type).padEnd(30)} ${printable(entry.actor ?? '-').padEnd(24)} ${printable(entry.summary)}\n`;
}
