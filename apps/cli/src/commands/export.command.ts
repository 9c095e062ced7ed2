import { matchesTimelineFilter, timelineEntryOf } from '@shoplink/shops';
import { csvHeader, csvRecord, jsonLine } from '../../../api/src/history/timeline-csv';
import { CliCommand, EXIT, usageError } from '../cli-command';
import { shopEvents } from '../shop-events';
import { TIMELINE_FILTER_HELP, TIMELINE_FILTER_OPTIONS, TIMELINE_FILTER_USAGE, timelineFilterFromArgs } from '../timeline-filter-options';

const FORMATS = ['jsonl', 'csv'] as const;
type ExportFormat = (typeof FORMATS)[number];
/** Records are written in chunks of about this many characters: few writes, little memory. */
const CHUNK_CHARS = 64 * 1024;

/**
 * `export <shopId> --format jsonl|csv`: the shop's timeline to stdout, streamed page by page from its
 * stream, in the very bytes of GET /v1/shops/:shopId/history/export (same entries, same formatter).
 */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: "The shop's timeline as JSON Lines or CSV on stdout, streamed from its stream",
  usage: `export <shopId> --format jsonl|csv ${TIMELINE_FILTER_USAGE}`,
  help: [
    '  --format jsonl|csv  JSON Lines (one timeline entry per line, values exact) or CSV (RFC 4180, header row, CRLF;',
    "                      a value starting with = + - @ TAB or CR gets a leading ' so spreadsheets never run it)",
    'The same bytes as GET /v1/shops/:shopId/history/export, read from the stream itself (not the read model).',
    'Memory stays flat: read and written a page at a time.',
    'Redirect it: shoplink-audit export brand --format csv > brand.csv (with npm: npm run -s audit -- …).',
    ...TIMELINE_FILTER_HELP,
    'Exit 4, writing nothing, when the shop is not in the log.',
  ],
  options: { format: { type: 'string' }, ...TIMELINE_FILTER_OPTIONS },
  positionals: { min: 1, max: 1, names: ['shopId'] },
  async run({ values, positionals }, context) {
    const [shopId] = positionals;
    const format = values.format as ExportFormat | undefined;
    if (context.json) throw usageError('export writes --format jsonl or csv; --json does not apply');
    if (format === undefined || !FORMATS.includes(format)) throw usageError(`export needs --format ${FORMATS.join('|')}`);
    const filter = timelineFilterFromArgs(values);
    const store = context.openAuditStores().readable();
    // The header is written with the first record, once the shop is known to exist: a typo writes nothing to stdout.
    let chunk = format === 'csv' ? csvHeader() : '';
    let records = 0;
    for await (const event of shopEvents(store, shopId)) {
      const entry = timelineEntryOf(event);
      if (!matchesTimelineFilter(entry, filter)) continue;
      chunk += format === 'csv' ? csvRecord(entry) : jsonLine(entry);
      records += 1;
      if (chunk.length >= CHUNK_CHARS) {
        await context.out(chunk);
        chunk = '';
      }
    }
    if (records > 0 || format === 'csv') await context.out(chunk);
    return EXIT.ok;
  },
};
