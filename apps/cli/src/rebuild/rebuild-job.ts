import { RebuildThreadJob } from '@shoplink/read-models';

/** What the rebuild thread is given: the data file, the collections it replays, and the job's names. */
export interface RebuildWorkerData extends RebuildThreadJob {
  readonly dataFile: string;
  /** The live collections it replays (the job's collections are their shadow names, same order). */
  readonly liveCollections: readonly string[];
}

/** What it answers: its replay's figures, or why it failed (an Error does not cross threads whole). */
export type RebuildWorkerMessage =
  | { readonly kind: 'done'; readonly events: number; readonly documents: readonly number[]; readonly seconds: number }
  | {
      readonly kind: 'failed';
      readonly name: string;
      readonly message: string;
      readonly projector?: string;
      readonly expected?: string | null;
      readonly actual?: string | null;
    };
