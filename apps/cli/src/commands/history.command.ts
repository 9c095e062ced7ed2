import { matchesTimelineFilter, TimelineEntry, timelineEntryOf } from '@shoplink/shops';
import { CliCommand, EXIT } from '../cli-command';
import { printable } from '../printable';
import { shopEvents } from '../shop-events';
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
  ],
  options: TIMELINE_FILTER_OPTIONS,
  positionals: { min: 1, max: 1, names: ['shopId'] },
  async run({ values, positionals }, context) {
    const [shopId] = positionals;
    const filter = timelineFilterFromArgs(values);
    const store = context.openAuditStores().readable();
    const entries: TimelineEntry[] = [];
    for await (const event of shopEvents(store, shopId)) {
      const entry = timelineEntryOf(event);
      if (!matchesTimelineFilter(entry, filter)) continue;
      if (context.json) entries.push(entry);
      else await context.out(lineOf(entry));
    }
    if (context.json) await context.out(JSON.stringify({ shopId, entries }, null, 2) + '\n');
    return EXIT.ok;
  },
};

function lineOf(entry: TimelineEntry): string {
  return `${printable(entry.occurredAt)}  #${String(entry.revision).padEnd(4)} ${printable(entry.type).padEnd(30)} ${printable(entry.actor ?? '-').padEnd(24)} ${printable(entry.summary)}\n`;
}
