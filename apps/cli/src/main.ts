#!/usr/bin/env node
import { runCli } from './cli';
import { CliOutput } from './cli-command';

/** `shoplink-audit <command>` (or `npm run -s audit -- <command>`): see `--help`. */
const output: CliOutput = {
  out: (text) =>
    new Promise((resolve) => {
      // Wait for the reader when it is slower (an export piped into gzip), so memory stays flat.
      if (text === '' || process.stdout.write(text)) resolve();
      else process.stdout.once('drain', resolve);
    }),
  err: (text) => {
    process.stderr.write(text);
  },
  progress: (text) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${text}`);
  },
};

// A reader that stops early (`| head`) closes the pipe: stop quietly, as other Unix tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), output).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`shoplink-audit: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 3;
  },
);
