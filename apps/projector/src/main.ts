import { becomeEmbeddedWriter, ConfigError, describeStorage, exitOnStartupFailure } from '@shoplink/storage';
import { loadProjectorConfig } from './projector-config';
import { startProjectorProcess } from './projector-process';

/** The projector process: `node dist/apps/projector/src/main.js` (`npm run start:projector`). */
async function main(): Promise<void> {
  let config;
  try {
    config = loadProjectorConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(78);
    }
    throw error;
  }
  const log = {
    info: (line: string) => console.log(`[projector] ${line}`),
    error: (line: string) => console.error(`[projector] ${line}`),
  };
  // The one writer of an embedded read-model file for this process's life (exit 74 while another holds it).
  becomeEmbeddedWriter(config.storage, 'projector');
  const running = await startProjectorProcess(config, log);
  log.info(`running ${running.projector.name}; ${describeStorage(config.storage)}; health at ${running.url}/health/ready`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: committing the batch in hand and stopping`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`stopping failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

// One JSON line and an exit code (74 storage, 70 internal; see docs/operations.md), not a stack trace.
void main().catch((error: unknown) => exitOnStartupFailure(error));
