import { CliCommand } from '../cli-command';
import { exportCommand } from './export.command';
import { historyCommand } from './history.command';
import { issueAssertionCommand } from './issue-assertion.command';
import { issueTokenCommand } from './issue-token.command';
import { rebuildProjectionsCommand } from './rebuild-projections.command';
import { stateCommand } from './state.command';
import { verifyCommand } from './verify.command';

/**
 * Every auditor command, in the order `--help` lists them. Adding one is one line here (and its
 * import): a `CliCommand` in its own file under commands/.
 */
export const COMMANDS: readonly CliCommand[] = [
  historyCommand,
  stateCommand,
  verifyCommand,
  exportCommand,
  rebuildProjectionsCommand,
  issueTokenCommand,
  issueAssertionCommand,
];
