import pino from 'pino';
import { becomeEmbeddedWriter, ConfigProblems, exitOnConfigProblems, exitOnStartupFailure } from '@shoplink/storage';
import { loadObservabilityConfig } from '../../api/src/observability/observability-config';
import { destinationOf, pinoOptions } from '../../api/src/observability/logging/pino-params';
import { startTracing } from '../../api/src/observability/tracing/start-tracing';
import { loadProjectorConfig } from './projector-config';
import { startProjectorProcess } from './projector-process';

const SERVICE = 'shoplink-projector';

/**
 * The projector process: `node dist/apps/projector/src/main.js` (`npm run start:projector`).
 * Logs as the API does (pino, JSON lines by default; SHOPLINK_LOG_LEVEL, SHOPLINK_LOG_FORMAT),
 * with `service: shoplink-projector`; traces its batches when the OTEL_* variables ask.
 */
async function main(): Promise<void> {
  const problems = new ConfigProblems();
  const config = problems.read(() => loadProjectorConfig(), undefined);
  const observability = problems.read(() => loadObservabilityConfig(), undefined);
  exitOnConfigProblems(problems);
  if (config === undefined || observability === undefined) return;
  const options = { ...observability, service: SERVICE };
  const log = pino(pinoOptions(options), destinationOf(options));
  // Off unless the standard OTEL_* variables ask for it.
  const tracerProvider = startTracing(process.env, SERVICE);

  let running;
  try {
    // The one writer of an embedded read-model file for this process's life (exit 74 while another holds it).
    becomeEmbeddedWriter(config.storage, 'projector');
    running = await startProjectorProcess(config, log, { processMetrics: observability.processMetrics, tracing: tracerProvider !== null });
  } catch (error) {
    await tracerProvider?.shutdown();
    // One JSON line and an exit code (74 storage, 70 internal; see docs/operations.md), not a stack trace.
    exitOnStartupFailure(error);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${signal}: committing the batch in hand and stopping`);
    running
      .stop(signal)
      // The batch spans not yet exported go now.
      .then(() => tracerProvider?.shutdown())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error, signal }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main().catch((error: unknown) => exitOnStartupFailure(error));
