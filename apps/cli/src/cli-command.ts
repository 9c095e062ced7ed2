import type { ParseArgsConfig } from 'node:util';
import type { AuditSource, AuditStores } from './audit-stores';

/** Exit codes, the same for every command (docs/auditing.md has the table). */
export const EXIT = {
  ok: 0,
  /** Verification failed: tampering found. Only `verify` answers it. */
  tampered: 1,
  /** Bad arguments or settings (a malformed storage setting, a data file that does not exist). */
  usage: 2,
  /** Anything else: a bug, an unreachable server, a broken environment, a rebuild that lost a race. */
  internal: 3,
  /** The shop, or the moment or revision of it, asked about is not in the log. */
  notFound: 4,
  /** `verify --digest`: a digest whose signature does not verify with a known key; nothing is concluded from it. */
  digestNotAuthentic: 5,
  /**
   * An answer that rests on a broken hash chain: `state` and `history` still print what the stored
   * events say (with a warning on stderr), or refuse when an event was removed before the point asked.
   */
  brokenChain: 6,
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
  /** The embedded SQLite file (--data-file, else SHOPLINK_DATA_FILE, else data/shoplink.db): secrets sit beside it. */
  readonly dataFile: string;
  /** The environment (SHOPLINK_TOKEN_SECRET and the like). */
  readonly env: NodeJS.ProcessEnv;
  /** Which store the audit commands read (EVENTSTORE_URL: KurrentDB; otherwise the data file); refuses bad settings (exit 2). */
  auditSource(): AuditSource;
  /** Opens the log through the EventStore port, once; closed when the command ends. */
  openAuditStores(): AuditStores;
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
