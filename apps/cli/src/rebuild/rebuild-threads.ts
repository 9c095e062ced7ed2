import { parsePosition } from '@shoplink/event-store';
import { CheckpointMovedError, RebuildThread, RebuildThreadJob, ReplayResult } from '@shoplink/read-models';
import { TIMELINE_COLLECTION } from '@shoplink/shops';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { RebuildWorkerData, RebuildWorkerMessage } from './rebuild-job';

/**
 * The collections `rebuild-projections` replays on a second thread: the timeline, which costs
 * about as much as every other read model together (a row per event, 290 MB per million
 * events), so the two halves take about as long on two cores. Each thread reads the log itself.
 */
export const COLLECTIONS_ON_A_SECOND_THREAD: readonly string[] = [TIMELINE_COLLECTION];

const WORKER_SCRIPT = join(__dirname, 'rebuild.worker.js');

/**
 * The other threads a rebuild of the embedded file uses: none on a single core, with
 * SHOPLINK_REBUILD_THREADS=0, or when running from the TypeScript sources (tests), where the
 * compiled worker script does not exist; everything is then replayed on the calling thread,
 * which gives the same documents.
 */
export function rebuildThreadsFor(dataFile: string, env: NodeJS.ProcessEnv = process.env): RebuildThread[] {
  if (env.SHOPLINK_REBUILD_THREADS === '0' || availableParallelism() < 2 || !existsSync(WORKER_SCRIPT)) return [];
  return [new SqliteRebuildThread(dataFile, COLLECTIONS_ON_A_SECOND_THREAD)];
}

class SqliteRebuildThread implements RebuildThread {
  private worker: Worker | null = null;

  constructor(
    private readonly dataFile: string,
    readonly collections: readonly string[],
  ) {}

  replay(job: RebuildThreadJob): Promise<ReplayResult> {
    const data: RebuildWorkerData = { ...job, dataFile: this.dataFile, liveCollections: this.collections };
    const worker = new Worker(WORKER_SCRIPT, { workerData: data });
    this.worker = worker;
    return new Promise<ReplayResult>((resolve, reject) => {
      let answered = false;
      worker.once('message', (message: RebuildWorkerMessage) => {
        answered = true;
        if (message.kind === 'done') resolve({ events: message.events, documents: message.documents, seconds: message.seconds });
        else reject(errorOf(message));
      });
      worker.once('error', (error) => {
        answered = true;
        reject(error);
      });
      worker.once('exit', (code) => {
        this.worker = null;
        if (!answered) reject(new Error(`the rebuild thread stopped (exit code ${code}) before answering`));
      });
    });
  }

  async cancel(): Promise<void> {
    await this.worker?.terminate();
  }
}

/** The thread's failure as the rebuild's caller knows it: a fence failure stays a CheckpointMovedError. */
function errorOf(message: Extract<RebuildWorkerMessage, { kind: 'failed' }>): Error {
  if (message.name === 'CheckpointMovedError' && message.projector !== undefined) {
    const position = (text: string | null | undefined) => (text == null ? null : parsePosition(text));
    return new CheckpointMovedError(message.projector, position(message.expected), position(message.actual));
  }
  const error = new Error(`the rebuild thread failed: ${message.message}`);
  error.name = message.name;
  return error;
}
