import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { StreamIntegrityBrokenError, StreamNotFoundError } from '@shoplink/event-store';
import { ShopRuleViolation } from '@shoplink/shops';
import { dataFileOf } from '@shoplink/storage';
import { openAuditStores, selectAuditSource } from './audit-storage';
import { AuditSource, AuditStores, OpenAuditStores } from './audit-stores';
import { CliCommand, CliContext, CliError, CliOutput, EXIT, ExitCode, OptionsConfig, usageError } from './cli-command';
import { COMMANDS } from './commands';

const PROGRAM = 'shoplink-audit';

const COMMON_OPTIONS: OptionsConfig = {
  'data-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
};

const EXIT_CODES_HELP =
  'Exit codes: 0 ok (intact), 1 tampering found, 2 usage error (bad arguments or settings), 3 internal error, 4 not found (shop, moment or revision), ' +
  '5 a digest not signed by a known key (verify --digest), 6 the answer rests on a broken hash chain (state, history: printed with a warning, or refused across a removed event).';

/** The data file the service uses by default (libs/storage dataFileOf): SHOPLINK_DATA_FILE, else data/shoplink.db. */
export function defaultDataFile(env: NodeJS.ProcessEnv): string {
  return dataFileOf(env);
}

/** What tests replace: how the stores are opened (the real adapters by default). */
export interface CliDependencies {
  readonly openAuditStores?: OpenAuditStores;
}

/**
 * Runs one auditor command and answers its exit code. Expected failures (bad arguments, a shop
 * that does not exist) print one line, or a JSON object with `--json`, on stderr; stdout carries
 * the command's answer only.
 */
export async function runCli(
  argv: readonly string[],
  output: CliOutput,
  env: NodeJS.ProcessEnv = process.env,
  dependencies: CliDependencies = {},
): Promise<ExitCode> {
  const json = argv.includes('--json');
  const open = dependencies.openAuditStores ?? openAuditStores;
  let stores: AuditStores | null = null;
  try {
    const [name, ...rest] = argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      const topic = name === 'help' ? rest[0] : undefined;
      const command = topic === undefined ? undefined : findCommand(topic);
      // Asked for, help is the answer (stdout, 0); with no command at all it is a usage error (stderr, 2).
      if (name === undefined) {
        output.err(generalHelp());
        return EXIT.usage;
      }
      if (topic !== undefined && command === undefined)
        throw usageError(`Unknown command "${topic}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
      await output.out(command ? commandHelp(command) : generalHelp());
      return EXIT.ok;
    }
    if (name.startsWith('-')) throw usageError(`Name a command first, e.g. ${PROGRAM} verify --all (see ${PROGRAM} --help)`);
    const command = findCommand(name);
    if (command === undefined)
      throw usageError(`Unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')} (see ${PROGRAM} --help)`);

    const parsed = parse(command, rest);
    if (parsed.values.help === true) {
      await output.out(commandHelp(command));
      return EXIT.ok;
    }
    const { min, max, names } = command.positionals;
    if (parsed.positionals.length < min)
      throw usageError(
        `${command.name} needs ${names
          .slice(0, min)
          .map((n) => `<${n}>`)
          .join(' ')}; usage: ${PROGRAM} ${command.usage}`,
      );
    if (parsed.positionals.length > max)
      throw usageError(`${command.name} takes at most ${max} argument${max === 1 ? '' : 's'}; usage: ${PROGRAM} ${command.usage}`);

    const dataFileOption = typeof parsed.values['data-file'] === 'string' ? parsed.values['data-file'] : undefined;
    const dataFile = dataFileOption !== undefined ? resolve(dataFileOption) : defaultDataFile(env);
    let source: AuditSource | null = null;
    const context: CliContext = {
      out: (text) => output.out(text),
      err: (text) => output.err(text),
      progress: (text) => output.progress?.(text),
      json: parsed.values.json === true,
      dataFile,
      env,
      auditSource: () => (source ??= selectAuditSource(env, dataFileOption)),
      openAuditStores: () => (stores ??= open(context.auditSource())),
    };
    return await command.run(parsed, context);
  } catch (error) {
    return report(error, output, json);
  } finally {
    await (stores as AuditStores | null)?.close();
  }
}

function findCommand(name: string): CliCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

function parse(command: CliCommand, args: readonly string[]) {
  try {
    return parseArgs({ args: [...args], options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's own messages name the option; they are made for people.
    throw usageError(`${error instanceof Error ? error.message : String(error)} (usage: ${PROGRAM} ${command.usage})`);
  }
}

function report(error: unknown, output: CliOutput, json: boolean): ExitCode {
  let failure: CliError;
  if (error instanceof CliError) failure = error;
  else if (error instanceof ShopRuleViolation)
    // The audit reads refuse only what is not in the log (no shop, not yet registered, no such revision).
    failure = new CliError(error.kind === 'not_found' ? EXIT.notFound : EXIT.usage, error.code, error.message, error.details);
  else if (error instanceof StreamNotFoundError) failure = new CliError(EXIT.notFound, error.code, error.message);
  else if (error instanceof StreamIntegrityBrokenError)
    failure = new CliError(EXIT.brokenChain, error.code, error.message, [error.problem]);
  else {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    output.err(
      json
        ? JSON.stringify({ error: { code: 'UNEXPECTED', message: error instanceof Error ? error.message : String(error) } }) + '\n'
        : `${PROGRAM}: unexpected error: ${text}\n`,
    );
    return EXIT.internal;
  }
  if (json) output.err(JSON.stringify({ error: { code: failure.code, message: failure.message, details: failure.details } }) + '\n');
  else {
    const details = failure.details.map(
      (d) => `  ${typeof d === 'object' && d !== null && 'message' in d ? String(d.message) : JSON.stringify(d)}\n`,
    );
    output.err(`${PROGRAM}: ${failure.message}${failure.code === 'USAGE' ? '' : ` (${failure.code})`}\n${details.join('')}`);
  }
  return failure.exitCode;
}

function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length)) + 2;
  return [
    `${PROGRAM}: auditor's tools for a Shoplink data file (history, state as of a moment, tamper evidence, export, rebuilds) and service tokens and actor assertions for local use`,
    '',
    `Usage: ${PROGRAM} <command> [arguments] [--data-file <path>] [--json]`,
    `       npm run -s audit -- <command> [arguments]`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}${c.summary}`),
    '',
    'Common options:',
    '  --data-file <path>  the SQLite data file (default: $SHOPLINK_DATA_FILE, else data/shoplink.db); not with EVENTSTORE_URL',
    '  --json              machine-readable answer on stdout (errors as JSON on stderr)',
    "  -h, --help          this help, or a command's: shoplink-audit <command> --help",
    '',
    'Stores: history, state, verify and export read the log the service is configured with: KurrentDB when',
    'EVENTSTORE_URL is set (personal-data keys on MongoDB when MONGODB_URI is set), else the SQLite data file.',
    '',
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return [
    `Usage: ${PROGRAM} ${command.usage} [--data-file <path>] [--json]`,
    '',
    command.summary,
    '',
    ...command.help,
    ...(command.help.length > 0 ? [''] : []),
    EXIT_CODES_HELP,
    '',
  ].join('\n');
}
