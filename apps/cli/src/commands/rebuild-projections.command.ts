import { CheckpointMovedError, rebuildProjections, RebuildProgress, RebuildSummary } from '@shoplink/read-models';
import { SqliteReadModelStore } from '@shoplink/read-models/sqlite';
import { SHOP_READ_MODELS } from '@shoplink/shops';
import { CliCommand, CliContext, CliError, EXIT } from '../cli-command';
import { rebuildThreadsFor } from '../rebuild/rebuild-threads';

/** Plain progress lines (no terminal) at most this often. */
const PLAIN_PROGRESS_EVERY_MS = 2_000;
const BAR_WIDTH = 30;

/**
 * `rebuild-projections`: replays `$all` from the start into fresh read models (every one the
 * service keeps: SHOP_READ_MODELS) and switches them in atomically. Safe with the service
 * running: the switch is one transaction, and the service's projector, whose commits are
 * fenced on its checkpoint, continues from the rebuilt checkpoint.
 */
export const rebuildProjectionsCommand: CliCommand = {
  name: 'rebuild-projections',
  summary: 'Replay the whole log into fresh read models, then switch them in atomically (the service may keep running)',
  usage: 'rebuild-projections',
  help: [
    `Rebuilds every read model the service keeps (${[...new Set(SHOP_READ_MODELS.projections.map((p) => p.collection))].join(', ')}),`,
    `projector "${SHOP_READ_MODELS.projector}", from the first event of the log: into fresh collections first, switched in`,
    'with their checkpoint in one transaction once the replay reaches the end the log had when it started (later events',
    "are the running projector's). With two cores or more the timeline is replayed on a second thread at the same time",
    '(SHOPLINK_REBUILD_THREADS=0: one thread; the documents are the same). Until the switch the live read models',
    'are untouched, and a rebuild that fails or is interrupted leaves them as they were (the next one starts afresh).',
    'The service may keep running: readers see the old documents or the new, never a mix, and its projector continues',
    'from the rebuilt checkpoint (it applies the events appended after the replay began). Two rebuilds at once: the',
    'second to write is refused (exit 3). Works on the embedded SQLite file only (refused, exit 2, when EVENTSTORE_URL',
    'or MONGODB_URI is set: there the projector rebuilds its read models).',
    'Progress: a bar on a terminal, a plain line every 2 s otherwise (stderr); then a summary on stdout.',
    '  --json    the summary as JSON (no progress)',
  ],
  options: {},
  positionals: { min: 0, max: 0, names: [] },
  async run(_args, context) {
    const { config } = context.auditSource();
    if (config.eventStore.kind !== 'sqlite' || config.documents.kind !== 'sqlite')
      throw new CliError(
        EXIT.usage,
        'SQLITE_ONLY',
        'rebuild-projections rebuilds the read models of the embedded SQLite file only; with EVENTSTORE_URL or MONGODB_URI set, the projector (apps/projector) rebuilds them',
      );
    const eventStore = context.openAuditStores().stored; // refuses a missing data file (exit 2)
    const store = new SqliteReadModelStore(context.dataFile, { synchronous: 'NORMAL' });
    const progress = progressReporter(context);
    let summary: RebuildSummary;
    try {
      summary = await rebuildProjections({
        ...SHOP_READ_MODELS,
        eventStore,
        store,
        onProgress: progress,
        threads: rebuildThreadsFor(context.dataFile, context.env),
      });
    } catch (error) {
      if (error instanceof CheckpointMovedError) {
        throw new CliError(
          EXIT.internal,
          'REBUILD_CONFLICT',
          'Another rebuild of the same read models wrote at the same time; nothing was switched in by this one. Run it again once the other has finished.',
        );
      }
      throw error;
    } finally {
      if (!context.json) context.progress('');
      await store.close();
    }
    await context.out(context.json ? `${JSON.stringify(summary, null, 2)}\n` : describe(summary));
    return EXIT.ok;
  },
};

/** A bar on a terminal (context.progress shows only there), plain lines on stderr otherwise, nothing with --json. */
function progressReporter(context: CliContext): ((p: RebuildProgress) => void) | undefined {
  if (context.json) return undefined;
  const terminal = process.stderr.isTTY === true;
  let lastLine = -Infinity;
  return (p) => {
    if (terminal) {
      context.progress(progressBar(p));
      return;
    }
    // Every phase once (the summary follows 'done'), and the replay every 2 s.
    const now = Date.now();
    if (p.phase === 'done' || (p.phase === 'replaying' && now - lastLine < PLAIN_PROGRESS_EVERY_MS)) return;
    lastLine = now;
    context.err(`${progressLine(p)}\n`);
  };
}

/** `[███████░░░░░░░]  52%  520,000 / 1,000,000 events  48,210 events/s  replaying` */
export function progressBar(p: RebuildProgress, width = BAR_WIDTH): string {
  const fraction = p.eventsTotal > 0 ? Math.min(1, p.eventsDone / p.eventsTotal) : 1;
  const filled = Math.round(fraction * width);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${percent}  ${counts(p)}  ${p.phase}`;
}

export function progressLine(p: RebuildProgress): string {
  const percent = p.eventsTotal > 0 ? ` (${Math.floor(Math.min(1, p.eventsDone / p.eventsTotal) * 100)}%)` : '';
  return `rebuild-projections: ${p.phase}, ${counts(p)}${percent}`;
}

function counts(p: RebuildProgress): string {
  return `${n(p.eventsDone)} / ${n(p.eventsTotal)} events  ${n(p.eventsPerSecond)} events/s`;
}

function describe(summary: RebuildSummary): string {
  const width = Math.max(...Object.keys(summary.documents).map((c) => c.length));
  return [
    `Rebuilt the read models of "${summary.projector}" from ${n(summary.events)} events in ${summary.seconds.toFixed(1)} s (${n(summary.eventsPerSecond)} events/s):`,
    ...Object.entries(summary.documents).map(([collection, count]) => `  ${collection.padEnd(width)}  ${n(count)} documents`),
    `  replaying ${summary.phases.replaying.toFixed(1)} s, final write ${summary.phases.writing.toFixed(1)} s, switching in ${summary.phases.switching.toFixed(2)} s`,
    ...summary.threads.map((thread) => `  on a second thread: ${thread.collections.join(', ')} (${thread.seconds.toFixed(1)} s)`),
    summary.checkpoint === null
      ? 'Switched in: the log is empty, so are the read models.'
      : `Switched in at position ${summary.checkpoint}; a running service's projector continues from there.`,
    '',
  ].join('\n');
}

const n = (value: number): string => value.toLocaleString('en');
