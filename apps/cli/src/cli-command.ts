import type { ParseArgsConfig } from 'node:util';
import type { EventStore } from '@shoplink/event-store';

/** Exit codes, the same for every command. */
export const EXIT = {
  ok: 0,
  /** Tampering found, or the shop / stream / revision asked about does not exist. */
  failure: 1,
  /** Bad arguments, or a data file that does not exist. */
  usage: 2,
  /** Anything else: a bug or a broken environment. */
  unexpected: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Where a command writes; tests and main.ts pass the real or captured streams. */
export interface CliOutput {
  /** Writes to stdout, waiting when the reader is slower (an export piped into another program). */
  out(text: string): Promise<void>;
  err(text: string): void;
  /** A transient progress line (only shown on a terminal); optional. */
  progress?(text: string): void;
}

export interface CliContext extends CliOutput {
  progress(text: string): void;
  readonly json: boolean;
  readonly dataFile: string;
  /** The environment (SHOPLINK_TOKEN_SECRET and the like). */
  readonly env: NodeJS.ProcessEnv;
  /** Opens the embedded event store on the data file (read as it is: no hash is added or fixed). */
  openEventStore(): EventStore;
  /**
   * The same log with personal fields opened with the keys in the data file (or shown as
   * "[erased]" once forgotten), as the service's history, state and export answers show them.
   */
  openReadableEventStore(): EventStore;
  /** The highest position the embedded store ever handed out (sqlite_sequence), or null. */
  highestPositionIssued(): bigint | null;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * One auditor command. Register it in `commands/index.ts` (one line) and `--help`, argument
 * parsing, `--json`, `--data-file` and the exit codes come with it.
 */
export interface CliCommand {
  readonly name: string;
  /** One line, for the command list. */
  readonly summary: string;
  /** Usage line(s) after `shoplink-audit`, e.g. `state <shopId> (--as-of <time> | --revision <n>)`. */
  readonly usage: string;
  /** Lines of help about the command's own options and output. */
  readonly help: readonly string[];
  /** The command's own options (`--json`, `--data-file` and `--help` are common to all). */
  readonly options: OptionsConfig;
  /** How many positional arguments it takes, at least and at most. */
  readonly positionals: { readonly min: number; readonly max: number; readonly names: readonly string[] };
  run(args: ParsedArgs, context: CliContext): Promise<ExitCode>;
}

/** An expected failure: printed as one line (or JSON), never as a stack trace. */
export class CliError extends Error {
  constructor(
    readonly exitCode: ExitCode,
    readonly code: string,
    message: string,
    readonly details: readonly unknown[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const usageError = (message: string): CliError => new CliError(EXIT.usage, 'USAGE', message);
